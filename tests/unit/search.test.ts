/**
 * Finding a code: how typed queries map to codes (any case and separator, prefixes, what Pagefind
 * is asked), short-link paths, and the overview filter's state and matching. Expectations come
 * from the registry, not from a list kept here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDecoderData } from '../../src/decode/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	allEntries,
	entriesByCategory,
	entriesByCode,
	entrySummary,
	problemFacts,
} from '../../src/registry/model.ts';
import { fillTemplate, parseTemplate } from '../../src/registry/template.ts';
import {
	entryPath,
	entrySlug,
	productPath,
	shortLinkPath,
	shortLinkSegment,
} from '../../src/registry/urls.ts';
import { codeTargets } from '../../src/search/code-index.ts';
import { codeKey, looksLikeCode } from '../../src/decode/index.ts';
import { spellings } from './decode-fixtures.ts';
import { matchCodes, pagefindTerm } from '../../src/search/code-query.ts';
import { jumpFor, JUMP_TITLES, MAX_JUMPS } from '../../src/search/jump.ts';
import { searchTerm } from '../../src/search/search-term.ts';
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
import { tidyResult } from '../../src/search/result.ts';
import { notFoundReading } from '../../src/search/not-found.ts';
import { shortLinkOutcome, unknownCodeTitle } from '../../src/search/short-link.ts';
import { filterableEntry, filterAttributes, filterChoices } from '../../src/search/filter-facts.ts';

const registry = loadRegistry();
const data = toDecoderData(registry);
const targets = codeTargets(data);
/** Entries whose message has placeholders and words of its own to recognise it by (not a bare `{detail}`). */
const withValues = allEntries(registry).filter(
	(e) =>
		e.message &&
		e.params.length > 0 &&
		parseTemplate(e.message).some((s) => s.kind === 'text' && /\p{L}{3}/u.test(s.text))
);
/** The paths the search dialog would offer as a direct jump for a query. */
const jumpPaths = (query: string) => jumpFor(query, data, targets)?.rows.map((r) => r.path) ?? [];
const byCode = entriesByCode(registry);
/** Word prefixes of codes that are not themselves codes: `TOOL_PATH` of TOOL_PATH_INVALID. */
const prefixes = [
	...new Set(
		allEntries(registry).flatMap((e) =>
			e.code
				.split('_')
				.slice(0, -1)
				.map((_, i, w) => w.slice(0, i + 1).join('_'))
		)
	),
].filter((p) => !byCode.has(p));

describe('code queries', () => {
	it('reads every code in every spelling as that code, and offers all its entries as the direct jump', () => {
		for (const [code, entries] of byCode) {
			for (const spelling of spellings(code)) {
				assert.equal(codeKey(spelling), code, spelling);
				assert.equal(jumpFor(spelling, data, targets)?.kind, 'code', spelling);
				assert.deepEqual(
					jumpPaths(spelling),
					entries.map((e) => e.path),
					spelling
				);
			}
		}
	});

	it('offers, for a prefix in any case, the codes that begin with it, those with the fewest words left out first', () => {
		assert.ok(prefixes.length > 0);
		for (const prefix of prefixes) {
			const starting = allEntries(registry).filter((e) => e.code.startsWith(`${prefix}_`));
			const jump = jumpFor(prefix, data, targets);
			assert.equal(jump?.kind, 'prefix', prefix);
			const rows = jump!.rows.slice(0, Math.min(MAX_JUMPS, starting.length));
			assert.equal(rows.length, Math.min(MAX_JUMPS, starting.length), prefix);
			for (const row of rows)
				assert.ok(row.code.startsWith(`${prefix}_`), `${prefix}: ${row.code}`);
			const shortest = Math.min(...starting.map((e) => e.code.length));
			assert.equal(rows[0]!.code.length, shortest, prefix);
			for (const spelling of [
				`${prefix}_`,
				prefix.toLowerCase(),
				prefix.toLowerCase().replaceAll('_', ' '),
			])
				assert.deepEqual(jumpPaths(spelling), jumpPaths(prefix), spelling);
			assert.deepEqual(
				matchCodes(prefix.toLowerCase(), targets).prefix.map((t) => t.path),
				starting.map((e) => e.path)
			);
		}
	});

	it('asks Pagefind for a lower-case word as the word, while the jump offers the codes it begins', () => {
		const word = prefixes.find((p) => !p.includes('_'))!;
		assert.equal(looksLikeCode(word.toLowerCase()), false);
		assert.equal(jumpFor(word.toLowerCase(), data, targets)?.kind, 'prefix');
		assert.equal(pagefindTerm(word.toLowerCase(), targets), word.toLowerCase());
	});

	it('asks Pagefind for a code prefix as one word, and leaves codes, words and messages as typed', () => {
		for (const prefix of prefixes) assert.equal(pagefindTerm(prefix, targets), `${prefix}_`);
		for (const code of byCode.keys()) assert.equal(pagefindTerm(code, targets), code);
		const message = allEntries(registry).find((e) => e.message)!.message!;
		assert.equal(pagefindTerm(message, targets), message);
		assert.equal(pagefindTerm('free ports', targets), 'free ports');
	});

	it('offers the entry whose message a text is, with the values read from it', () => {
		assert.ok(withValues.length > 0);
		for (const entry of withValues) {
			const values = Object.fromEntries(entry.params.map((p, i) => [p, `v${i}x${p.length}`]));
			const text = fillTemplate(entry.message!, values);
			const jump = jumpFor(text, data, targets);
			const row = jump?.rows.find((r) => r.path === entry.path);
			assert.ok(
				row,
				`${entry.code}: "${text}" offers ${jump?.rows.map((r) => r.code).join(', ') || 'nothing'}`
			);
			assert.equal(jump!.kind, 'decoded');
			for (const [name, value] of Object.entries(values))
				assert.equal(row.values?.[name], value, `${entry.code}.${name}`);
		}
	});

	it('offers a near miss of a code as "did you mean", and nothing for text that names no code', () => {
		const code = [...byCode.keys()].find((c) => c.length > 10)!;
		const typo = code.slice(0, 4) + code.slice(5);
		assert.equal(jumpFor(typo, data, targets)?.kind, 'typo', typo);
		assert.ok(jumpPaths(typo).includes(byCode.get(code)![0]!.path), typo);
		for (const query of ['', '   ', '_', 'the'])
			assert.equal(jumpFor(query, data, targets), undefined, query);
	});

	it("lists every entry once, from the decoder's data, with its page, product, category and summary", () => {
		assert.equal(targets.length, allEntries(registry).length);
		for (const [i, entry] of allEntries(registry).entries()) {
			const t = targets[i]!;
			const product = registry.products.find((p) => p.id === entry.product)!;
			assert.equal(t.code, entry.code);
			assert.equal(t.path, entry.path);
			assert.equal(t.product, product.name);
			assert.equal(t.category, product.categories.find((c) => c.id === entry.category)?.name);
			assert.equal(t.summary, entrySummary(entry).replaceAll('`', ''));
		}
	});
});

