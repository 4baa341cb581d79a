/**
 * Finding an error with the site's search. Exhaustive checks drive Pagefind's own API in one page
 * with the query the dialog sends (src/search/search-term.ts), for every code and every kind of
 * query the registry gives; the real dialog is checked for a representative few: the direct jump
 * with the keyboard, the product filter, and the home page's "Search the codes".
 */
import type { Page } from '@playwright/test';
import assert from 'node:assert/strict';
import { readQuery, toDecoderData } from '../../src/decode/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, entriesByCode, type RegistryEntry } from '../../src/registry/model.ts';
import { fillTemplate, parseTemplate } from '../../src/registry/template.ts';
import { codeTargets } from '../../src/search/code-index.ts';
import { jumpFor } from '../../src/search/jump.ts';
import { searchTerm } from '../../src/search/search-term.ts';
import { DECODER_DATA_PATH, DIAGNOSE_PATH } from '../../src/registry/urls.ts';
import { breaksInsideWords, renderedLines } from '../support/lines.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();
const data = toDecoderData(registry);
const targets = codeTargets(data);
const entries = allEntries(registry);
const byCode = entriesByCode(registry);

interface Case {
	/** What the reader types. */
	typed: string;
	/** Pages that must come first, in any order among themselves. */
	first?: string[];
	/** A page that must be among the top three. */
	top3?: string;
}

/**
 * Runs each case through Pagefind in the browser, with the term the dialog would send, and
 * returns one line per case that does not hold.
 */
async function failures(page: Page, cases: Case[]): Promise<string[]> {
	await page.goto('/');
	const queries = cases.map((c) => ({ ...c, term: searchTerm(c.typed, data, targets) }));
	return page.evaluate(async (queries) => {
		const bundle = '/pagefind/pagefind.js';
		const pagefind = await import(bundle);
		await pagefind.init();
		const out: string[] = [];
		for (const q of queries) {
			const found = await pagefind.search(q.term);
			const want = q.first?.length ?? 3;
			const urls: string[] = await Promise.all(
				found.results
					.slice(0, want)
					.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url)
			);
			const ok = q.first ? q.first.every((p) => urls.includes(p)) : urls.includes(q.top3!);
			if (!ok)
				out.push(
					`"${q.typed}" (searched as "${q.term}"): wanted ${(q.first ?? [q.top3]).join(', ')}, got ${urls.join(', ') || 'nothing'}`
				);
		}
		return out;
	}, queries);
}

