/**
 * Finding a code: how typed queries map to codes (any case and separator, prefixes, what Pagefind
 * is asked), short-link paths, and the overview filter's state and matching. Expectations come
 * from the registry, not from a list kept here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, entriesByCategory, entriesByCode, problemFacts } from '../../src/registry/model.ts';
import { shortLinkPath, shortLinkSegment } from '../../src/registry/urls.ts';
import { codeTargets } from '../../src/search/code-index.ts';
import { codeKey, jumpTargets, looksLikeCode, matchCodes, pagefindTerm } from '../../src/search/code-query.ts';
import { EMPTY_FILTER, filterSummary, isFiltering, matchesFilter, readFilter, writeFilter } from '../../src/search/filter.ts';
import { filterableEntry, filterAttributes, filterChoices } from '../../src/search/filter-facts.ts';

const registry = loadRegistry();
const targets = codeTargets(registry);
const byCode = entriesByCode(registry);
/** Every way people write a code: as published, lower case, with spaces, with hyphens, mixed case. */
const spellings = (code: string) => [
	code,
	code.toLowerCase(),
	code.toLowerCase().replaceAll('_', ' '),
	code.toLowerCase().replaceAll('_', '-'),
	code.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join('_'),
	` \`${code}\` `,
];
/** Word prefixes of codes that are not themselves codes: `TOOL_PATH` of TOOL_PATH_INVALID. */
const prefixes = [...new Set(allEntries(registry).flatMap((e) => e.code.split('_').slice(0, -1).map((_, i, w) => w.slice(0, i + 1).join('_'))))].filter(
	(p) => !byCode.has(p),
);

describe('code queries', () => {
	it('reads every code in every spelling as that code, and offers all its entries as the direct jump', () => {
		for (const [code, entries] of byCode) {
			for (const spelling of spellings(code)) {
				assert.equal(codeKey(spelling), code, spelling);
				assert.deepEqual(
					jumpTargets(spelling, targets).map((t) => t.path),
					entries.map((e) => e.path),
					spelling,
				);
			}
		}
	});

	it('offers, for a prefix written like a code, exactly the codes that begin with it', () => {
		assert.ok(prefixes.length > 0);
		for (const prefix of prefixes) {
			const expected = allEntries(registry).filter((e) => e.code.startsWith(`${prefix}_`)).map((e) => e.path);
			assert.deepEqual(jumpTargets(prefix, targets).map((t) => t.path), expected, prefix);
			assert.deepEqual(jumpTargets(`${prefix}_`, targets).map((t) => t.path), expected, `${prefix}_`);
			assert.deepEqual(matchCodes(prefix.toLowerCase(), targets).prefix.map((t) => t.path), expected);
		}
	});

	it('treats a lower-case word as words, not as a code prefix', () => {
		const word = prefixes.find((p) => !p.includes('_'))!;
		assert.equal(looksLikeCode(word.toLowerCase()), false);
		assert.deepEqual(jumpTargets(word.toLowerCase(), targets), []);
		assert.equal(pagefindTerm(word.toLowerCase(), targets), word.toLowerCase());
	});

	it('asks Pagefind for a code prefix as one word, and leaves codes, words and messages as typed', () => {
		for (const prefix of prefixes) assert.equal(pagefindTerm(prefix, targets), `${prefix}_`);
		for (const code of byCode.keys()) assert.equal(pagefindTerm(code, targets), code);
		const message = allEntries(registry).find((e) => e.message)!.message!;
		assert.equal(pagefindTerm(message, targets), message);
		assert.equal(pagefindTerm('free ports', targets), 'free ports');
	});

	it('offers nothing for text that names no code', () => {
		for (const query of ['', '   ', 'NOT_A_CODE_AT_ALL', 'port 8080 is busy', '_']) assert.deepEqual(jumpTargets(query, targets), [], query);
	});

	it('lists every entry once, with its page, product, category and a one-line summary', () => {
		assert.equal(targets.length, allEntries(registry).length);
		for (const [i, entry] of allEntries(registry).entries()) {
			const t = targets[i]!;
			assert.equal(t.code, entry.code);
			assert.equal(t.path, entry.path);
			assert.equal(t.product, registry.products.find((p) => p.id === entry.product)!.name);
			assert.ok(t.summary.length > 0 && !t.summary.includes('`'), t.summary);
		}
	});
});

