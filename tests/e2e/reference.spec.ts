/**
 * The reference as a reader meets it: every entry has its page, with its code and its text,
 * reachable from its product's overview; pages read on a phone; pages stay light.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	allEntries,
	entriesByCategory,
	entrySummary,
	entryTemplates,
	whatToDo,
	type RegistryEntry,
} from '../../src/registry/model.ts';
import { DIST } from '../support/dist.ts';
import { breaksInsideWords, renderedLines } from '../support/lines.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();

/** What a reader sees of registry prose: backtick spans render as code, without the backticks. */
const shown = (text: string) => text.replaceAll('`', '');

for (const product of registry.products) {
	test(`${product.name}: every entry's page shows its code and text, and the overview links to it`, async ({
		page,
	}) => {
		test.setTimeout(product.errors.length * 2_000 + 10_000);
		await page.goto(product.path);
		await expect(page.locator('h1')).toContainText(product.name);
		for (const entry of product.errors) {
			await expect(
				page.locator(`.atlas-code-list a[href="${entry.path}"]`),
				entry.code
			).toHaveCount(1);
		}
		const backLinks = new Map<string, string>();
		for (const entry of product.errors) {
			const response = await page.goto(entry.path);
			expect(response?.status(), entry.path).toBe(200);
			await expect(page.locator('h1')).toHaveText(entry.code);
			// A message is shown as the product writes it; prose (a trigger, a description) as prose.
			const summary = entrySummary(entry);
			const isMessage = entryTemplates(entry).includes(summary);
			await expect(page.locator('main')).toContainText(isMessage ? summary : shown(summary));
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

test('registry text renders literally: placeholders, tags, ampersands and code spans', async ({
	page,
}) => {
	const withBraces = allEntries(registry).find((e) => e.message?.includes('{'))!;
	await page.goto(withBraces.path);
	await expect(page.locator('.atlas-template')).toHaveText(withBraces.message!);
	await expect(page.locator('.atlas-template var').first()).toHaveText(`{${withBraces.params[0]}}`);

	const withTag = allEntries(registry).find((e) => /`<[A-Z]\w*>`/.test(e.when ?? ''))!;
	await page.goto(withTag.path);
	const tag = withTag.when!.match(/`(<[A-Z]\w*>)`/)![1]!;
	await expect(page.locator('#when + p code').first()).toHaveText(tag);
	await expect(page.locator('main')).toContainText(shown(withTag.when!));

	const withAmpersand = registry.products
		.flatMap((p) => p.categories)
		.find((c) => c.name.includes('&'))!;
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

test("each product's card on the home page says what the product is in its own words or nothing, and lists the groups it counts", async ({
	page,
}) => {
	await page.goto('/');
	for (const product of registry.products) {
		const card = page.locator('article.card').filter({
			has: page.locator('.title', { hasText: new RegExp(`^${product.name}$`) }),
		});
		const paragraphs = await card.locator('.body > p').allInnerTexts();
		const groups = entriesByCategory(product);
		expect(paragraphs, product.name).toEqual([
			...(product.tagline ? [product.tagline.replaceAll('`', '')] : []),
			`${product.errors.length} errors in ${groups.length} groups:`,
			`Browse ${product.name} errors →`,
		]);
		if (product.summary) await expect(card).not.toContainText(product.summary.replaceAll('`', ''));
		const listed = card.locator('.atlas-card-groups li');
		await expect(listed).toHaveText(groups.map((g) => `${g.name} (${g.entries.length})`));
		await listed.last().locator('a').click();
		await expect(page.locator(`#${groups.at(-1)!.id}`)).toBeInViewport();
		await page.goBack();
	}
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });
	/** Per product, the entry with the longest summary and the one with the longest code: the hardest to fit. */
	const longest = (entries: RegistryEntry[], size: (e: RegistryEntry) => number) =>
		[...entries].sort((a, b) => size(b) - size(a))[0]!;
	const samples = [
		...new Set(
			registry.products.flatMap((p) => [
				longest(p.errors, (e) => entrySummary(e).length),
				longest(p.errors, (e) => e.code.length),
			])
		),
	];
	for (const entry of samples) {
		test(`${entry.product} ${entry.code} shows code and message without horizontal scrolling`, async ({
			page,
		}) => {
			await page.goto(entry.path);
			await expect(page.locator('h1')).toBeInViewport();
			await expect(page.locator('main')).toContainText(shown(entrySummary(entry)));
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	}
});

test.describe('a long code on a phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });
	const entries = allEntries(registry);
	const longestCode = [...entries].sort((a, b) => b.code.length - a.code.length)[0]!;

	test(`${longestCode.code}'s heading wraps only after an underscore, inside the page, and copies as the code`, async ({
		page,
		context,
		baseURL,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		await page.goto(longestCode.path);
		const h1 = page.locator('main h1');
		const lines = await renderedLines(h1);
		// Too long for one line at this width: otherwise this test would show nothing.
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join('')).toBe(longestCode.code);
		expect(breaksInsideWords(lines), `lines: ${lines.join(' | ')}`).toEqual([]);
		const fits = await h1.evaluate((el) => {
			const box = el.getBoundingClientRect();
			const room = el.parentElement!.getBoundingClientRect();
			return el.scrollWidth <= el.clientWidth && box.left >= room.left && box.right <= room.right;
		});
		expect(fits).toBe(true);

		// Selected and copied, the heading is the code: nothing inserted at the wrap points.
		await h1.evaluate((el) => getSelection()!.selectAllChildren(el));
		await page.keyboard.press('Control+c');
		expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(
			longestCode.code
		);
		await expect(page).toHaveTitle(new RegExp(`^${longestCode.code} `));
		// Search reads the heading as the code too: the page's title and its text in Pagefind's index.
		const indexed = await page.evaluate(async (code) => {
			const bundle = '/pagefind/pagefind.js';
			const pagefind = await import(bundle);
			await pagefind.init();
			const [first] = (await pagefind.search(code)).results;
			const data = await first.data();
			// The heading opens the page's text: the code, whole, as one word.
			return {
				url: data.url,
				title: data.meta.title,
				opensWithCode: data.content.startsWith(code) && !/\w/.test(data.content[code.length] ?? ''),
			};
		}, longestCode.code);
		expect(indexed).toEqual({
			url: longestCode.path,
			title: longestCode.code,
			opensWithCode: true,
		});
	});
});

test.describe('codes on the narrowest phone', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('every code in every overview, listed or in the text, wraps only after an underscore', async ({
		page,
	}) => {
		const wrapped: string[] = [];
		for (const product of registry.products) {
			await page.goto(product.path);
			const codes = page.locator('main code').filter({ hasText: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/ });
			for (const code of await codes.all()) {
				const lines = await renderedLines(code);
				expect(breaksInsideWords(lines), `${product.path}: ${lines.join(' | ')}`).toEqual([]);
				if (lines.length > 1) wrapped.push(lines.join(' | '));
			}
		}
		// Some do wrap at this width: otherwise this test would show nothing.
		expect(wrapped).not.toEqual([]);
	});

	for (const product of registry.products) {
		test(`no ${product.name} code page scrolls sideways: long codes and Problem Details types wrap inside it`, async ({
			page,
		}) => {
			// Every page of the product, one after another: room for a busy machine, as this is no test of speed.
			test.setTimeout(30_000 + 1_000 * product.errors.length);
			const wide: string[] = [];
			for (const entry of product.errors) {
				await page.goto(entry.path);
				const { scroll, client } = await page.evaluate(() => ({
					scroll: document.documentElement.scrollWidth,
					client: document.documentElement.clientWidth,
				}));
				if (scroll > client) wide.push(`${entry.path} (${scroll} px)`);
			}
			expect(wide).toEqual([]);
		});
	}
});

test('a code page stays under 15 KB of gzipped HTML', () => {
	for (const entry of allEntries(registry)) {
		const html = readFileSync(join(DIST, entry.path, 'index.html'));
		expect(gzipSync(html).length, entry.path).toBeLessThan(15 * 1024);
	}
});

test("no word of a built page runs into the code or link after it: the build's whitespace compression keeps the space", () => {
	// Astro drops the line break between a line's last word and an element on the next line.
	const glued: string[] = [];
	for (const d of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
		if (!d.isFile() || !d.name.endsWith('.html')) continue;
		const html = readFileSync(join(d.parentPath, d.name), 'utf8');
		for (const m of html.matchAll(/[A-Za-z,;:]<(?:code|a|strong|em|kbd)[ >][^<]{0,20}/g))
			glued.push(`${relative(DIST, join(d.parentPath, d.name))}: ${m[0]}`);
	}
	expect(
		[...new Set(glued.map((g) => g.replace(/^.*?: /, '')))],
		glued.slice(0, 3).join('\n')
	).toEqual([]);
});
