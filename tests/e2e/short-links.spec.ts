/**
 * Short links: `/e/<CODE>/` in any case goes to the code's page, or, for a code several entries
 * share, to a page listing each with its product. The redirects are static files (checked for
 * every code), served here as any static host serves them (scripts/serve.ts). A spelling the build
 * did not write reaches the 404 page, which sends a known code on and says plainly that an unknown
 * one is not in the reference.
 */
import { loadRegistry } from '../../src/registry/load.ts';
import { entriesByCode, entryPlace } from '../../src/registry/model.ts';
import { shortLinkPath } from '../../src/registry/urls.ts';
import { toDecoderData } from '../../src/decode/index.ts';
import { shortLinkOutcome, unknownCodeTitle } from '../../src/search/short-link.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();
const byCode = [...entriesByCode(registry)];
const unique = byCode.filter(([, list]) => list.length === 1);
const shared = byCode.filter(([, list]) => list.length > 1);
const data = toDecoderData(registry);

/** Where a static redirect page sends the reader: its meta refresh target. */
function refreshTarget(html: string): string | undefined {
	return /<meta http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(html)?.[1];
}

test('every code has a static short link in upper and lower case that leads to its page, or to its chooser', async ({
	request,
}) => {
	const problems: string[] = [];
	for (const [code, list] of byCode) {
		for (const spelling of [code, code.toLowerCase()]) {
			const response = await request.get(shortLinkPath(spelling), { maxRedirects: 0 });
			const html = await response.text();
			const want =
				list.length === 1 ? list[0]!.path : spelling === code ? undefined : shortLinkPath(code);
			if (response.status() !== 200)
				problems.push(`${shortLinkPath(spelling)}: status ${response.status()}`);
			else if (refreshTarget(html) !== want)
				problems.push(
					`${shortLinkPath(spelling)}: leads to ${refreshTarget(html) ?? 'no redirect'}, not ${want ?? 'a chooser'}`
				);
		}
	}
	expect(problems).toEqual([]);
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
	const far = `ZZZZ_${unique[0]![0]}_ZZZZ`;
	expect(shortLinkOutcome(far, data)).toEqual({ kind: 'unknown', code: far, suggestions: [] });
	await page.goto(`/e/${far.toLowerCase()}/`);
	await expect(page.locator('main h1')).toHaveText(unknownCodeTitle(far));
	await expect(page.locator('main .sl-markdown-content li')).toHaveCount(0);
	await expect(
		page.getByRole('link', { name: `Search the reference for “${far.toLowerCase()}”` })
	).toBeVisible();
	await expect(page.locator('dialog[open]')).toHaveCount(0);
});
