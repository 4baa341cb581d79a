/**
 * `npm start`'s server (scripts/serve.ts) at its edges: a build with no 404 page, as while one is
 * being rebuilt, answers a missing page with a plain 404 and keeps serving.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '../../scripts/serve.ts';

describe('npm start on a build with no 404 page', () => {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
	let server: Awaited<ReturnType<typeof serve>>;
	let base: string;
	before(async () => {
		writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>');
		server = await serve(dir, 0);
		base = `http://localhost:${(server.address() as AddressInfo).port}`;
	});
	after(() => {
		server.close();
		rmSync(dir, { recursive: true });
	});

	it('answers a missing page with a plain 404, and goes on serving', async () => {
		const missing = await fetch(`${base}/nope/`);
		assert.equal(missing.status, 404);
		assert.match(await missing.text(), /no page here/);
		const home = await fetch(`${base}/`);
		assert.equal(home.status, 200);
		assert.match(await home.text(), /<title>home<\/title>/);
	});
});