describe('what the dialog asks Pagefind for', () => {
	it("asks for a message typed with real values by its template's words, which its page has", () => {
		for (const entry of withValues) {
			const text = fillTemplate(
				entry.message!,
				Object.fromEntries(entry.params.map((p) => [p, 'val-42']))
			);
			const term = searchTerm(text, data, targets);
			assert.ok(!term.includes('val-42'), `${entry.code}: "${term}"`);
			for (const word of term.split(/\s+/))
				assert.ok(entry.message!.includes(word), `${entry.code}: "${word}" is not in its message`);
		}
	});

	it('leaves out words that are values when the text decodes to nothing, and keeps everything else as typed', () => {
		assert.equal(
			searchTerm('request abc-123 took 30s to fail', data, targets),
			'request took to fail'
		);
		for (const query of ['free ports', 'HTTP 404', 'signature verification', 'ipv4'])
			assert.equal(searchTerm(query, data, targets), query);
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
		for (const path of ['/', '/e/', '/e/A/B/', ...allEntries(registry).map((e) => e.path)])
			assert.equal(shortLinkSegment(path), undefined, path);
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

describe('a short link to a code the build did not write', () => {
	it('leads a known code in any other spelling to its short link, and leaves its own spelling alone', () => {
		for (const code of byCode.keys()) {
			assert.deepEqual(shortLinkOutcome(code, data, targets), { kind: 'known' });
			for (const spelling of spellings(code)
				.slice(1)
				.map((s) => s.trim())) {
				assert.deepEqual(
					shortLinkOutcome(spelling, data, targets),
					{ kind: 'redirect', to: code },
					spelling
				);
			}
		}
	});

	it('says an unknown code is not in the reference, with the close codes the decoder suggests', () => {
		const [code, [entry]] = [...byCode].find(([c, list]) => list.length === 1 && c.length > 8)!;
		const typo = code.slice(0, 3) + code.slice(4);
		const outcome = shortLinkOutcome(typo.toLowerCase(), data, targets);
		assert.equal(outcome.kind, 'unknown');
		assert.ok(
			outcome.kind === 'unknown' &&
				outcome.code === typo &&
				outcome.suggestions.some((t) => t.path === entry!.path),
			JSON.stringify(outcome)
		);
		assert.equal(unknownCodeTitle(typo), `No error code ${typo} in this reference`);
		// Far from every code (its letters backwards): nothing to suggest.
		const backwards = `ZZZZ_${[...code].reverse().join('')}_ZZZZ`;
		const far = shortLinkOutcome(backwards, data, targets);
		assert.deepEqual(far, { kind: 'unknown', code: backwards, suggestions: [] });
		// A known code inside a longer name (`ERR_…_ERROR`) is offered.
		const inside = shortLinkOutcome(`ZZZZ_${code}_ZZZZ`, data, targets);
		assert.ok(
			inside.kind === 'unknown' && inside.suggestions[0]?.code === code,
			JSON.stringify(inside)
		);
	});
});

describe('the 404 page, reading its address', () => {
	const dropAt = (word: string, at: number) => word.slice(0, at) + word.slice(at + 1);

	it("offers the page a mistyped page address meant, for every entry and a typo anywhere in its slug, among that product's codes", () => {
		const missed: string[] = [];
		let tried = 0;
		for (const product of registry.products) {
			for (const entry of product.errors) {
				const full = entrySlug(entry);
				for (const at of new Set([1, full.length >> 1, full.length - 2])) {
					const slug = dropAt(full, at);
					const reading = notFoundReading(entryPath(product.id, slug), data, targets);
					tried++;
					if (reading?.kind !== 'explain') {
						missed.push(`${slug}: ${JSON.stringify(reading)}`);
						continue;
					}
					assert.equal(reading.title, `No ${product.name} error ${slug} in this reference`);
					assert.ok(Object.values(JUMP_TITLES).includes(reading.heading!), reading.heading);
					assert.ok(reading.rows.length <= MAX_JUMPS);
					assert.ok(reading.rows.every((r) => r.product === product.name));
					if (!reading.rows.some((r) => r.path === entry.path)) missed.push(slug);
				}
			}
		}
		assert.deepEqual(missed, [], `${missed.length} of ${tried}`);
	});

	it("sends a page address in another spelling of its code, or of its product's id, to the page; leaves a page that is alone", () => {
		for (const product of registry.products) {
			const entry = product.errors[0]!;
			for (const path of [
				entryPath(product.id, entry.code),
				entryPath(product.id.toUpperCase(), entrySlug(entry)),
				entryPath(dropAt(product.id, 2), entry.code.toLowerCase()),
			])
				assert.deepEqual(
					notFoundReading(path, data, targets),
					{ kind: 'redirect', to: entry.path },
					path
				);
			assert.equal(notFoundReading(entry.path, data, targets), undefined);
			assert.equal(notFoundReading(productPath(product.id), data, targets), undefined);
		}
	});

	it('offers the overview of the product a mistyped one is nearest, and nothing for an address far from every product', () => {
		for (const product of registry.products) {
			const typo = dropAt(product.id, 2);
			const reading = notFoundReading(productPath(typo), data, targets);
			assert.ok(reading?.kind === 'explain', JSON.stringify(reading));
			assert.equal(reading.heading, JUMP_TITLES.typo);
			assert.deepEqual(reading.rows, [{ path: productPath(product.id), product: product.name }]);
		}
		assert.equal(notFoundReading('/zzzzzzzzzz/errors/zzz/', data, targets), undefined);
	});

	it('shows what was typed bounded, with its direction controls visible', () => {
		const [product] = registry.products;
		const typed = `\u202e${'x'.repeat(5000)}`;
		const reading = notFoundReading(
			entryPath(product!.id, encodeURIComponent(typed)),
			data,
			targets
		);
		assert.ok(reading?.kind === 'explain');
		assert.ok(!reading.title.includes('\u202e') && reading.title.length < 200, reading.title);
		assert.ok(!reading.searchLabel.includes('\u202e') && reading.searchLabel.length < 200);
		assert.equal(reading.search, `${product!.name} ${typed}`);
	});
});

describe('a search result as the dialog shows it', () => {
	const page = { url: '/p/errors/x/', meta: { title: 'PORT_IN_USE' } };
	const top = {
		url: '/p/errors/x/#_top',
		title: 'PORT_IN_USE',
		excerpt: '<mark>PORT_IN_USE.</mark> asymmetric Core errors',
	};
	const examples = {
		url: '/p/errors/x/#examples',
		title: 'Examples',
		excerpt: 'code: <mark>PORT_IN_USE</mark>',
	};

	it("drops the page heading's own sub-result, which only repeats the code, when other sections matched", () => {
		const result = tidyResult({ ...page, excerpt: top.excerpt, sub_results: [top, examples] });
		assert.deepEqual(result.sub_results, [examples]);
	});

	it('shows the page as the hit, its excerpt without the title, when only its heading matched', () => {
		const result = tidyResult({
			...page,
			excerpt: '<mark>PORT_IN_USE.</mark> asymmetric Core errors exit code 1',
			sub_results: [top],
		});
		assert.equal(result.excerpt, 'asymmetric Core errors exit code 1');
		assert.deepEqual(
			result.sub_results!.map((s) => s.url),
			[page.url]
		);
	});

	it('leaves other results, and an excerpt that does not begin with the title, as they are', () => {
		const plain = {
			...page,
			excerpt: 'Port {port} is busy. <mark>PORT_IN_USE</mark>',
			sub_results: [examples],
		};
		assert.deepEqual(tidyResult(plain), plain);
		const bare = { ...page, excerpt: '<mark>PORT_IN_USE.</mark>', sub_results: [top] };
		assert.equal(tidyResult(bare).excerpt, '<mark>PORT_IN_USE.</mark>');
	});
});