test.describe('Pagefind, with the query the dialog sends', () => {
	test('every code, typed exactly, in lower case or as words, lists its page first (every page of a shared code)', async ({
		page,
	}) => {
		const cases = [...byCode].flatMap(([code, list]) =>
			[code, code.toLowerCase(), code.toLowerCase().replaceAll('_', ' ')].map((typed) => ({
				typed,
				first: list.map((e) => e.path),
			}))
		);
		expect(await failures(page, cases)).toEqual([]);
	});

	test('a code prefix lists the codes that begin with it before anything else', async ({
		page,
	}) => {
		const prefixes = new Set(
			entries.flatMap((e) =>
				e.code
					.split('_')
					.slice(0, -1)
					.map((_, i, w) => w.slice(0, i + 1).join('_'))
			)
		);
		const cases = [...prefixes]
			.filter((p) => !byCode.has(p))
			.flatMap((p) => {
				const first = entries.filter((e) => e.code.startsWith(`${p}_`)).map((e) => e.path);
				return [p, `${p}_`, `${p.toLowerCase()}_`].map((typed) => ({ typed, first }));
			});
		expect(cases.length).toBeGreaterThan(0);
		expect(await failures(page, cases)).toEqual([]);
	});

	test("words from an entry's message or description find it in the top three", async ({
		page,
	}) => {
		// What search sees of an entry: its code's words and its messages too.
		const textOf = (e: RegistryEntry) =>
			[
				e.code.replaceAll('_', ' '),
				e.message,
				e.when,
				e.description,
				...e.messages.map((m) => m.text),
			]
				.filter(Boolean)
				.join(' ')
				.toLowerCase();
		const wordsOf = (e: RegistryEntry) => [...new Set(textOf(e).match(/\p{L}{4,}/gu) ?? [])];
		const frequency = new Map<string, number>();
		for (const e of entries)
			for (const w of wordsOf(e)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
		// Words of codes are the other tests' business: a code's words rank its own page first, as they should.
		const codeWords = new Set(entries.flatMap((e) => e.code.toLowerCase().split('_')));
		// The two rarest words of each entry's text that are in no code: what a reader remembers of the
		// text. Kept when they pick the entry out from at most two others.
		const cases = entries.flatMap((e) => {
			const words = wordsOf(e)
				.filter((w) => !codeWords.has(w))
				.sort((a, b) => frequency.get(a)! - frequency.get(b)!)
				.slice(0, 2);
			const sharing = entries.filter((o) => words.every((w) => textOf(o).includes(w))).length;
			return words.length === 2 && sharing <= 3 ? [{ typed: words.join(' '), top3: e.path }] : [];
		});
		expect(cases.length).toBeGreaterThan(entries.length / 2);
		expect(await failures(page, cases)).toEqual([]);
	});

	test('a message with real values in it finds its entry in the top three', async ({ page }) => {
		const cases = entries
			.filter(
				(e) =>
					e.message &&
					e.params.length > 0 &&
					parseTemplate(e.message).some((s) => s.kind === 'text' && /\p{L}{3}/u.test(s.text))
			)
			.map((e) => ({
				typed: fillTemplate(
					e.message!,
					Object.fromEntries(e.params.map((p, i) => [p, `${p}-${8080 + i}`]))
				),
				top3: e.path,
			}));
		expect(cases.length).toBeGreaterThan(0);
		expect(await failures(page, cases)).toEqual([]);
	});
});

test.describe('what search shows of a page', () => {
	test('every code reads as a word of its own in the index: never run together with the text around it', async ({
		page,
	}) => {
		await page.goto('/');
		const pages = [
			...new Set([...entries.map((e) => e.path), ...registry.products.map((p) => p.path)]),
		];
		const codes = [...byCode.keys()];
		const glued = await page.evaluate(
			async ({ pages, codes }) => {
				const bundle = '/pagefind/pagefind.js';
				const pagefind = await import(bundle);
				await pagefind.init();
				const out: string[] = [];
				for (const code of codes) {
					const found = await pagefind.search(code);
					for (const r of found.results) {
						const data = await r.data();
						if (!pages.includes(data.url)) continue;
						// A code with a letter, a digit or a brace right against it: `CONTAINER_NOT_FOUNDstatus404`, `SCHEMA_MISSING{id}`.
						const at = new RegExp(
							`[A-Za-z0-9]${code}(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])${code}[A-Za-z0-9{]`
						).exec(data.content);
						if (at)
							out.push(
								`${data.url}: …${data.content.slice(Math.max(0, at.index - 30), at.index + code.length + 30)}…`
							);
					}
				}
				return [...new Set(out)];
			},
			{ pages, codes }
		);
		expect(glued).toEqual([]);
	});

	test('/diagnose/ is found by what it is for, and is no hit for a code', async ({ page }) => {
		await page.goto('/');
		const queries = [...byCode.keys()].map((code) => searchTerm(code, data, targets));
		const { forCodes, forWords } = await page.evaluate(
			async ({ queries, path }) => {
				const bundle = '/pagefind/pagefind.js';
				const pagefind = await import(bundle);
				await pagefind.init();
				const urls = async (q: string, n?: number) =>
					Promise.all(
						(await pagefind.search(q)).results
							.slice(0, n)
							.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url)
					);
				const forCodes: string[] = [];
				for (const q of queries) if ((await urls(q)).includes(path)) forCodes.push(q);
				const forWords = await Promise.all(
					['diagnose', 'paste'].map(async (q) => (await urls(q, 3)).includes(path))
				);
				return { forCodes, forWords };
			},
			{ queries, path: DIAGNOSE_PATH }
		);
		expect(forCodes).toEqual([]);
		expect(forWords).toEqual([true, true]);
	});
});

/** An entry with a code of its own (no other entry has it) written with words (an underscore). */
const ownCode = entries.find((e) => byCode.get(e.code)!.length === 1 && e.code.includes('_'))!;

