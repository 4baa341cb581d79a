/**
 * A short text read whole, as a query rather than as an error: the product it names, the code
 * it is in any case and with any separators (codeNamed, which the decoder reads as that code),
 * the codes near that one, the codes it writes out in words, and the entries that use its words
 * (readText, when nothing in a short paste matched). query.ts makes the one reading of a query.
 */
import { codeKey } from './code-key.ts';
import { entriesByWords } from './entry-words.ts';
import { LIMITS, type Budget, type Limits } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import { nearCodes, nearRank, type NearCode } from './near-codes.ts';
import { fold } from './normalize.ts';
import type { Suggestion } from './result.ts';
import { withWords, type Words } from './words.ts';

/** A query short enough to be read whole as a code, its product's name, or words. */
export function isShortQuery(
	text: string,
	limits: Pick<Limits, 'maxQueryChars'> = LIMITS
): boolean {
	return text.length <= limits.maxQueryChars;
}

/**
 * What a short paste that matched nothing names, read whole as a query, best first: the codes it
 * begins, is one typo from or is part of (`IMAGE_DIGEST`, `digest mismatch`); the
 * codes it writes out among other words or inside a longer name; codes more typos away; and, when
 * none, the entries that use its words. `budget.limits.maxSuggestions` of each at most.
 */
export function readText(text: string, index: DecoderIndex, budget: Budget): Suggestion[] {
	const max = budget.limits.maxSuggestions;
	const { product, rest } = productNamedIn(text, index);
	const inProduct = (id: number) => product === undefined || index.entries[id]!.product === product;
	const out: Suggestion[] = [];
	const add = (id: number, input: string, s: Pick<Suggestion, 'kind' | 'distance' | 'words'>) => {
		const e = index.entries[id]!;
		if (!inProduct(id) || out.some((x) => x.path === e.path)) return;
		out.push({
			input,
			product: index.products[e.product]!.data.id,
			code: e.code,
			path: e.path,
			...s,
		});
	};
	// The whole text first (SMITHERS_CONFIG_INVALID holds a product's name), then without the
	// product it names. A code it is exactly never reaches here: the decoder read it as that code.
	const far: { id: number; input: string; near: NearCode }[] = [];
	for (const typed of product === undefined || !rest ? [text] : [text, rest]) {
		const key = codeKey(typed);
		if (!CODE_KEY.test(key)) continue;
		const near = nearCodes(key, index, true).flatMap((n) =>
			(index.byCode.get(n.code.toLowerCase()) ?? []).filter(inProduct).map((id) => ({ id, n }))
		);
		for (const { id, n } of near.slice(0, max)) {
			if (nearRank(n.kind, n.distance) <= nearRank('contains', 0))
				add(id, typed, { kind: n.kind, distance: n.distance });
			else far.push({ id, input: typed, near: n });
		}
	}
	// Codes written out among other words, or inside a longer name (ERR_RUN_NOT_FOUND), before codes
	// two typos away: `file not found` means NOT_FOUND, not NODE_NOT_FOUND.
	for (const s of spelledCodes(text.replaceAll('_', ' '), index, budget).slice(0, max))
		add(index.byPath.get(s.path)!, s.input, { kind: 'spelled', distance: 0 });
	for (const { id, input, near } of far)
		add(id, input, { kind: near.kind, distance: near.distance });
	// Words are the weakest reading: the codes it names, when any, are the answer. A JSON body or
	// a log's brackets are no query in words: their keys and fields would find anything.
	if (out.length || /[{}[\]]/.test(text)) return out;
	for (const hit of entriesByWords(rest, index, {
		limit: max,
		product,
		maxWords: budget.limits.maxQueryWords,
	}))
		add(hit.id, hit.words.join(' '), { kind: 'words', distance: 0, words: hit.words });
	return out;
}

/** A code key worth comparing with codes: letters, digits and underscores, as long as a code can be. */
const CODE_KEY = /^[A-Z0-9_]{2,64}$/;

