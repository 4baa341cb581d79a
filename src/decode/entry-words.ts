/**
 * The words each entry is written in — its code's words, its messages, what triggers it, what it
 * means — so that a query in plain words (`heartbeat lost`, `digest does not match`) finds the
 * entries that say them, rarest words counting most. Built once per index, when first asked.
 */
import { parseTemplate } from '../registry/template.ts';
import type { DecoderIndex } from './lookup.ts';

/** Words that say nothing of which error it is. */
const STOP_WORDS = new Set(
	'the and for are was were with from that this has have had but its into been can will may than then there their when which while what who how not yet also only any each'.split(
		' '
	)
);

/** A word as compared: lower case, and without a plural or tense ending that would hide a match. */
export function stem(word: string): string {
	const w = word.toLowerCase();
	for (const end of ['ing', 'ed', 'es', 's'])
		if (w.endsWith(end) && w.length - end.length >= 4) return w.slice(0, -end.length);
	return w;
}

/**
 * The words of `text` worth looking up, in order, each once: three letters or more, not a number
 * or an id (`7f3a9c21`, `run-42` gives `run`), not a stop word. `[word as written, stem]`.
 */
export function wordsOf(text: string, max = Infinity): [string, string][] {
	const out: [string, string][] = [];
	const seen = new Set<string>();
	for (const [word] of text.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)) {
		if (out.length >= max) break;
		if (word.length < 3 || /\d/.test(word) || STOP_WORDS.has(word.toLowerCase())) continue;
		const s = stem(word);
		if (seen.has(s)) continue;
		seen.add(s);
		out.push([word, s]);
	}
	return out;
}

export interface EntryWords {
	/** Stem → ids of the entries that use it. */
	entries: Map<string, number[]>;
	/** By entry id: the stems of its code's words. */
	codeStems: Set<string>[];
}

const cache = new WeakMap<DecoderIndex, EntryWords>();

export function entryWordsOf(index: DecoderIndex): EntryWords {
	let words = cache.get(index);
	if (!words) {
		words = build(index);
		cache.set(index, words);
	}
	return words;
}

function build(index: DecoderIndex): EntryWords {
	const entries = new Map<string, number[]>();
	const codeStems: Set<string>[] = [];
	for (const e of index.entries) {
		const { data } = e;
		const code = e.code.replaceAll('_', ' ');
		codeStems[e.id] = new Set(wordsOf(code).map(([, s]) => s));
		const texts = [code, data.when, data.description];
		for (const message of [data.message, ...(data.messages ?? [])]) {
			if (message === undefined) continue;
			for (const s of parseTemplate(message)) if (s.kind === 'text') texts.push(s.text);
		}
		const stems = new Set(texts.flatMap((t) => (t ? wordsOf(t).map(([, s]) => s) : [])));
		for (const s of stems) {
			const list = entries.get(s);
			if (list) list.push(e.id);
			else entries.set(s, [e.id]);
		}
	}
	return { entries, codeStems };
}

export interface WordsQuery {
	limit: number;
	/** Only this product's entries. */
	product?: number | undefined;
	/** Words of the text looked up (LIMITS.maxQueryWords). */
	maxWords: number;
	/** Any entry that uses one of the words, best first: what to search for, not an answer. */
	loose?: boolean;
}

export interface WordsHit {
	id: number;
	/** The words of the query it uses, as written there, in the query's order. */
	words: string[];
}

/**
 * The entries that use the most telling of `text`'s words, best first: each word weighs by how
 * few entries use it, and an entry must use two of them at least, weighing WORDS_SHARE of all the
 * query's words (one word is a code's prefix or part, nearCodes, or too little to go on).
 * Of entries that use the same words, the one whose code they are comes first. `product`
 * restricts them to one product's.
 */
export function entriesByWords(
	text: string,
	index: DecoderIndex,
	{ limit, product, maxWords, loose = false }: WordsQuery
): WordsHit[] {
	const { entries, codeStems } = entryWordsOf(index);
	const total = index.entries.length;
	const words = wordsOf(text, maxWords).map(([word, stem]) => {
		const ids = entries.get(stem) ?? [];
		// A word no entry uses weighs as much as the rarest: it is evidence of another error.
		return { word, stem, ids, weight: Math.log(1 + total / Math.max(1, ids.length)) };
	});
	const all = words.reduce((sum, w) => sum + w.weight, 0);
	const hits = new Map<number, { id: number; used: typeof words; score: number; rank: number }>();
	for (const w of words) {
		for (const id of w.ids) {
			if (product !== undefined && index.entries[id]!.product !== product) continue;
			let hit = hits.get(id);
			if (!hit) hits.set(id, (hit = { id, used: [], score: 0, rank: 0 }));
			hit.used.push(w);
			hit.score += w.weight;
			hit.rank += codeStems[id]!.has(w.stem) ? 2 * w.weight : w.weight;
		}
	}
	return [...hits.values()]
		.filter((h) => loose || (h.used.length >= 2 && h.score >= all * WORDS_SHARE))
		.sort((a, b) => b.rank - a.rank || a.id - b.id)
		.slice(0, limit)
		.map((h) => ({ id: h.id, words: h.used.map((w) => w.word) }));
}

/** The share of a query's words, by weight, that an entry must use to be offered for them. */
const WORDS_SHARE = 0.6;