async function openSearch(page: Page, path = '/') {
	await page.goto(path);
	// Pagefind's field is built when the browser is first idle; what a reader types before that is
	// kept (see Search.astro and the tests of it below), but these tests type only once it is there.
	await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
	await page.keyboard.press('Control+k');
	const input = page.locator('dialog[open] .pagefind-ui__search-input');
	await expect(input).toBeFocused();
	return input;
}

/**
 * Pagefind as a busy machine or a slow connection serves it: its UI, which builds the search
 * field (the chunk Vite makes of @pagefind/default-ui's ui-core.js), only once `release` is
 * called; then the search's own script a second late. The page's own script, which opens the
 * dialog, is not held back.
 */
async function slowPagefind(page: Page): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_astro\/ui-core\.[\w-]+\.js$/, async (route) => {
		await released;
		await route.continue();
	});
	await page.route('**/pagefind/pagefind.js', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		await route.continue();
	});
	return release;
}

/** Opens the dialog with Ctrl+K as soon as the page's script allows, before Pagefind's field exists. */
async function openSearchEarly(page: Page) {
	await page.goto('/');
	await expect(page.locator('button[data-open-modal]')).toBeEnabled();
	await page.keyboard.press('Control+k');
	await expect(page.locator('dialog[open]')).toBeVisible();
}

