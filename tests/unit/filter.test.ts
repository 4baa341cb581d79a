/**
 * The overview's filter: its state in the address, which entries it keeps for words, parts of a
 * code and facts, the choices it offers, and what the page carries for it. Expectations come from
 * the registry, not from a list kept here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRegistry } from '../../src/registry/load.ts';
import { entriesByCategory, entrySummary, problemFacts } from '../../src/registry/model.ts';
import { parseTemplate } from '../../src/registry/template.ts';
import {
	EMPTY_FILTER,
	filterSummary,
	groupCount,
	isFiltering,
	matchesFilter,
	NOT_STATED,
	readFilter,
	writeFilter,
} from '../../src/search/filter.ts';
import { filterableEntry, filterAttributes, filterChoices } from '../../src/search/filter-facts.ts';
import { spellings } from './decode-fixtures.ts';

const registry = loadRegistry();

describe('the overview filter', () => {
	it('keeps its state in the address, leaving out what is empty', () => {
		const state = { ...EMPTY_FILTER, q: 'timeout', status: '404' };
		const params = writeFilter(state, new URLSearchParams('keep=1&category=old'));
		assert.equal(params.toString(), 'keep=1&q=timeout&status=404');
		assert.deepEqual(readFilter(params), state);
		assert.equal(isFiltering(readFilter(new URLSearchParams('keep=1'))), false);
	});

	it('finds every entry by its code in any spelling, and by the words of its messages, trigger or description', () => {
		for (const product of registry.products) {
			for (const group of entriesByCategory(product)) {
				for (const entry of group.entries) {
					const facts = filterableEntry(product, entry, group.id);
					for (const q of spellings(entry.code))
						assert.ok(matchesFilter(facts, { ...EMPTY_FILTER, q }), `${entry.code} by "${q}"`);
					const texts = [entry.message, ...entry.messages.map((m) => m.text)];
					for (const text of [...texts, entry.when, entry.description]) {
						if (!text) continue;
						// Words a reader types: a message's `{placeholder}` stands for a value, not a word.
						const words = parseTemplate(text)
							.flatMap((part) => (part.kind === 'text' ? part.text.split(/\s+/) : []))
							.filter(Boolean)
							.slice(0, 3)
							.join(' ');
						assert.ok(
							matchesFilter(facts, { ...EMPTY_FILTER, q: words }),
							`${entry.code} by "${words}"`
						);
					}
				}
			}
		}
	});

	it('narrows by category, status and retryable to exactly the entries that have them', () => {
		for (const product of registry.products) {
			const all = entriesByCategory(product).flatMap((g) =>
				g.entries.map((e) => ({ e, facts: filterableEntry(product, e, g.id) }))
			);
			const choices = filterChoices(product);
			for (const c of choices.categories) {
				const kept = all.filter((x) =>
					matchesFilter(x.facts, { ...EMPTY_FILTER, category: c.value })
				);
				assert.equal(kept.length, c.count);
				assert.ok(kept.every((x) => x.facts.category === c.value));
			}
			for (const c of choices.statuses) {
				const kept = all.filter((x) =>
					matchesFilter(x.facts, { ...EMPTY_FILTER, status: c.value })
				);
				assert.deepEqual(
					kept.map((x) => x.e.status),
					Array(c.count).fill(c.value === NOT_STATED ? undefined : Number(c.value))
				);
			}
			for (const c of choices.retryable) {
				const kept = all.filter((x) =>
					matchesFilter(x.facts, { ...EMPTY_FILTER, retryable: c.value })
				);
				assert.deepEqual(
					kept.map((x) => problemFacts(product, x.e).retryable),
					Array(c.count).fill(c.value === NOT_STATED ? undefined : c.value === 'yes')
				);
			}
		}
	});

	it('offers "not stated" on a fact where sources are silent, so the counts of its choices add up to the list', () => {
		const totals: string[] = [];
		for (const product of registry.products) {
			const choices = filterChoices(product);
			for (const [fact, options] of Object.entries({
				status: choices.statuses,
				retryable: choices.retryable,
			})) {
				if (!options.length) continue;
				const sum = options.reduce((n, c) => n + c.count, 0);
				totals.push(`${product.id} ${fact}: ${sum} of ${product.errors.length}`);
				const silent = product.errors.filter((e) =>
					fact === 'status'
						? e.status === undefined
						: problemFacts(product, e).retryable === undefined
				).length;
				const notStated = options.find((c) => c.value === NOT_STATED);
				assert.deepEqual(
					notStated && { label: notStated.label, count: notStated.count },
					silent ? { label: 'not stated', count: silent } : undefined,
					`${product.id} ${fact}`
				);
			}
		}
		assert.ok(totals.length > 0);
		for (const t of totals) assert.match(t, /: (\d+) of \1$/);
	});

	it('offers status and retryable only where the product has them', () => {
		for (const product of registry.products) {
			const choices = filterChoices(product);
			assert.equal(
				choices.statuses.length > 0,
				product.errors.some((e) => e.status !== undefined),
				product.id
			);
			assert.equal(
				choices.retryable.length > 0,
				product.errors.some((e) => problemFacts(product, e).retryable !== undefined),
				product.id
			);
		}
	});

	it("finds on the page what it finds in the entry: the list item's text and the words it is given, once each, answer every query alike", () => {
		let queries = 0;
		for (const product of registry.products) {
			for (const entry of product.errors) {
				const facts = filterableEntry(product, entry, 'x');
				const written = filterAttributes(product, entry, 'x')['data-text'] ?? '';
				// What the overview's script reads: the item (its code and summary), then the words written.
				const onPage = { ...facts, text: `${entry.code} ${entrySummary(entry)}\n${written}` };
				// Queries from the texts as written, placeholders too (`{runId}` asks for "runid").
				const words = facts.text.split(/[\s{}]+/).filter(Boolean);
				for (let i = 0; i < words.length; i++) {
					for (const q of [words[i]!, words.slice(i, i + 2).join(' '), words[i]!.slice(1, -1)]) {
						assert.equal(
							matchesFilter(onPage, { ...EMPTY_FILTER, q }),
							matchesFilter(facts, { ...EMPTY_FILTER, q }),
							`${entry.code}: "${q}"`
						);
						queries++;
					}
				}
				// Each word written once: shorter than the texts it stands for.
				const list = written.split(' ').filter(Boolean);
				assert.equal(new Set(list).size, list.length, entry.code);
				assert.ok(written.length < facts.text.length, entry.code);
			}
		}
		assert.ok(queries > 10_000, `${queries} queries`);
	});

	it('reads a query written like a code as part of a code, not as words of the text', () => {
		// Every run of a code's words (`RUN_NOT` of RUN_NOT_FOUND), as written and in lower case.
		for (const product of registry.products) {
			const all = entriesByCategory(product).flatMap((g) =>
				g.entries.map((e) => filterableEntry(product, e, g.id))
			);
			const parts = new Set(
				all.flatMap((f) =>
					f.code
						.split('_')
						.flatMap((_, i, w) => w.slice(i).map((__, j) => w.slice(i, i + j + 1).join('_')))
				)
			);
			for (const part of parts) {
				const expected = all.filter((f) => f.code.includes(part)).map((f) => f.code);
				for (const q of part.includes('_') ? [part, part.toLowerCase()] : [part]) {
					if (!q.includes('_') && part.length < 2) continue;
					assert.deepEqual(
						all.filter((f) => matchesFilter(f, { ...EMPTY_FILTER, q })).map((f) => f.code),
						expected,
						`${product.id}: "${q}"`
					);
				}
			}
		}
	});

	it('counts what is left of each group while filtering', () => {
		assert.equal(groupCount(23, 23), '(23)');
		assert.equal(groupCount(2, 23), '(2 of 23)');
	});

	it('says what it left in one line', () => {
		assert.equal(filterSummary(3, 24), 'Showing 3 of 24 codes.');
		assert.equal(filterSummary(24, 24), 'Showing all 24 codes.');
		assert.match(filterSummary(0, 24), /^No code matches/);
	});
});