describe('short links', () => {
	it('reads back the code of every short link, in any case', () => {
		for (const code of byCode.keys()) {
			assert.equal(shortLinkSegment(shortLinkPath(code)), code);
			assert.equal(shortLinkSegment(shortLinkPath(code.toLowerCase())), code.toLowerCase());
			assert.equal(shortLinkSegment(`/e/${code}`), code, 'without the trailing slash');
		}
		assert.equal(shortLinkSegment('/e/health%20timeout/'), 'health timeout');
	});

	it('does not read other pages as short links', () => {
		for (const path of ['/', '/e/', '/e/A/B/', ...allEntries(registry).map((e) => e.path)]) assert.equal(shortLinkSegment(path), undefined, path);
	});
});

describe('the overview filter', () => {
	it('keeps its state in the address, leaving out what is empty', () => {
		const state = { ...EMPTY_FILTER, q: 'timeout', status: '404' };
		const params = writeFilter(state, new URLSearchParams('keep=1&category=old'));
		assert.equal(params.toString(), 'keep=1&q=timeout&status=404');
		assert.deepEqual(readFilter(params), state);
		assert.equal(isFiltering(readFilter(new URLSearchParams('keep=1'))), false);
	});

	it('finds every entry by its code in any spelling, and by the words of its message, trigger or description', () => {
		for (const product of registry.products) {
			for (const group of entriesByCategory(product)) {
				for (const entry of group.entries) {
					const facts = filterableEntry(product, entry, group.id);
					for (const q of spellings(entry.code)) assert.ok(matchesFilter(facts, { ...EMPTY_FILTER, q }), `${entry.code} by "${q}"`);
					for (const text of [entry.message, entry.when, entry.description]) {
						if (!text) continue;
						const words = text.split(/\s+/).slice(0, 3).join(' ');
						assert.ok(matchesFilter(facts, { ...EMPTY_FILTER, q: words }), `${entry.code} by "${words}"`);
					}
				}
			}
		}
	});

	it('narrows by category, status and retryable to exactly the entries that have them', () => {
		for (const product of registry.products) {
			const all = entriesByCategory(product).flatMap((g) => g.entries.map((e) => ({ e, facts: filterableEntry(product, e, g.id) })));
			const choices = filterChoices(product);
			for (const c of choices.categories) {
				const kept = all.filter((x) => matchesFilter(x.facts, { ...EMPTY_FILTER, category: c.value }));
				assert.equal(kept.length, c.count);
				assert.ok(kept.every((x) => x.facts.category === c.value));
			}
			for (const c of choices.statuses) {
				const kept = all.filter((x) => matchesFilter(x.facts, { ...EMPTY_FILTER, status: c.value }));
				assert.deepEqual(kept.map((x) => x.e.status), Array(c.count).fill(Number(c.value)));
			}
			for (const c of choices.retryable) {
				const kept = all.filter((x) => matchesFilter(x.facts, { ...EMPTY_FILTER, retryable: c.value }));
				assert.deepEqual(kept.map((x) => problemFacts(product, x.e).retryable), Array(c.count).fill(c.value === 'yes'));
			}
		}
	});

	it('offers status and retryable only where the product has them', () => {
		for (const product of registry.products) {
			const choices = filterChoices(product);
			assert.equal(choices.statuses.length > 0, product.errors.some((e) => e.status !== undefined), product.id);
			assert.equal(choices.retryable.length > 0, product.errors.some((e) => problemFacts(product, e).retryable !== undefined), product.id);
		}
	});

	it('writes into the page only the text an entry does not already show', () => {
		for (const product of registry.products) {
			for (const entry of product.errors) {
				const text = filterAttributes(product, entry, 'x')['data-text'] ?? '';
				const summary = entry.message ?? entry.when ?? entry.description;
				if (summary) assert.ok(!text.split('\n').includes(summary), entry.code);
			}
		}
	});

	it('says what it left in one line', () => {
		assert.equal(filterSummary(3, 24), 'Showing 3 of 24 codes.');
		assert.equal(filterSummary(24, 24), 'Showing all 24 codes.');
		assert.match(filterSummary(0, 24), /^No code matches/);
	});
});
