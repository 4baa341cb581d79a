/**
 * The known codes near a code key that is none: the codes it begins (`IMAGE_DIGEST` →
 * IMAGE_DIGEST_MISMATCH), the codes it is part of (`DIGEST_MISMATCH`), and the codes one typo or
 * more away (`IMAGE_DIGEST_MISMATH`). Typos are pre-filtered by shared distinct bigrams (each edit
 * removes at most two), so a registry of thousands of codes is not compared in full for each.
 */
import { editDistance } from '../registry/distance.ts';
import { bigramsOf, type DecoderIndex } from './lookup.ts';

/** How a known code is near what was typed; the order is the order they are offered in. */
export type NearKind = 'prefix' | 'contains' | 'typo';

export interface NearCode {
	/** Upper-case, as in DecoderIndex.codes. */
	code: string;
	kind: NearKind;
	/** Edit distance for a typo; 0 for a code that begins with or holds the key. */
	distance: number;
}

/** How far a typo may be: one in a short code, up to three in a long one. */
export function maxDistance(length: number): number {
	return length <= 5 ? 1 : length <= 12 ? 2 : 3;
}

/** Below this, a key that is only part of a word (`IMAGE_DIG`, `IGEST`) says too little to offer codes for it. */
const MIN_PART_CHARS = 4;

/**
 * Known codes near `key` (upper case, not itself a code), best first (nearRank): the codes it
 * begins, as whole words before in part; a code one typo away; the codes holding it, as whole words
 * before in part; codes more typos away. Shorter codes first within each: the fewer words the user
 * left out, the likelier. `parts` allows the codes it begins or is part of (a typed query); without it, only
 * typos (a code-like word in a log, which is more often some other name than a code cut short).
 */
export function nearCodes(key: string, index: DecoderIndex, parts: boolean): NearCode[] {
	// `part`: 1 when the key is only part of a word of the code (IMAGE_DIG), after whole words.
	const near: (NearCode & { part: number })[] = [];
	if (parts && key.length >= 2) {
		const partial = key.length >= MIN_PART_CHARS;
		for (const code of index.codes) {
			if (code === key) continue;
			const order = partOrder(code, key, partial);
			if (order !== undefined)
				near.push({ code, kind: order < 2 ? 'prefix' : 'contains', distance: 0, part: order % 2 });
		}
	}
	for (const { code, distance } of typos(key, index))
		if (!near.some((n) => n.code === code)) near.push({ code, kind: 'typo', distance, part: 0 });
	near.sort(
		(a, b) =>
			nearRank(a.kind, a.distance) - nearRank(b.kind, b.distance) ||
			a.part - b.part ||
			a.distance - b.distance ||
			a.code.length - b.code.length ||
			(a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
	);
	return near.map(({ code, kind, distance }) => ({ code, kind, distance }));
}

/**
 * Where a near code stands, by how it is near: the codes the key begins, a code one typo away,
 * the codes the key is part of, then codes more typos away. The one order of "did you mean",
 * within one key's codes and across a paste's unknown codes.
 */
export function nearRank(kind: NearKind, distance: number): number {
	return kind === 'prefix' ? 0 : kind === 'typo' ? (distance <= 1 ? 1 : 2 + distance) : 2;
}

/**
 * Where `key` sits in `code`: 0 its first words, 1 the start of its first word, 2 words of it,
 * 3 part of a word (whole before in part, nearCodes sorts by it); undefined when it is not in it
 * (or only in part and `partial` is false). The best of its occurrences counts.
 */
function partOrder(code: string, key: string, partial: boolean): number | undefined {
	let best: number | undefined;
	for (let at = code.indexOf(key); at >= 0; at = code.indexOf(key, at + 1)) {
		const whole = (at === 0 || code[at - 1] === '_') && (code[at + key.length] ?? '_') === '_';
		const order = at === 0 ? (whole ? 0 : 1) : whole ? 2 : 3;
		if ((whole || partial) && (best === undefined || order < best)) best = order;
	}
	return best;
}

/** Codes within maxDistance edits of `key`, the closest ring first and only it. */
function typos(key: string, index: DecoderIndex): { code: string; distance: number }[] {
	const limit = maxDistance(key.length);
	const keyGrams = new Set(bigramsOf(key));
	// Shared distinct bigrams per code, counted in a typed array: postings of common bigrams run to thousands.
	const shared = new Uint16Array(index.codes.length);
	const touched: number[] = [];
	for (const g of keyGrams) {
		for (const c of index.bigrams.get(g) ?? []) if (shared[c]!++ === 0) touched.push(c);
	}
	// Closest first: one edit away, then two…; a code sharing too few bigrams cannot be that close,
	// so most codes are never compared at all. One edit destroys at most two bigram occurrences of
	// a word, so after d edits at most 2d of its distinct bigrams are gone: two words d edits
	// apart share at least (distinct bigrams of either) − 2d. Counting distinct bigrams on both
	// sides matters: a code that repeats one (TOO in TOOL_FILE_TOO_LARGE) has fewer distinct
	// bigrams than its length − 1, and a bound from its length would rule it out.
	const found: { code: string; distance: number }[] = [];
	for (let within = 1; within <= limit && !found.length; within++) {
		for (const c of touched) {
			if (shared[c]! < Math.max(index.codeBigrams[c]!, keyGrams.size) - 2 * within) continue;
			const code = index.codes[c]!;
			const distance = editDistance(key, code, within);
			if (distance <= within) found.push({ code, distance });
		}
	}
	return found;
}
