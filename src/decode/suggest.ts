/**
 * "Did you mean": the known codes (or page slugs) closest to an unknown one, by edit distance.
 * Codes are pre-filtered by shared distinct bigrams (each edit removes at most two), so a registry of
 * thousands of codes is not compared in full for every typo. And, when nothing matched a short
 * paste, the codes it spells out in words (`container not found` → CONTAINER_NOT_FOUND).
 */
import { editDistance } from '../registry/distance.ts';
import type { Unknown } from './finding.ts';
import type { Budget } from './limits.ts';
import { bigramsOf, type DecoderIndex } from './lookup.ts';
import type { Match, Suggestion, UnlistedCode } from './result.ts';
import type { Scanned } from './scan.ts';
import { LIMITS } from './limits.ts';
import { withWords, type Words } from './words.ts';

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
				if (unknown.product === undefined || index.entries[id]!.product === unknown.product)
					close.push({ id, distance });
			}
		}
	}
	close.sort((a, b) => a.distance - b.distance || a.id - b.id);
	return close.slice(0, LIMITS.maxSuggestions).map(({ id, distance }) => {
		const e = index.entries[id]!;
		return {
			input: unknown.input,
			product: index.products[e.product]!.data.id,
			code: e.code,
			path: e.path,
			distance,
		};
	});
}

/**
 * Codes a short paste writes out as words, two or more (`container not found for id 7`,
 * `container-not-found`): every run of words joined by spaces, hyphens or dots that is a code read
 * with underscores. Where runs overlap, only the longest is offered (CONTAINER_NOT_FOUND, not the
 * NOT_FOUND inside it). One Map lookup per run; runs are at most LIMITS.maxCodeWords words long.
 */
export function spelledCodes(text: string, index: DecoderIndex): Suggestion[] {
	if (text.length > LIMITS.maxSpelledChars) return [];
	return withWords(text, (w) => spelledIn(text, w, index));
}

function spelledIn(text: string, w: Words, index: DecoderIndex): Suggestion[] {
	const runs: { from: number; to: number; ids: number[] }[] = [];
	for (let a = 0; a < w.count; a++) {
		let key = text.slice(w.start[a]!, w.end[a]!).toLowerCase();
		for (let b = a + 1; b < w.count && b - a < LIMITS.maxCodeWords; b++) {
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
			};
		})
	);
}

/**
 * What the paste names that matched nothing: "did you mean" for its unknown codes (and, when
 * nothing matched at all, the codes it spells out in words), and the codes written the way a
 * product writes its own that the registry does not list.
 */
export function unmatched(
	scanned: Scanned,
	matches: readonly Match[],
	index: DecoderIndex,
	budget: Budget
): { suggestions: Suggestion[]; unlisted: UnlistedCode[] } {
	const matchedCodes = new Set(matches.map((m) => m.code));
	const suggestions: Suggestion[] = [];
	const asked = new Set<string>();
	for (const unknown of scanned.unknowns) {
		const key = `${unknown.input.toUpperCase()}\u0000${unknown.product ?? ''}\u0000${unknown.slug ? 1 : 0}`;
		if (asked.has(key) || matchedCodes.has(unknown.input.toUpperCase())) continue;
		if (asked.size >= budget.limits.maxUnknownCodes) break;
		asked.add(key);
		for (const s of suggest(unknown, index)) {
			if (
				!matchedCodes.has(s.code) &&
				!suggestions.some((x) => x.path === s.path && x.input === s.input)
			)
				suggestions.push(s);
		}
	}
	// Nothing matched: codes the paste spells out in words (`container not found`) are worth offering.
	if (!matches.length) {
		for (const s of spelledCodes(scanned.text, index))
			if (!suggestions.some((x) => x.path === s.path)) suggestions.push(s);
	}
	suggestions.sort((a, b) => a.distance - b.distance);
	const unlisted: UnlistedCode[] = [];
	for (const u of scanned.unknowns) {
		if (!u.shaped || u.product === undefined || matchedCodes.has(u.input.toUpperCase())) continue;
		const product = index.products[u.product]!.data.id;
		if (!unlisted.some((x) => x.code === u.input && x.product === product))
			unlisted.push({ code: u.input, product });
	}

	return { suggestions, unlisted };
}