test.describe('the search dialog', () => {
	test('a code typed as words is offered first; Enter opens its page', async ({ page }) => {
		const entry = ownCode;
		const input = await openSearch(page);
		await input.pressSequentially(entry.code.toLowerCase().replaceAll('_', ' '));
		const jump = page.locator('dialog[open] .atlas-jump');
		await expect(jump.locator('.atlas-jump-row').first()).toContainText(entry.code);
		await expect(jump.locator('.atlas-jump-row[aria-current="true"]')).toHaveAttribute(
			'href',
			entry.path
		);
		// The full-text results agree: the entry's page is the first result.
		await expect(page.locator('dialog[open] .pagefind-ui__result-link').first()).toHaveText(
			entry.code
		);
		await input.press('Enter');
		await expect(page).toHaveURL(entry.path);
		await expect(page.locator('h1')).toHaveText(entry.code);
	});

	test('a code prefix offers the codes that begin with it; the arrow keys choose which one Enter opens', async ({
		page,
	}) => {
		const prefix = [...new Set(entries.map((e) => e.code.split('_')[0]!))].find(
			(p) => entries.filter((e) => e.code.startsWith(`${p}_`)).length >= 2
		)!;
		const starting = entries.filter((e) => e.code.startsWith(`${prefix}_`));
		const input = await openSearch(page);
		await input.fill(`${prefix}_`);
		const rows = page.locator('dialog[open] .atlas-jump-row');
		await expect(rows).toHaveCount(Math.min(starting.length, 6));
		await expect(rows.first()).toHaveAttribute('aria-current', 'true');
		await input.press('ArrowDown');
		await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
		const second = await rows.nth(1).getAttribute('href');
		expect(starting.map((e) => e.path)).toContain(second);
		await input.press('Enter');
		await expect(page).toHaveURL(second!);
	});

	test('a message with its values decodes to its entry, showing the values read from it', async ({
		page,
	}) => {
		const entry = entries.find(
			(e) =>
				e.message &&
				e.params.length === 1 &&
				parseTemplate(e.message).some((s) => s.kind === 'text' && /\p{L}{3}/u.test(s.text))
		)!;
		const value = 'value-8080';
		const input = await openSearch(page);
		await input.fill(fillTemplate(entry.message!, { [entry.params[0]!]: value }));
		const row = page.locator('dialog[open] .atlas-jump-row').first();
		// The values read go with the link, for the page's "Your error".
		await expect(row).toHaveAttribute(
			'href',
			`${entry.path}#${new URLSearchParams({ [`v.${entry.params[0]!}`]: value })}`
		);
		await expect(row.locator('.atlas-jump-values')).toHaveText(`${entry.params[0]} = ${value}`);
		await expect(
			page.locator(`dialog[open] .pagefind-ui__results a[href="${entry.path}"]`).first()
		).toBeVisible();
		// Cleared, the field offers nothing to jump to.
		await page.locator('dialog[open] .pagefind-ui__search-clear').click();
		await expect(input).toHaveValue('');
		await expect(page.locator('dialog[open] .atlas-jump')).toBeHidden();
	});

	test('results show product and code, and filter by product', async ({ page }) => {
		const [code, shared] = [...byCode].find(
			([, list]) => new Set(list.map((e) => e.product)).size > 1
		)!;
		const names = shared.map((e) => registry.products.find((p) => p.id === e.product)!.name);
		const input = await openSearch(page);
		await input.fill(code);
		const results = page.locator('dialog[open] .pagefind-ui__result');
		for (const [i, e] of shared.entries()) {
			const result = results.filter({
				has: page.locator(`.pagefind-ui__result-link[href="${e.path}"]`),
			});
			await expect(result.locator('.pagefind-ui__result-link').first()).toHaveText(code);
			await expect(result.locator('.pagefind-ui__result-tag')).toHaveText(`Product: ${names[i]}`);
		}
		await page.locator('dialog[open] .pagefind-ui__filter-label', { hasText: names[0]! }).click();
		await expect(
			page.locator(`dialog[open] .pagefind-ui__result-link[href="${shared[0]!.path}"]`)
		).toBeVisible();
		for (const e of shared.filter((e) => e.product !== shared[0]!.product)) {
			await expect(
				page.locator(`dialog[open] .pagefind-ui__result-link[href="${e.path}"]`)
			).toHaveCount(0);
		}
	});

	test('a half-remembered code reaches its page in one go: a typo, "did you mean", Enter', async ({
		page,
	}) => {
		const [code, [entry]] = [...byCode].find(([c, list]) => list.length === 1 && c.length > 10)!;
		const typo = (code.slice(0, 5) + code.slice(6)).toLowerCase();
		const input = await openSearch(page, entry!.path.replace(/errors\/.*$/, ''));
		// Typed at a brisk human pace, not all at once.
		await input.pressSequentially(typo, { delay: 60 });
		const row = page.locator('dialog[open] .atlas-jump-row').first();
		await expect(row).toHaveAttribute('href', entry!.path);
		await expect(page.locator('dialog[open] .atlas-jump-title')).toHaveText('Did you mean');
		await input.press('Enter');
		await expect(page.locator('h1')).toHaveText(code);
	});

	test('with nothing to jump to, Enter opens the first result', async ({ page }) => {
		// A word of one entry's text that names no code and decodes to nothing: no "Jump to" row.
		const codeWords = new Set(entries.flatMap((e) => e.code.toLowerCase().split('_')));
		const query = entries
			.flatMap(
				(e) =>
					[e.when, e.description, e.message]
						.join(' ')
						.toLowerCase()
						.match(/\p{L}{6,}/gu) ?? []
			)
			.find((w) => !codeWords.has(w) && jumpFor(w, data, targets) === undefined)!;
		const input = await openSearch(page);
		await input.fill(query);
		// The first result's own title link, as Enter reads it (src/search/dialog/results.ts): Pagefind
		// loads each result's data on its own, so a later result's link can be drawn before the first's.
		const first = page.locator(
			'dialog[open] .pagefind-ui__results > .pagefind-ui__result:first-child .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link'
		);
		await expect(first).toBeVisible();
		await expect(page.locator('dialog[open] .atlas-jump')).toBeHidden();
		const href = await first.getAttribute('href');
		await input.press('Enter');
		await expect(page).toHaveURL(href!);
	});

	test("a hit does not repeat its code: no sub-result for the page's heading, none for the snippet that only repeats it", async ({
		page,
	}) => {
		const entry = entries.find((e) => byCode.get(e.code)!.length === 1 && e.examples?.length)!;
		const input = await openSearch(page);
		await input.fill(entry.code);
		const hit = page
			.locator('dialog[open] .pagefind-ui__result')
			.filter({ has: page.locator(`.pagefind-ui__result-link[href="${entry.path}"]`) });
		await expect(hit.locator('.pagefind-ui__result-link').first()).toHaveText(entry.code);
		await expect(
			hit.locator('.pagefind-ui__result-nested .pagefind-ui__result-link', {
				hasText: new RegExp(`^${entry.code}$`),
			})
		).toHaveCount(0);
		// The title, and at most one line that has it in context (the example's JSON).
		const text = await hit.innerText();
		expect(text.split(entry.code).length - 1, text).toBeLessThanOrEqual(2);
	});

	test('the product filter lists products in alphabetical order, whatever their case', async ({
		page,
	}) => {
		const input = await openSearch(page);
		await input.fill(entries[0]!.code);
		const labels = page.locator('dialog[open] .pagefind-ui__filter-label');
		await expect(labels).toHaveCount(registry.products.length);
		const names = registry.products
			.map((p) => p.name)
			.toSorted((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
		await expect(labels).toHaveText(names.map((n) => new RegExp(`^${n} \\(\\d+\\)$`)));
	});

	test("what is typed the moment the dialog opens, before Pagefind's field is built, lands in the field and is searched", async ({
		page,
	}) => {
		const release = await slowPagefind(page);
		await openSearchEarly(page);
		await page.keyboard.type(ownCode.code);
		// Typed while there was no field of Pagefind's to take it.
		await expect(page.locator('.pagefind-ui__search-input')).toHaveCount(0);
		release();
		const input = page.locator('dialog[open] .pagefind-ui__search-input');
		await expect(input).toHaveValue(ownCode.code);
		await expect(input).toBeFocused();
		await expect(page.locator('dialog[open] .atlas-jump-row').first()).toHaveAttribute(
			'href',
			ownCode.path
		);
		await expect(page.locator('dialog[open] .pagefind-ui__result-link').first()).toHaveText(
			ownCode.code
		);
		await input.press('Enter');
		await expect(page).toHaveURL(ownCode.path);
	});

	test("an IME composition begun before Pagefind's field is built is finished, whole, in it", async ({
		page,
	}) => {
		const release = await slowPagefind(page);
		await openSearchEarly(page);
		// An input method's composition, as Chromium receives it from one: open while the field is built.
		const ime = await page.context().newCDPSession(page);
		await ime.send('Input.imeSetComposition', {
			text: ownCode.code.slice(0, 3),
			selectionStart: 3,
			selectionEnd: 3,
		});
		release();
		await expect(page.locator('.pagefind-ui__search-input')).toBeAttached();
		await ime.send('Input.insertText', { text: ownCode.code });
		const input = page.locator('dialog[open] .pagefind-ui__search-input');
		await expect(input).toHaveValue(ownCode.code);
		await expect(input).toBeFocused();
		await expect(page.locator('dialog[open] .pagefind-ui__result-link').first()).toHaveText(
			ownCode.code
		);
	});

	test('Enter pressed before the decoder data is in opens the jump it brings: a typo, Enter at once, its page', async ({
		page,
	}) => {
		// The decoder data held back: until it is in, there is no "did you mean", and a typo has no full-text result.
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		await page.route(`**${DECODER_DATA_PATH}`, async (route) => {
			await released;
			await route.continue();
		});
		const [code, [entry]] = [...byCode].find(([c, list]) => list.length === 1 && c.length > 10)!;
		const typo = (code.slice(0, 5) + code.slice(6)).toLowerCase();
		const input = await openSearch(page, entry!.path.replace(/errors\/.*$/, ''));
		await input.fill(typo);
		await input.press('Enter');
		await expect(page.locator('dialog[open]')).toBeVisible();
		release();
		await expect(page).toHaveURL(entry!.path);
	});

	test('an Enter still waiting for a result is dropped when the dialog closes: a later search opens nothing by itself', async ({
		page,
	}) => {
		const input = await openSearch(page, '/');
		// Words in no page: no jump and no result, so the Enter waits.
		await input.fill('qqzx vvkj');
		// Pagefind has searched and found nothing: nothing more will change in the dialog until something does.
		await expect(page.locator('dialog[open] .pagefind-ui__message')).toContainText('qqzx vvkj');
		await input.press('Enter');
		await page.keyboard.press('Control+k');
		await expect(page.locator('dialog[open]')).toHaveCount(0);
		// A search the page starts itself, as the short-link fallback does: it must only show results.
		await page
			.locator('site-search')
			.evaluate(
				(el, code) => el.dispatchEvent(new CustomEvent('atlas:search-for', { detail: code })),
				ownCode.code
			);
		await expect(page.locator('dialog[open] .pagefind-ui__result-link').first()).toHaveText(
			ownCode.code
		);
		// Had the old Enter been kept, the first result would be opening now.
		await page.waitForTimeout(500);
		await expect(page).toHaveURL('/');
		await expect(page.locator('dialog[open]')).toBeVisible();
	});

	test("Enter pressed before Pagefind's field is built opens the code typed, once it can", async ({
		page,
	}) => {
		const release = await slowPagefind(page);
		await openSearchEarly(page);
		await page.keyboard.type(ownCode.code);
		await page.keyboard.press('Enter');
		await expect(page.locator('dialog[open]')).toBeVisible();
		release();
		await expect(page).toHaveURL(ownCode.path);
	});

	test("Escape before Pagefind's field is built closes the dialog and drops what was typed, as it does after", async ({
		page,
	}) => {
		const release = await slowPagefind(page);
		await openSearchEarly(page);
		await page.keyboard.type(entries[0]!.code);
		await page.keyboard.press('Escape');
		await expect(page.locator('dialog[open]')).toHaveCount(0);
		release();
		await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
		await page.keyboard.press('Control+k');
		const input = page.locator('dialog[open] .pagefind-ui__search-input');
		await expect(input).toBeFocused();
		await expect(input).toHaveValue('');
	});

	test('"Search the codes" on the home page opens the dialog', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Search the codes' }).click();
		await expect(page.locator('dialog[open] .pagefind-ui__search-input')).toBeFocused();
	});
});

test.describe('the search dialog on a phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	test('the longest code wraps only after an underscore, in its jump row and its result, inside the dialog', async ({
		page,
	}) => {
		const longest = entries.toSorted((a, b) => b.code.length - a.code.length)[0]!;
		const input = await openSearch(page);
		await input.fill(longest.code);
		const row = page.locator(`dialog[open] .atlas-jump-row[href="${longest.path}"] code`);
		const title = page.locator(
			`dialog[open] .pagefind-ui__result-inner > .pagefind-ui__result-title > a[href="${longest.path}"]`
		);
		const frame = await page.locator('dialog[open] .dialog-frame').boundingBox();
		for (const shown of [row, title]) {
			await expect(shown).toHaveText(longest.code);
			const lines = await renderedLines(shown);
			// Too long for one line here: otherwise this test would show nothing.
			expect(lines.length).toBeGreaterThan(1);
			expect(breaksInsideWords(lines), lines.join(' | ')).toEqual([]);
			const box = (await shown.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(frame!.x + frame!.width);
		}
	});
});

