/**
 * The link checks of the built site, on a small built site with known breakage
 * (tests/fixtures/broken-site): they report what is broken, and only that.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '../../scripts/serve.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { danglingUrls } from '../support/machine-urls.ts';
import { brokenLinks, pagePaths } from '../support/site-links.ts';

const SITE = join(PROJECT_ROOT, 'tests/fixtures/broken-site');

describe('links of the built site', () => {
	let server: Awaited<ReturnType<typeof serve>>;
	let base: string;
	before(async () => {
		server = await serve(SITE, 0);
		base = `http://localhost:${(server.address() as AddressInfo).port}/`;
	});
	after(() => server.close());

	it('reports a link to a missing page and to a missing anchor, with the page they are on, also on pages no link leads to', async () => {
		assert.deepEqual(pagePaths(SITE), ['/', '/404.html', '/a/', '/orphan/']);
		const broken = await brokenLinks(base, pagePaths(SITE), 'http://atlas.test');
		assert.deepEqual(broken.map((b) => `${b.page} → ${b.link}: ${b.reason}`).sort(), [
			'/ → /a/#nowhere: no element has this id',
			'/ → /gone/: HTTP 404',
			'/orphan/ → /missing/: HTTP 404',
		]);
	});
});

describe('URLs in llms.txt files and JSON', () => {
	it('reports each site URL that names no built file or no element, and skips other sites and quoted API paths', () => {
		assert.deepEqual(
			danglingUrls(SITE).map((d) => `${d.file} ${d.url}: ${d.reason}`),
			[
				'api/index.json http://atlas.test/a/#nowhere: the page has no element with id "nowhere"',
				'api/index.json http://atlas.test/a.md: no such file in the built site',
				'llms.txt http://atlas.test/gone/: no such file in the built site',
			]
		);
	});
});
