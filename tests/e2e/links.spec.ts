/**
 * No broken links on the built site: every internal link and anchor of every built page resolves,
 * and so does every site URL in the llms.txt files and the JSON files.
 * (Links in the Markdown pages are also checked while building, by starlight-links-validator.)
 */
import { expect, test } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../support/dist.ts';
import { readLock } from '../../scripts/url-lock.ts';
import {
	danglingUrls,
	formatDanglingUrls,
	machineFiles,
	unresolved,
} from '../support/machine-urls.ts';
import {
	brokenLinks,
	canonicalOrigin,
	formatBrokenLinks,
	pagePaths,
} from '../support/site-links.ts';

test('every internal link and anchor on the built site resolves', async ({ baseURL }) => {
	test.setTimeout(120_000);
	const origin = canonicalOrigin(readFileSync(join(DIST, 'index.html'), 'utf8'));
	const broken = await brokenLinks(`${baseURL}/`, pagePaths(DIST), origin);
	expect(
		broken,
		`Broken links — fix the link or the page it points to:\n${formatBrokenLinks(broken)}`
	).toEqual([]);
});

test('every URL in the llms.txt files and the JSON API resolves to a built file', () => {
	const files = machineFiles(DIST);
	expect(
		files.some((f) => f.endsWith('llms.txt')),
		'the built site has no llms.txt: build the machine-readable outputs'
	).toBe(true);
	const dangling = danglingUrls(DIST);
	expect(
		dangling,
		`URLs that agents would follow into nothing:\n${formatDanglingUrls(dangling)}`
	).toEqual([]);
});

test('every URL in urls.lock is a page of the built site', () => {
	// The lock is checked against the registry in the unit tests; this checks the build agrees.
	const missing = readLock().flatMap((path) => {
		const reason = unresolved(DIST, path);
		return reason ? [`${path}: ${reason}`] : [];
	});
	expect(missing, `Locked URLs the built site does not serve:\n${missing.join('\n')}`).toEqual([]);
});
