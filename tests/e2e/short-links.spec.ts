/**
 * Short links: `/e/<CODE>/` in any case goes to the code's page, or, for a code several entries
 * share, to a page listing each with its product. Served as `npm start` serves them
 * (scripts/serve.ts), a short link in any spelling is one HTTP redirect to that place; the build's
 * static pages for the code as written and in lower case lead there too, by a meta refresh, for
 * hosts that read no redirect rules. A spelling that names no code reaches the 404 page, which
 * says plainly that it is not in the reference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../src/registry/load.ts';
import { entriesByCode, entryPlace } from '../../src/registry/model.ts';
import {
	entryPath,
	entrySlug,
	productPath,
	shortLinkPath,
	slugForCode,
} from '../../src/registry/urls.ts';
import { toDecoderData } from '../../src/decode/index.ts';
import { notFoundReading } from '../../src/search/not-found.ts';
import { shortLinkOutcome, unknownCodeTitle } from '../../src/search/short-link.ts';
import { DIST } from '../support/dist.ts';
import { expect, test } from './fixtures.ts';
import { titleCase } from '../support/code-spellings.ts';

const registry = loadRegistry();
const byCode = [...entriesByCode(registry)];
const unique = byCode.filter(([, list]) => list.length === 1);
const shared = byCode.filter(([, list]) => list.length > 1);
const data = toDecoderData(registry);

/** Where a static redirect page sends the reader: its meta refresh target. */
function refreshTarget(html: string): string | undefined {
	return /<meta http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(html)?.[1];
}

test('every code has a static short link page in upper and lower case that leads to its page, or is its chooser', () => {
	const problems: string[] = [];
	for (const [code, list] of byCode) {
		for (const spelling of [code, code.toLowerCase()]) {
			const want =
				list.length === 1 ? list[0]!.path : spelling === code ? undefined : shortLinkPath(code);
			const html = readFileSync(join(DIST, shortLinkPath(spelling), 'index.html'), 'utf8');
			if (refreshTarget(html) !== want)
				problems.push(
					`${shortLinkPath(spelling)}: leads to ${refreshTarget(html) ?? 'no redirect'}, not ${want ?? 'a chooser'}`
				);
		}
	}
	expect(problems).toEqual([]);
});

test('a short link in any spelling, with or without its slash, is one HTTP redirect to its page or its chooser', async ({
	request,
}) => {
	const problems: string[] = [];
	for (const [code, list] of byCode) {
		const want = list.length === 1 ? list[0]!.path : shortLinkPath(code);
		for (const spelling of [code, code.toLowerCase(), slugForCode(code), titleCase(code)]) {
			for (const path of [shortLinkPath(spelling), shortLinkPath(spelling).slice(0, -1)]) {
				if (path === want) continue;
				const response = await request.get(path, { maxRedirects: 0 });
				const location = response.headers()['location'];
				if (response.status() !== 301 || location !== want)
					problems.push(`${path}: ${response.status()} ${location ?? ''}, not 301 ${want}`);
			}
		}
	}
	expect(problems).toEqual([]);
	for (const [code] of shared) {
		expect((await request.get(shortLinkPath(code), { maxRedirects: 0 })).status()).toBe(200);
	}
	const unknown = await request.get(`/e/ZZZZ_${unique[0]![0]}/`, { maxRedirects: 0 });
	expect(unknown.status()).toBe(404);
	// The short links' folder is no page: the 404 page, not a redirect to itself.
	for (const folder of ['/e/', '/E/']) {
		const response = await request.get(folder, { maxRedirects: 0 });
		expect(response.status(), folder).toBe(404);
	}
});

test("a unique code's short link opens its page, whatever its case", async ({ page }) => {
	const [code, [entry]] = unique.find(([c]) => c.includes('_'))!;
	const mixed = code
		.split('_')
		.map((w) => w[0] + w.slice(1).toLowerCase())
		.join('_');
	for (const spelling of [
		code,
		code.toLowerCase(),
		mixed,
		code.toLowerCase().replaceAll('_', '-'),
	]) {
		await page.goto(`/e/${spelling}`);
		await expect(page, spelling).toHaveURL(entry!.path);
		await expect(page.locator('h1')).toHaveText(code);
	}
});

