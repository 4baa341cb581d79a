/**
 * Accessible: axe-core reports no WCAG 2.2 A/AA violation on the pages a reader meets — home,
 * each product overview, one code page of each product, the decoder with a result shown, and the
 * search dialog open — in the light and the dark theme. Pages and codes come from the registry.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries } from '../../src/registry/model.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();
const THEMES = ['light', 'dark'] as const;

/** Home, each product overview, and one code page of each product: the first with a message. */
const PAGES = [
	'/',
	...registry.products.flatMap((p) => [
		p.path,
		(p.errors.find((e) => e.message) ?? p.errors[0]!).path,
	]),
];

async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
	await page.emulateMedia({ colorScheme: theme });
	await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/** Every violation, one line each: rule, impact, what to fix, and where. */
async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help} — ${v.nodes
				.slice(0, 5)
				.map((n) => n.target.join(' '))
				.join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`
	);
}

for (const theme of THEMES) {
	test.describe(`${theme} theme`, () => {
		test.beforeEach(({ page }) => useTheme(page, theme));

		for (const path of PAGES) {
			test(`${path} has no accessibility violations`, async ({ page }) => {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				expect(await violations(page)).toEqual([]);
			});
		}

		test('the decoder with a result shown has no accessibility violations', async ({ page }) => {
			await page.goto('/diagnose/');
			const input = page.locator('main textarea');
			// The decoder island shows its result once built; until then the page alone is checked.
			if (await input.count()) {
				const entry = allEntries(registry).find((e) => e.message && e.params.length > 0)!;
				await input
					.first()
					.fill(
						fillTemplate(
							entry.message!,
							Object.fromEntries(entry.params.map((p, i) => [p, `value${i}`]))
						)
					);
				await expect(page.locator(`main a[href^="${entry.path}"]`).first()).toBeVisible();
			}
			expect(await violations(page)).toEqual([]);
		});

		test("an entry page showing the user's own error has no accessibility violations", async ({
			page,
		}) => {
			const entry = allEntries(registry).find((e) => e.message && e.params.length > 0)!;
			const values = Object.fromEntries(entry.params.map((p, i) => [`v.${p}`, `value${i}`]));
			await page.goto(`${entry.path}#${new URLSearchParams(values)}`);
			await expect(page.getByRole('heading', { name: 'Your error' })).toBeVisible();
			expect(await violations(page)).toEqual([]);
		});

		test('the search dialog, open with results, has no accessibility violations', async ({
			page,
		}) => {
			const entry = registry.products[0]!.errors[0]!;
			await page.goto('/');
			await page.locator('button[data-open-modal]').first().click();
			await page.locator('dialog[open] input').first().fill(entry.code);
			// Wait for Pagefind's own result, not the jump row above it, and for its loading placeholders to go.
			await expect(
				page.locator(`dialog[open] a.pagefind-ui__result-link[href*="${entry.path}"]`).first()
			).toBeVisible();
			await expect(page.locator('dialog[open] .pagefind-ui__loading')).toHaveCount(0);
			expect(await violations(page)).toEqual([]);
		});
	});
}

test('a page with accessibility faults fails the check, naming each rule', async ({ page }) => {
	const html = readFileSync(join(import.meta.dirname, '../fixtures/a11y/broken.html'), 'utf8');
	await page.route('http://a11y.test/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: html })
	);
	await page.goto('http://a11y.test/');
	const found = (await violations(page)).map((v) => v.split(' ')[0]).sort();
	expect(found).toEqual(['button-name', 'color-contrast', 'image-alt']);
});
