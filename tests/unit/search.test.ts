/**
 * Finding a code: how typed queries map to codes (any case and separator, prefixes, what Pagefind
 * is asked), short-link paths and the 404 page's reading of its address (the overview's filter:
 * filter.test.ts). Expectations come from the registry, not from a list kept here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toDecoderData } from '../../src/decode/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, entriesByCode, entrySummary } from '../../src/registry/model.ts';
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
import { tidyResult } from '../../src/search/result.ts';
import { notFoundReading } from '../../src/search/not-found.ts';
import { shortLinkOutcome, unknownCodeTitle } from '../../src/search/short-link.ts';

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

	it("sends an address with an unseen character in it (a zero-width space) to its page, and a product's errors/ to its overview", () => {
		for (const product of registry.products) {
			const entry = product.errors[0]!;
			const zw = encodeURIComponent('\u200b');
			assert.deepEqual(
				notFoundReading(entryPath(product.id, `${entrySlug(entry)}${zw}`), data, targets),
				{
					kind: 'redirect',
					to: entry.path,
				}
			);
			assert.deepEqual(notFoundReading(`/e/${zw}${entry.code}/`, data, targets), {
				kind: 'redirect',
				to: shortLinkPath(entry.code),
			});
			assert.deepEqual(notFoundReading(`/${product.id}/errors/`, data, targets), {
				kind: 'redirect',
				to: productPath(product.id),
			});
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
