/**
 * The filter on each product overview: narrows the list as you type (code, message, description),
 * by category and, where the product has them, by HTTP status and retryable; keeps its state in
 * the address so a filtered view can be shared; and leaves the full plain list without JavaScript.
 * Expected lists are computed from the registry, not read from the page.
 */
import type { Locator, Page } from '@playwright/test';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	entriesByCategory,
	problemFacts,
	type Product,
	type RegistryEntry,
} from '../../src/registry/model.ts';
import { NOT_STATED } from '../../src/search/filter.ts';
import { fillTemplate, parseTemplate } from '../../src/registry/template.ts';
import { DIAGNOSE_PATH } from '../../src/registry/urls.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();

/** The codes' list items the reader can see, by page path. */
async function shownPaths(page: Page): Promise<string[]> {
	return page
		.locator('.atlas-code-list li:visible a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

const pathsOf = (entries: readonly RegistryEntry[]) => entries.map((e) => e.path);
const field = (page: Page, name: string): Locator =>
	page.locator(`form.atlas-filter [name="${name}"]`);

for (const product of registry.products) {
	test.describe(product.name, () => {
		test('typing narrows the list to the codes whose code, message or description has the words, and the address keeps it', async ({
			page,
		}) => {
			await page.goto(product.path);
			expect(await shownPaths(page)).toEqual(
				pathsOf(product.errors.toSorted(byListOrder(product)))
			);
			// A word from one entry's text, as a reader half-remembers it.
			const wordOf = (e: RegistryEntry) =>
				[e.message, e.when, e.description]
					.join(' ')
					.split(/\s+/)
					.find((w) => /^[a-z]{6,}$/.test(w));
			const entry = product.errors.find(wordOf)!;
			const word = wordOf(entry)!;
			await field(page, 'q').fill(word);
			const expected = product.errors
				.filter((e) =>
					[e.code, e.message, ...e.messages.map((m) => m.text), e.when, e.description].some((t) =>
						// The words of a text, not its `{placeholders}`, which stand for values.
						parseTemplate(t ?? '')
							.flatMap((part) => (part.kind === 'text' ? [part.text] : []))
							.join(' ')
							.toLowerCase()
							.replaceAll('`', '')
							.includes(word)
					)
				)
				.toSorted(byListOrder(product));
			expect(await shownPaths(page)).toEqual(pathsOf(expected));
			expect(expected).toContain(entry);
			await expect(page.locator('.atlas-filter-status')).toContainText(
				`Showing ${expected.length} of ${product.errors.length} codes.`
			);
			await expect(page).toHaveURL(new RegExp(`\\?q=${word}$`));

			// The code in lower-case words finds it too.
			await field(page, 'q').fill(entry.code.toLowerCase().replaceAll('_', ' '));
			expect(await shownPaths(page)).toContain(entry.path);
		});

		test('a category, status or retryable choice shows exactly the codes that have it, and a shared address restores it', async ({
			page,
		}) => {
			const groups = entriesByCategory(product);
			const group = groups.at(-1)!;
			await page.goto(product.path);
			await field(page, 'category').selectOption(group.id);
			expect(await shownPaths(page)).toEqual(pathsOf(group.entries));
			for (const other of groups.filter((g) => g !== group))
				await expect(page.locator(`section.atlas-group:has(#${other.id})`)).toBeHidden();

			const status = product.errors.find((e) => e.status !== undefined)?.status;
			await expect(field(page, 'status')).toHaveCount(status === undefined ? 0 : 1);
			const retryable = product.errors.some(
				(e) => problemFacts(product, e).retryable !== undefined
			);
			await expect(field(page, 'retryable')).toHaveCount(retryable ? 1 : 0);

			await field(page, 'category').selectOption('');
			const wanted: Record<string, string> = {};
			let expected = product.errors.toSorted(byListOrder(product));
			if (status !== undefined) {
				await field(page, 'status').selectOption(String(status));
				wanted.status = String(status);
				expected = expected.filter((e) => e.status === status);
			}
			if (retryable) {
				await field(page, 'retryable').selectOption('no');
				wanted.retryable = 'no';
				expected = expected.filter((e) => problemFacts(product, e).retryable === false);
			}
			if (Object.keys(wanted).length === 0) return;
			expect(await shownPaths(page)).toEqual(pathsOf(expected));

			// The address is the view: opened fresh, it shows the same codes with the same choices.
			const shared = page.url();
			expect(new URL(shared).searchParams.toString()).toBe(new URLSearchParams(wanted).toString());
			await page.goto(shared);
			for (const [name, value] of Object.entries(wanted))
				await expect(field(page, name)).toHaveValue(value);
			expect(await shownPaths(page)).toEqual(pathsOf(expected));

			// The form resets first and the list follows a task later (a reset event fires before
			// the fields change), so wait for it as a reader would.
			await page.getByRole('button', { name: 'Clear filters' }).click();
			await expect.poll(() => shownPaths(page)).toHaveLength(product.errors.length);
			await expect(page).toHaveURL(product.path);
		});
	});
}

test('"not stated" shows exactly the codes whose sources do not state the fact, and its label says so', async ({
	page,
}) => {
	let tried = 0;
	for (const product of registry.products) {
		const facts = {
			status: (e: RegistryEntry) => e.status,
			retryable: (e: RegistryEntry) => problemFacts(product, e).retryable,
		};
		for (const [name, fact] of Object.entries(facts)) {
			const silent = product.errors.filter((e) => fact(e) === undefined);
			if (silent.length === 0 || silent.length === product.errors.length) continue;
			await page.goto(product.path);
			const option = field(page, name).locator(`option[value="${NOT_STATED}"]`);
			await expect(option).toHaveText(`not stated (${silent.length})`);
			await field(page, name).selectOption(NOT_STATED);
			expect(await shownPaths(page), `${product.name} ${name}`).toEqual(
				pathsOf(silent.toSorted(byListOrder(product)))
			);
			tried++;
		}
	}
	expect(tried).toBeGreaterThan(0);
});

test('a filter that matches nothing says so, and a link to a hidden category shows the whole list again', async ({
	page,
}) => {
	const product = registry.products.find((p) => entriesByCategory(p).length > 1)!;
	const [first, second] = entriesByCategory(product);
	await page.goto(`${product.path}?category=${first!.id}`);
	expect(await shownPaths(page)).toEqual(pathsOf(first!.entries));
	await page.locator(`a[href="${product.path}#${second!.id}"]`).first().click();
	await expect(page.locator(`#${second!.id}`)).toBeVisible();
	expect(await shownPaths(page)).toHaveLength(product.errors.length);

	await field(page, 'q').fill('zzzz-no-such-words');
	expect(await shownPaths(page)).toEqual([]);
	await expect(page.locator('.atlas-filter-status')).toContainText(
		'No code matches these filters.'
	);
});

test('a word only in the messages an entry is seen with finds it; a message with its values in it is handed to the decoder', async ({
	page,
}) => {
	// A word an entry is thrown with that none of its code, message, trigger or description has.
	const own = (e: RegistryEntry) =>
		[e.code, e.message, e.when, e.description].join(' ').toLowerCase().replaceAll('`', '');
	const product = registry.products.find((p) => p.errors.some((e) => e.messages.length))!;
	const pick = product.errors
		.flatMap((entry) =>
			entry.messages.flatMap((m) =>
				m.text
					.replace(/\{[^{}]*\}/g, ' ')
					.toLowerCase()
					.split(/[^a-z]+/)
					.filter((word) => word.length >= 6 && !own(entry).includes(word))
					.map((phrase) => ({ entry, phrase }))
			)
		)
		.at(0)!;
	await page.goto(product.path);
	await field(page, 'q').fill(pick.phrase);
	expect(await shownPaths(page)).toContain(pick.entry.path);
	await expect(page.locator('a[data-decode]')).toBeHidden();

	// A real message with values matches no text of the list; the decoder reads it, values and all.
	const asym = registry.products.find((p) => p.id === 'asymmetric')!;
	const busy = asym.errors.find((e) => e.code === 'PORT_IN_USE')!;
	await page.goto(asym.path);
	await field(page, 'q').fill(fillTemplate(busy.message!, { port: '5432' }));
	expect(await shownPaths(page)).toEqual([]);
	await page.getByRole('link', { name: 'Decode it as an error message' }).click();
	await expect(page).toHaveURL(DIAGNOSE_PATH);
	const card = page.locator('atlas-decoder article.atlas-decoded').first();
	await expect(card.locator(`a[href^="${busy.path}"]`)).toBeVisible();
	await expect(card.locator('mark')).toHaveText(['5432']);
});

test('the codes come first: the filter and "All codes" are above the product-level sections, on the first screen', async ({
	page,
}) => {
	for (const product of registry.products) {
		await page.goto(product.path);
		await expect(page.locator('form.atlas-filter')).toBeInViewport();
		const after = await page
			.locator('#codes')
			.evaluate((codes) =>
				[...document.querySelectorAll('.atlas-overview h2')]
					.filter(
						(h) =>
							h !== codes && !(codes.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING)
					)
					.map((h) => h.id)
			);
		expect(after, `${product.name}: headings above "All codes"`).toEqual([]);
		// Every category link of the sidebar still lands on its group.
		for (const group of entriesByCategory(product)) {
			await page.locator(`nav.sidebar a[href="${product.path}#${group.id}"]`).click();
			await expect(page.locator(`#${group.id}`)).toBeInViewport();
		}
	}
});

test('a query written like a code matches codes, not words of their text; group headings count what is left', async ({
	page,
}) => {
	// The first two words of a code that has more, as a reader half-remembers it (`RUN_NOT`).
	const product = registry.products.find(
		(p) => entriesByCategory(p).length > 1 && p.errors.some((e) => e.code.split('_').length > 2)
	)!;
	const code = product.errors.find((e) => e.code.split('_').length > 2)!.code;
	const part = code.split('_').slice(0, 2).join('_');
	await page.goto(product.path);
	await field(page, 'q').fill(part);
	const expected = product.errors
		.filter((e) => e.code.includes(part))
		.toSorted(byListOrder(product));
	expect(await shownPaths(page)).toEqual(pathsOf(expected));
	for (const group of entriesByCategory(product)) {
		const left = group.entries.filter((e) => expected.includes(e)).length;
		const heading = page.locator(`h3#${group.id}`);
		if (left === 0) await expect(heading).toBeHidden();
		else
			await expect(heading).toHaveText(
				`${group.name} ${left === group.entries.length ? `(${left})` : `(${left} of ${group.entries.length})`}`
			);
	}
	await page.getByRole('button', { name: 'Clear filters' }).click();
	for (const group of entriesByCategory(product))
		await expect(page.locator(`h3#${group.id}`)).toHaveText(
			`${group.name} (${group.entries.length})`
		);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every overview lists every code, and offers no filter that could not work', async ({
		page,
	}) => {
		for (const product of registry.products) {
			await page.goto(`${product.path}?q=anything`);
			await expect(page.locator('form.atlas-filter')).toBeHidden();
			expect(await shownPaths(page)).toHaveLength(product.errors.length);
		}
	});
});

/** The overview lists codes by category in the product's order: the order a reader sees them in. */
function byListOrder(product: Product) {
	const order = entriesByCategory(product).flatMap((g) => g.entries);
	return (a: RegistryEntry, b: RegistryEntry) => order.indexOf(a) - order.indexOf(b);
}
