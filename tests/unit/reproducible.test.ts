/**
 * The comparison of two builds (scripts/check-reproducible.ts), on two small "builds" of the same
 * site that differ (tests/fixtures/reproducible): it names each file that differs, is missing or
 * is extra, and nothing else. The check itself, as `npm run check:reproducible` runs it, is run on
 * a build shaped like the site's with a second build of the test's making; the real check builds
 * the site twice in `npm test`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import {
	compareBuilds,
	formatDifferences,
	main,
	type Build,
} from '../../scripts/check-reproducible.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import {
	API_REGISTRY_PATH,
	apiEntryPath,
	DECODER_DATA_PATH,
	DIAGNOSE_PATH,
	entryPath,
	LLMS_FULL_PATH,
	llmsTxtPath,
	markdownPath,
	productPath,
	schemaPath,
	shortLinkPath,
	typedModulePath,
} from '../../src/registry/urls.ts';

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

it('leaves out only the paths it is told may differ', () => {
	const allowed = [{ pattern: /^api\//, why: 'fixture: a folder that may differ' }];
	assert.deepEqual(compareBuilds(first, second, allowed), [
		{ path: 'page.html', problem: 'differs' },
	]);
	assert.deepEqual(compareBuilds(first, first), []);
});

/** A file of each kind a build of the site holds, where it lies in the built folder: pages, Markdown twins, endpoints, Astro's and Pagefind's assets. */
function siteFiles(): string[] {
	const [product, entry] = [productPath('demo'), entryPath('demo', 'port-in-use')];
	const page = (path: string) => `${path.slice(1)}index.html`;
	const file = (path: string) => path.slice(1);
	return [
		...['index.html', '404.html', 'favicon.svg', 'sitemap-index.xml', 'sitemap-0.xml'],
		...[DIAGNOSE_PATH, product, entry, shortLinkPath('PORT_IN_USE')].map(page),
		...[
			markdownPath(product),
			markdownPath(entry),
			DECODER_DATA_PATH,
			API_REGISTRY_PATH,
			apiEntryPath('demo', 'port-in-use'),
		].map(file),
		...[
			typedModulePath('demo'),
			schemaPath('registry'),
			llmsTxtPath(),
			llmsTxtPath('demo'),
			LLMS_FULL_PATH,
		].map(file),
		...[
			'_astro/page.B17ebxWI.js',
			'_astro/index.C3fM4Kra.css',
			'pagefind/pagefind-entry.json',
			'pagefind/fragment/en_1a2b3c.pf_fragment',
			'pagefind/index/en_4d5e6f.pf_index',
		],
	];
}

function writeBuild(dir: string, files: readonly string[], text: (path: string) => string): void {
	for (const path of files) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text(path));
	}
}

it('runs a check that lets no file of the site differ, and names each one that does', (t) => {
	const root = mkdtempSync(join(tmpdir(), 'atlas-reproducible-'));
	t.after(() => rmSync(root, { recursive: true, force: true }));
	const files = siteFiles();
	const dist = join(root, 'dist');
	writeBuild(dist, files, (path) => `${path}, first build`);
	/** A second build in which the files `differs` picks are not the same as dist/'s. */
	const rebuild =
		(differs: (path: string) => boolean): Build =>
		(outDir) => {
			writeBuild(outDir, files, (path) => `${path}, ${differs(path) ? 'second' : 'first'} build`);
			return { ok: true, output: '' };
		};
	const errors = t.mock.method(console, 'error', () => {});
	t.mock.method(console, 'log', () => {});
	const check = (build: Build) => main({ dist, second: join(root, 'second'), build });

	assert.equal(check(rebuild(() => false)), true, 'two identical builds pass');
	assert.equal(check(rebuild(() => true)), false, 'two builds that differ in every file fail');
	assert.match(
		String(errors.mock.calls.at(-1)!.arguments[0]),
		new RegExp(`differ in ${files.length} files:`),
		'every file that differs is counted: none may'
	);
	for (const path of files) {
		assert.equal(
			check(rebuild((p) => p === path)),
			false,
			`two builds that differ in ${path} alone pass`
		);
		assert.match(
			String(errors.mock.calls.at(-1)!.arguments[0]),
			new RegExp(`^ {2}${path.replaceAll('.', '\\.')}: differs$`, 'm')
		);
	}
	assert.equal(
		check(() => ({ ok: false, output: 'astro: boom' })),
		false,
		'a second build that fails fails the check'
	);
	assert.match(
		String(errors.mock.calls.at(-1)!.arguments[0]),
		/astro: boom\ncheck:reproducible: the second build failed/
	);
});