test.describe('one reading of what is typed', () => {
	// A code's first words, its last words, one typo, and a message with a value: computed from the registry.
	const long = entries.find(
		(e) =>
			e.code.split('_').length >= 3 &&
			!byCode.has(e.code.split('_').slice(0, 2).join('_')) &&
			!byCode.has(e.code.split('_').slice(1).join('_'))
	)!;
	const words = long.code.split('_');
	const withValue = entries.find((e) => e.message && e.params.length === 1)!;
	const queries = [
		words.slice(0, 2).join('_'),
		words.slice(1).join(' ').toLowerCase(),
		long.code.slice(0, 5) + (long.code[5] === 'X' ? 'Q' : 'X') + long.code.slice(6),
		fillTemplate(withValue.message!, { [withValue.params[0]!]: '7781' }),
	];

	for (const query of queries) {
		test(`"${query}" opens the same entry from the search dialog, the decoder and a short link`, async ({
			page,
		}) => {
			const [first] = readQuery(query, data, 6);
			assert.ok(first, `${query}: nothing read`);
			const input = await openSearch(page);
			await input.fill(query);
			await expect(page.locator('dialog[open] .atlas-jump-row').first()).toHaveAttribute(
				'href',
				new RegExp(`^${first.path}(#|$)`)
			);
			await page.goto(DIAGNOSE_PATH);
			await page.locator('atlas-decoder textarea').fill(query);
			await expect(
				page.locator('atlas-decoder [data-results] a[href^="/"]').first()
			).toHaveAttribute('href', new RegExp(`^${first.path}(#|$)`));
			await page.goto(`/e/${encodeURIComponent(query)}/`);
			await expect(page.locator('main .sl-markdown-content li a').first()).toHaveAttribute(
				'href',
				first.path
			);
		});
	}
});
