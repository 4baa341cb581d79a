/**
 * The comparison of two builds (scripts/check-reproducible.ts), on two small "builds" of the same
 * site that differ (tests/fixtures/reproducible): it names each file that differs, is missing or
 * is extra, and nothing else. The real check builds the site twice in `npm test`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { compareBuilds, formatDifferences, MAY_DIFFER } from '../../scripts/check-reproducible.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/reproducible');
const first = join(FIXTURES, 'first');
const second = join(FIXTURES, 'second');

it('names every file that differs between two builds, and only those', () => {
	const differences = compareBuilds(first, second);
	assert.deepEqual(differences, [
		{ path: 'api/extra.json', problem: 'only in the second build' },
		{ path: 'api/stamp.json', problem: 'only in the first build' },
		{ path: 'page.html', problem: 'differs' },
	]);
	assert.match(formatDifferences(differences), /^ {2}page\.html: differs$/m);
});

it('leaves out only the paths listed as allowed to differ, and lists none for the site', () => {
	assert.deepEqual(MAY_DIFFER, []);
	const allowed = [{ pattern: /^api\//, why: 'fixture: a folder that may differ' }];
	assert.deepEqual(compareBuilds(first, second, allowed), [{ path: 'page.html', problem: 'differs' }]);
	assert.deepEqual(compareBuilds(first, first), []);
});
