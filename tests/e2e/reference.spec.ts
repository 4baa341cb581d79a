/**
 * The reference as a reader meets it: every entry has its page, with its code and its text,
 * reachable from its product's overview; pages read on a phone; pages stay light.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, entrySummary, whatToDo, type RegistryEntry } from '../../src/registry/model.ts';
import { DIST } from '../support/dist.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();

/** What a reader sees of registry prose: backtick spans render as code, without the backticks. */
const shown = (text: string) => text.replaceAll('`', '');

for (const product of registry.products) {
	test(`${product.name}: every entry's page shows its code and text, and the overview links to it`, async ({ page }) => {
		test.setTimeout(product.errors.length * 2_000 + 10_000);
		await page.goto(product.path);
		await expect(page.locator('h1')).toContainText(product.name);
		for (const entry of product.errors) {
			await expect(page.locator(`.atlas-code-list a[href="${entry.path}"]`), entry.code).toHaveCount(1);
		}
		const backLinks = new Map<string, string>();
		for (const entry of product.errors) {
			const response = await page.goto(entry.path);
			expect(response?.status(), entry.path).toBe(200);
			await expect(page.locator('h1')).toHaveText(entry.code);
			await expect(page.locator('main')).toContainText(shown(entrySummary(entry)));
			const fix = whatToDo(entry);
			if (fix) await expect(page.locator('#fix + p')).toHaveText(shown(fix));
			const back = page.getByRole('link', { name: `← All ${product.name} errors` });
			backLinks.set(entry.path, (await back.getAttribute('href'))!);
		}
		// Each page's way back lands on its own row of the overview, also where two entries share a code.
		await page.goto(product.path);
		for (const [path, href] of backLinks) {
			const [overview, anchor] = href.split('#');
			expect(overview, path).toBe(product.path);
			await expect(page.locator(`[id="${anchor}"] a`).first(), path).toHaveAttribute('href', path);
		}
	});
}

test('registry text renders literally: placeholders, tags, ampersands and code spans', async ({ page }) => {
	const withBraces = allEntries(registry).find((e) => e.message?.includes('{'))!;
	await page.goto(withBraces.path);
	await expect(page.locator('.atlas-template')).toHaveText(withBraces.message!);
	await expect(page.locator('.atlas-template var').first()).toHaveText(`{${withBraces.params[0]}}`);

	const withTag = allEntries(registry).find((e) => /`<[A-Z]\w*>`/.test(e.when ?? ''))!;
	await page.goto(withTag.path);
	const tag = withTag.when!.match(/`(<[A-Z]\w*>)`/)![1]!;
	await expect(page.locator('#when + p code').first()).toHaveText(tag);
	await expect(page.locator('main')).toContainText(shown(withTag.when!));

	const withAmpersand = registry.products.flatMap((p) => p.categories).find((c) => c.name.includes('&'))!;
	await page.goto(registry.products.find((p) => p.categories.includes(withAmpersand))!.path);
	await expect(page.locator(`#${withAmpersand.id}`)).toContainText(withAmpersand.name);
});

test('the home page says what the site is and lists every product', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('h1')).toHaveText('Error Atlas');
	for (const product of registry.products) {
		await expect(page.locator(`main a[href="${product.path}"]`).first()).toBeVisible();
	}
	await expect(page.getByRole('button', { name: /search/i }).first()).toBeVisible();
});

test('the overview has an anchor per code and per category', async ({ page }) => {
	const product = registry.products.find((p) => p.errors.some((e) => e.message))!;
	const entry = product.errors.find((e) => e.message)!;
	await page.goto(`${product.path}#${entry.code}`);
	await expect(page.locator(`[id="${entry.code}"]`)).toBeInViewport();
	await expect(page.locator(`[id="${entry.code}"] a`)).toHaveAttribute('href', entry.path);
	for (const c of product.categories) await expect(page.locator(`[id="${c.id}"]`)).toHaveCount(1);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });
	/** Per product, the entry with the longest summary and the one with the longest code: the hardest to fit. */
	const longest = (entries: RegistryEntry[], size: (e: RegistryEntry) => number) => [...entries].sort((a, b) => size(b) - size(a))[0]!;
	const samples = [
		...new Set(registry.products.flatMap((p) => [longest(p.errors, (e) => entrySummary(e).length), longest(p.errors, (e) => e.code.length)])),
	];
	for (const entry of samples) {
		test(`${entry.product} ${entry.code} shows code and message without horizontal scrolling`, async ({ page }) => {
			await page.goto(entry.path);
			await expect(page.locator('h1')).toBeInViewport();
			await expect(page.locator('main')).toContainText(shown(entrySummary(entry)));
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	}
});

test('a code page stays under 15 KB of gzipped HTML', () => {
	for (const entry of allEntries(registry)) {
		const html = readFileSync(join(DIST, entry.path, 'index.html'));
		expect(gzipSync(html).length, entry.path).toBeLessThan(15 * 1024);
	}
});