/**
 * A product a short query names by its id or name, as whole words (`smithers run not found`,
 * `Asset Core container not found`), and the query without it. Only one: a query naming two
 * products narrows to neither.
 */
function productNamedIn(text: string, index: DecoderIndex): { product?: number; rest: string } {
	const folded = fold(text);
	let found: { product: number; at: number; length: number } | undefined;
	for (const p of index.products) {
		for (const name of p.names) {
			const at = wholeWordAt(folded, name);
			if (at < 0) continue;
			if (found && found.product !== p.index) return { rest: text };
			if (!found || name.length > found.length)
				found = { product: p.index, at, length: name.length };
		}
	}
	if (!found) return { rest: text };
	return {
		product: found.product,
		rest: `${text.slice(0, found.at)} ${text.slice(found.at + found.length)}`.trim(),
	};
}

/** Where `word` stands in `text` as a whole word, or -1. */
function wholeWordAt(text: string, word: string): number {
	for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
		const before = text.charCodeAt(at - 1);
		const after = text.charCodeAt(at + word.length);
		if (!isAlnum(before) && !isAlnum(after)) return at;
	}
	return -1;
}

function isAlnum(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * The entries whose code a short query is, in any spelling: the whole query (SMITHERS_MIGRATION_REQUIRED
 * holds a product's name), or the query without the product it names, within that product.
 */
export function codeNamed(text: string, index: DecoderIndex): number[] {
	if (!isShortQuery(text)) return [];
	const whole = index.byCode.get(codeKey(text).toLowerCase());
	if (whole) return whole;
	const { product, rest } = productNamedIn(text, index);
	if (product === undefined) return [];
	const ids = index.byCode.get(codeKey(rest).toLowerCase()) ?? [];
	return ids.filter((id) => index.entries[id]!.product === product);
}

/**
 * Codes a short paste writes out as words, two or more (`container not found for id 7`,
 * `container-not-found`): every run of words joined by spaces, hyphens or dots that is a code read
 * with underscores. Where runs overlap, only the longest is offered (CONTAINER_NOT_FOUND, not the
 * NOT_FOUND inside it). One Map lookup per run; runs are at most maxCodeWords words long.
 */
function spelledCodes(text: string, index: DecoderIndex, budget: Budget): Suggestion[] {
	if (!isShortQuery(text, budget.limits)) return [];
	return withWords(text, (w) => spelledIn(text, w, index, budget.limits.maxCodeWords));
}

function spelledIn(
	text: string,
	w: Words,
	index: DecoderIndex,
	maxCodeWords: number
): Suggestion[] {
	const runs: { from: number; to: number; ids: number[] }[] = [];
	for (let a = 0; a < w.count; a++) {
		let key = text.slice(w.start[a]!, w.end[a]!).toLowerCase();
		for (let b = a + 1; b < w.count && b - a < maxCodeWords; b++) {
			// Words of one spelled code are apart by separators only: ` `, `-`, `.`.
			if (!/^[ \-.]+$/.test(text.slice(w.end[b - 1]!, w.start[b]!))) break;
			key += `_${text.slice(w.start[b]!, w.end[b]!).toLowerCase()}`;
			const ids = index.byCode.get(key);
			if (ids) runs.push({ from: a, to: b, ids });
		}
	}
	runs.sort((x, y) => y.to - y.from - (x.to - x.from) || x.from - y.from);
	const kept: typeof runs = [];
	for (const run of runs)
		if (!kept.some((k) => run.from <= k.to && k.from <= run.to)) kept.push(run);
	kept.sort((x, y) => x.from - y.from);
	return kept.flatMap(({ from, to, ids }) =>
		ids.map((id) => {
			const e = index.entries[id]!;
			return {
				input: text.slice(w.start[from]!, w.end[to]!),
				product: index.products[e.product]!.data.id,
				code: e.code,
				path: e.path,
				distance: 0,
				kind: 'spelled' as const,
			};
		})
	);
}
