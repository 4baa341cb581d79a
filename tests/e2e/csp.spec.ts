/**
 * The site works under its strict Content Security Policy: every built page's inline scripts and
 * styles are allowed by its own policy, which allows nothing inline in general; and the features
 * that run script — theme switch, search (Pagefind's WebAssembly), copy buttons, the decoder — do
 * so in the browser without a violation (the `test` of ./fixtures.ts fails on any).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { headersFor, parseHeaders } from '../../scripts/serve.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { beforePolicy, cspProblems, formatCspProblems, pagePolicy } from '../support/csp.ts';
import { DIST } from '../support/dist.ts';
import { expect, test, watchCsp } from './fixtures.ts';

const registry = loadRegistry();
/** Home, the decoder, each product overview, and the first entry page of each product. */
const PAGES = ['/', '/diagnose/', ...registry.products.flatMap((p) => [p.path, p.errors[0]!.path])];

/** Every HTML file the build wrote, by its path on the site, with its text. */
const htmlFiles = () =>
	readdirSync(DIST, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html'))
		.map((d) => join(d.parentPath, d.name))
		.map((file) => ({ path: `/${relative(DIST, file)}`, html: readFileSync(file, 'utf8') }));

test('every built page allows its own inline scripts and styles by hash, and nothing inline in general', () => {
	const problems = htmlFiles().flatMap(({ path, html }) => cspProblems(path, html));
	expect(
		problems,
		`Pages whose policy would block their own content, or allow too much:\n${formatCspProblems(problems)}`
	).toEqual([]);
});

test('every HTML file the build writes starts its <head> with the policy, the /e/ redirect pages too', () => {
	const files = htmlFiles();
	expect(
		files.filter((f) => f.path.startsWith('/e/') && f.html.includes('http-equiv="refresh"')).length
	).toBeGreaterThan(0);
	const uncovered = files
		.filter(({ html }) => !pagePolicy(html) || beforePolicy(html))
		.map(
			({ path, html }) =>
				`${path}: ${pagePolicy(html) ? `${beforePolicy(html).length} characters before the policy` : 'no policy'}`
		);
	expect(
		uncovered,
		`HTML files whose <head> does not start with the policy:\n${uncovered.slice(0, 20).join('\n')}`
	).toEqual([]);
});

/** The policy a static host reading dist/_headers sends with a path, directive name → sources. */
function headerPolicy(path: string): Map<string, string[]> | undefined {
	const file = join(DIST, '_headers');
	if (!existsSync(file)) return undefined;
	const value = headersFor(parseHeaders(readFileSync(file, 'utf8')), path).find(
		([name]) => name.toLowerCase() === 'content-security-policy'
	)?.[1];
	return value === undefined
		? undefined
		: pagePolicy(`<meta http-equiv="content-security-policy" content="${value}">`);
}

test("dist/_headers sends every page the pages' own policy as a header, with frame-ancestors 'none'", () => {
	const files = htmlFiles();
	for (const { path, html } of files) {
		const header = headerPolicy(path.replace(/index\.html$/, ''));
		expect(header, `no Content-Security-Policy header for ${path} in dist/_headers`).toBeDefined();
		expect(header!.get('frame-ancestors'), path).toEqual(["'none'"]);
		// The browser enforces both policies: the header allows all the page's meta allows, and no more.
		const meta = pagePolicy(html)!;
		expect(new Map([...header!].filter(([name]) => name !== 'frame-ancestors')), path).toEqual(
			meta
		);
	}
});

test("another site cannot show a page in a frame (the header's frame-ancestors 'none')", async ({
	page,
	baseURL,
	cspViolations,
}) => {
	// The other site, served from this machine: Chromium keeps a public page (or one a test fulfils) from framing a local one anyway.
	const framer = createServer((_, res) =>
		res.writeHead(200, { 'content-type': 'text/html' }).end(`<iframe src="${baseURL}/"></iframe>`)
	);
	await new Promise<void>((ok) => framer.listen(0, '127.0.0.1', ok));
	try {
		await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
		const framed = page.frames().find((f) => f !== page.mainFrame())!;
		await framed.waitForLoadState();
		// Blocked, the frame shows the browser's error page, not the site (whose pages all have a <main>).
		expect(await framed.evaluate(() => document.querySelector('main') === null)).toBe(true);
		await expect.poll(() => cspViolations.join('\n')).toMatch(/frame-ancestors 'none'/);
		// The one violation this test expects; any other still fails it.
		cspViolations.splice(
			0,
			cspViolations.length,
			...cspViolations.filter((v) => !/frame-ancestors 'none'/.test(v))
		);
	} finally {
		framer.close();
	}
});

for (const path of PAGES) {
	test(`${path} runs its scripts under the policy`, async ({ page }) => {
		await page.goto(path);
		// The theme script ran: Starlight set the theme before the first paint.
		await expect(page.locator('html')).toHaveAttribute('data-theme', /^(?:light|dark)$/);
		await page.locator('starlight-theme-select select').first().selectOption('dark');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	});
}

test('search loads Pagefind and finds a code under the policy', async ({ page }) => {
	const entry = registry.products[0]!.errors[0]!;
	await page.goto('/');
	await page.locator('button[data-open-modal]').first().click();
	await page.locator('dialog[open] input').first().fill(entry.code);
	await expect(page.locator(`dialog[open] a[href*="${entry.path}"]`).first()).toBeVisible();
});

test('Trusted Types: HTML set from a string keeps only <mark>, a script loads from this site only, and search still highlights', async ({
	page,
	cspViolations,
}) => {
	await page.goto('/');
	const set = await page.evaluate(() => {
		const div = document.createElement('div');
		div.innerHTML = '<img src="x" onerror="alert(1)"><b>bold</b> and <mark>found</mark>';
		return {
			images: div.querySelectorAll('img, b').length,
			marks: div.querySelectorAll('mark').length,
			text: div.textContent,
		};
	});
	expect(set).toEqual({
		images: 0,
		marks: 1,
		text: '<img src="x" onerror="alert(1)"><b>bold</b> and found',
	});
	const elsewhere = await page.evaluate(() => {
		try {
			document.createElement('script').src = 'https://elsewhere.example/x.js';
			return 'set';
		} catch (error) {
			return (error as Error).name;
		}
	});
	expect(elsewhere).toBe('TypeError');
	// That refusal is reported as a violation; it is the one this test expects.
	await expect.poll(() => cspViolations.join('\n')).toMatch(/require-trusted-types-for/);
	cspViolations.length = 0;

	// Pagefind's UI sets its excerpts as HTML: the words found stay highlighted, and its worker starts.
	const entry = registry.products
		.flatMap((p) => p.errors)
		.find((e) => e.message && /\b[a-z]{5,}\b/.test(e.message))!;
	const word = /\b[a-z]{5,}\b/.exec(entry.message!)![0];
	await page.locator('button[data-open-modal]').first().click();
	await page.locator('dialog[open] input').first().fill(word);
	await expect(
		page.locator('dialog[open] .pagefind-ui__result-excerpt mark').first()
	).toBeVisible();
});

const blockedPage = readFileSync(join(import.meta.dirname, '../fixtures/csp/blocked.html'), 'utf8');

test('the watcher reports the violations of a page that breaks its policy', async ({ browser }) => {
	const page = await browser.newPage();
	const violations = await watchCsp(page);
	await page.route('http://csp.test/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: blockedPage })
	);
	await page.goto('http://csp.test/');
	// The page fires each violation's event after the fact, and each reaches the test on its own: wait for each.
	await expect.poll(() => violations.join('\n')).toMatch(/event: script-src-elem blocked inline/);
	await expect.poll(() => violations.join('\n')).toMatch(/event: style-src-elem blocked inline/);
	await page.close();
});

test('a test fails when its page breaks the policy', async ({ page }) => {
	// Expected to fail: the automatic check of ./fixtures.ts, after the test, finds the violations.
	test.fail();
	await page.route('http://csp.test/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: blockedPage })
	);
	await page.goto('http://csp.test/');
});
