/**
 * Published URLs are permanent: every URL in urls.lock is still produced, and every page produced
 * is in the lock. Shown on fixture registries (tests/fixtures/url-lock) that drop, retire and
 * rename an entry against the lock of the registry they started from.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { producedPaths } from '../../scripts/lock-urls.ts';
import {
	compareLock,
	LOCK_FILE,
	missingMessage,
	readLock,
	unlockedMessage,
} from '../../scripts/url-lock.ts';
import { generate } from '../../scripts/generate.ts';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import { allEntries } from '../../src/registry/model.ts';
import { formatProblem, RegistryError } from '../../src/registry/validation.ts';
import { entryRedirects } from '../../src/site/published.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/url-lock');
/** A project folder with no hand-written pages, so only the fixture registry's pages count. */
const NO_PAGES = FIXTURES;

function against(variant: string) {
	const produced = producedPaths(loadRegistry(join(FIXTURES, variant)), NO_PAGES);
	return compareLock(readLock(join(FIXTURES, 'urls.lock')), produced);
}

describe('urls.lock', () => {
	it('lists every URL the site produces, and the site produces every URL it lists', () => {
		const { missing, unlocked } = compareLock(readLock(LOCK_FILE), producedPaths(loadRegistry()));
		assert.deepEqual(missing, [], missingMessage(missing));
		assert.deepEqual(unlocked, [], unlockedMessage(unlocked));
	});

	it('covers the home page, every product overview and every entry page', () => {
		const locked = new Set(readLock(LOCK_FILE));
		const registry = loadRegistry();
		for (const path of [
			'/',
			...registry.products.map((p) => p.path),
			...allEntries(registry).map((e) => e.path),
		]) {
			assert.ok(locked.has(path), `${path} is not in urls.lock`);
		}
	});
});

describe('a registry edit that would break a published URL', () => {
	it('fails when an entry is dropped, naming its URL and how to retire or rename a code', () => {
		const { missing } = against('dropped');
		assert.deepEqual(missing, ['/demo/errors/disk-full/']);
		const message = missingMessage(missing);
		assert.match(message, /\/demo\/errors\/disk-full\//);
		assert.match(message, /`removed:`/);
		assert.match(message, /no longer emitted/);
		assert.match(message, /`formerSlugs:`/);
	});

	it('is refused by the generator (and so the build and the dev server) naming the file, the URL and what to do', () => {
		const docs = mkdtempSync(join(tmpdir(), 'atlas-lock-'));
		try {
			assert.throws(
				() => generate(join(FIXTURES, 'dropped'), docs, join(FIXTURES, 'urls.lock')),
				(error: unknown) => {
					assert.ok(error instanceof RegistryError);
					assert.equal(error.problems.length, 1);
					const line = formatProblem(error.problems[0]!);
					assert.match(
						line,
						/dropped\/demo\.yaml:1:1 {2}\(file\): \/demo\/errors\/disk-full\/ is published \(urls\.lock\) and no longer produced/
					);
					assert.match(line, /`removed:`/);
					assert.doesNotMatch(line, /\n/);
					return true;
				}
			);
			assert.doesNotThrow(() =>
				generate(join(FIXTURES, 'retired'), docs, join(FIXTURES, 'urls.lock'))
			);
		} finally {
			rmSync(docs, { recursive: true, force: true });
		}
	});

	it('passes when the entry is kept with `removed`', () => {
		assert.deepEqual(against('retired'), { missing: [], unlocked: [] });
	});

	it('passes when the entry is renamed with its old slug kept, and asks to lock the new URL', () => {
		const { missing, unlocked } = against('renamed');
		assert.deepEqual(missing, []);
		assert.deepEqual(unlocked, ['/demo/errors/storage-full/']);
		assert.match(unlockedMessage(unlocked), /npm run lock:urls/);
	});

	it("redirects a renamed entry's old URL to its new page", () => {
		assert.deepEqual(entryRedirects(loadRegistry(join(FIXTURES, 'renamed'))), {
			'/demo/errors/disk-full/': '/demo/errors/storage-full/',
		});
	});

	it("refuses a former slug that is still another entry's page, naming file, line and field", () => {
		assert.throws(
			() => loadRegistry(join(FIXTURES, 'former-slug-taken')),
			(error: unknown) =>
				error instanceof RegistryError &&
				/former-slug-taken\/demo\.yaml:11:\d+ {2}errors\[1\]\.formerSlugs\[0\]: "port-in-use" is the slug of errors\[0\]/.test(
					error.message
				)
		);
	});

	it('passes on the registry the lock was made from', () => {
		assert.deepEqual(against('published'), { missing: [], unlocked: [] });
	});
});