test("a shared code's short link lists each entry with its product", async ({ page }) => {
	expect(shared.length).toBeGreaterThan(0);
	for (const [code, list] of shared) {
		await page.goto(shortLinkPath(code.toLowerCase()));
		await expect(page).toHaveURL(shortLinkPath(code));
		await expect(page.locator('h1')).toHaveText(code);
		const choices = page.locator('main .atlas-choices li');
		await expect(choices).toHaveCount(list.length);
		for (const entry of list) {
			const choice = choices.filter({ has: page.locator(`a[href="${entry.path}"]`) });
			await expect(choice).toContainText(entryPlace(registry, entry));
		}
	}
	const [, [first]] = shared[0]!;
	await page.goto(shortLinkPath(shared[0]![0]));
	await page.locator(`main .atlas-choices a[href="${first!.path}"]`).click();
	await expect(page).toHaveURL(first!.path);
});

test('a short link to no known code says so on the page, with the close codes and a search, and opens no dialog', async ({
	page,
}) => {
	const [code, [entry]] = unique.find(([c]) => c.length > 8)!;
	const typo = code.slice(0, 3) + code.slice(4);
	const outcome = shortLinkOutcome(typo, data);
	expect(outcome.kind).toBe('unknown');
	const response = await page.goto(`/e/${typo}/`);
	expect(response?.status()).toBe(404);
	await expect(page.locator('main h1')).toHaveText(unknownCodeTitle(typo));
	const suggested = page.locator('main .sl-markdown-content li a');
	await expect(suggested).toHaveCount(outcome.kind === 'unknown' ? outcome.suggestions.length : 0);
	expect(
		await suggested.evaluateAll((links) => links.map((a) => a.getAttribute('href')))
	).toContain(entry!.path);
	await expect(page.locator('dialog[open]')).toHaveCount(0);

	// The search link opens the dialog with what was typed.
	await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
	await page.getByRole('link', { name: `Search the reference for “${typo}”` }).click();
	await expect(page.locator('dialog[open] .pagefind-ui__search-input')).toHaveValue(typo);
	await expect(page.locator('dialog[open] .atlas-jump-row').first()).toContainText(code);
});

test('a short link far from every code says it is not in the reference, and suggests nothing', async ({
	page,
}) => {
	const far = `ZZZZ_${[...unique[0]![0]].reverse().join('')}_ZZZZ`;
	expect(shortLinkOutcome(far, data)).toEqual({ kind: 'unknown', code: far, suggestions: [] });
	await page.goto(`/e/${far.toLowerCase()}/`);
	await expect(page.locator('main h1')).toHaveText(unknownCodeTitle(far));
	await expect(page.locator('main .sl-markdown-content li')).toHaveCount(0);
	await expect(
		page.getByRole('link', { name: `Search the reference for “${far.toLowerCase()}”` })
	).toBeVisible();
	await expect(page.locator('dialog[open]')).toHaveCount(0);
});

/** `word` without its character at `at`: one typo. */
const dropAt = (word: string, at: number) => word.slice(0, at) + word.slice(at + 1);

test("a mistyped page address offers its product's close codes under the jump row's heading, the product named", async ({
	page,
}) => {
	for (const product of registry.products) {
		const entry = product.errors[0]!;
		const path = entryPath(product.id, dropAt(entrySlug(entry), 3));
		const reading = notFoundReading(path, data);
		expect(reading?.kind, path).toBe('explain');
		if (reading?.kind !== 'explain') continue;
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.locator('main h1')).toHaveText(reading.title);
		expect(reading.title).toContain(product.name);
		await expect(page.locator('main .sl-markdown-content h2')).toHaveText(reading.heading!);
		const links = page.locator('main .sl-markdown-content li a');
		await expect(links).toHaveCount(reading.rows.length);
		const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(reading.rows.map((r) => r.path));
		expect(hrefs).toContain(entry.path);
		await expect(links.filter({ hasText: entry.code })).toContainText(product.name);
	}

	// The search link asks the dialog for the product's code as typed: it offers the same code first.
	const [product] = registry.products;
	const path = entryPath(product!.id, dropAt(entrySlug(product!.errors[0]!), 3));
	const reading = notFoundReading(path, data);
	await page.goto(path);
	await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
	await page
		.getByRole('link', { name: reading?.kind === 'explain' ? reading.searchLabel : '' })
		.click();
	await expect(page.locator('dialog[open] .atlas-jump-row').first()).toContainText(
		product!.errors[0]!.code
	);
});

test('a page address in another spelling of its code opens its page; a mistyped product offers its overview', async ({
	page,
}) => {
	for (const product of registry.products) {
		const entry = product.errors[0]!;
		await page.goto(entryPath(product.id, entry.code));
		await expect(page).toHaveURL(entry.path);

		const typo = dropAt(product.id, 2);
		const response = await page.goto(productPath(typo));
		expect(response?.status(), typo).toBe(404);
		const overview = page.locator('main .sl-markdown-content li a');
		await expect(overview).toHaveText(product.name);
		await expect(overview).toHaveAttribute('href', productPath(product.id));
	}
});
