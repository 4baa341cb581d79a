/**
 * The site works under its strict Content Security Policy: every built page's inline scripts and
 * styles are allowed by its own policy, which allows nothing inline in general; and the features
 * that run script — theme switch, search (Pagefind's WebAssembly), copy buttons, the decoder — do
 * so in the browser without a violation (the `test` of ./fixtures.ts fails on any).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRegistry } from '../../src/registry/load.ts';
import { cspProblems, formatCspProblems } from '../support/csp.ts';
import { DIST } from '../support/dist.ts';
import { expect, test, watchCsp } from './fixtures.ts';

const registry = loadRegistry();
/** Home, the decoder, each product overview, and the first entry page of each product. */
const PAGES = ['/', '/diagnose/', ...registry.products.flatMap((p) => [p.path, p.errors[0]!.path])];

test('every built page allows its own inline scripts and styles by hash, and nothing inline in general', () => {
	const pages = readdirSync(DIST, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html'))
		.map((d) => join(d.parentPath, d.name));
	const problems = pages.flatMap((file) => cspProblems(`/${relative(DIST, file)}`, readFileSync(file, 'utf8')));
	expect(problems, `Pages whose policy would block their own content, or allow too much:\n${formatCspProblems(problems)}`).toEqual([]);
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

const blockedPage = readFileSync(join(import.meta.dirname, '../fixtures/csp/blocked.html'), 'utf8');

test('the watcher reports the violations of a page that breaks its policy', async ({ browser }) => {
	const page = await browser.newPage();
	const violations = await watchCsp(page);
	await page.route('http://csp.test/**', (route) => route.fulfill({ contentType: 'text/html', body: blockedPage }));
	await page.goto('http://csp.test/');
	await expect.poll(() => violations.join('\n')).toMatch(/event: script-src-elem blocked inline/);
	expect(violations.join('\n')).toMatch(/event: style-src-elem blocked inline/);
	await page.close();
});

test('a test fails when its page breaks the policy', async ({ page }) => {
	// Expected to fail: the automatic check of ./fixtures.ts, after the test, finds the violations.
	test.fail();
	await page.route('http://csp.test/**', (route) => route.fulfill({ contentType: 'text/html', body: blockedPage }));
	await page.goto('http://csp.test/');
});
