/**
 * "Did you mean": the known codes (or page slugs) closest to an unknown one, by edit distance.
 * Codes are pre-filtered by shared distinct bigrams (each edit removes at most two), so a registry of
 * thousands of codes is not compared in full for every typo.
 */
import { editDistance } from '../registry/distance.ts';
import type { Unknown } from './finding.ts';
import { bigramsOf, type DecoderIndex } from './lookup.ts';
import type { Suggestion } from './result.ts';

/** Suggestions per unknown code. */
const PER_INPUT = 3;

/** How far a suggestion may be: one typo in a short code, up to three in a long one. */
function maxDistance(length: number): number {
	return length <= 5 ? 1 : length <= 12 ? 2 : 3;
}

export function suggest(unknown: Unknown, index: DecoderIndex): Suggestion[] {
	const limit = maxDistance(unknown.input.length);
	const close: { id: number; distance: number }[] = [];
	if (unknown.slug) {
		const slug = unknown.input.toLowerCase();
		for (const e of index.entries) {
			if (e.product !== unknown.product) continue;
			const distance = editDistance(slug, e.slug, limit);
			if (distance <= limit) close.push({ id: e.id, distance });
		}
	} else {
		const input = unknown.input.toUpperCase();
		const inputGrams = new Set(bigramsOf(input));
		// Shared distinct bigrams per code, counted in a typed array: postings of common bigrams run to thousands.
		const shared = new Uint16Array(index.codes.length);
		const touched: number[] = [];
		for (const g of inputGrams) {
			for (const c of index.bigrams.get(g) ?? []) if (shared[c]!++ === 0) touched.push(c);
		}
		// Closest first: one edit away, then two…; a code sharing too few bigrams cannot be that close,
		// so most codes are never compared at all. One edit destroys at most two bigram occurrences of
		// a word, so after d edits at most 2d of its distinct bigrams are gone: two words d edits
		// apart share at least (distinct bigrams of either) − 2d. Counting distinct bigrams on both
		// sides matters: a code that repeats one (TOO in TOOL_FILE_TOO_LARGE) has fewer distinct
		// bigrams than its length − 1, and a bound from its length would rule it out.
		const codes: { code: string; distance: number }[] = [];
		for (let within = 1; within <= limit && !codes.length; within++) {
			for (const c of touched) {
				if (shared[c]! < Math.max(index.codeBigrams[c]!, inputGrams.size) - 2 * within) continue;
				const code = index.codes[c]!;
				const distance = editDistance(input, code, within);
				if (distance <= within) codes.push({ code, distance });
			}
		}
		for (const { code, distance } of codes) {
			for (const id of index.byCode.get(code.toLowerCase()) ?? []) {
				if (unknown.product === undefined || index.entries[id]!.product === unknown.product) close.push({ id, distance });
			}
		}
	}
	close.sort((a, b) => a.distance - b.distance || a.id - b.id);
	return close.slice(0, PER_INPUT).map(({ id, distance }) => {
		const e = index.entries[id]!;
		return { input: unknown.input, product: index.products[e.product]!.data.id, code: e.code, path: e.path, distance };
	});
}
