/**
 * The words each entry is written in — its code's words, its messages, what triggers it, what it
 * means — so that a query in plain words (`heartbeat lost`, `digest does not match`) finds the
 * entries that say them, rarest words counting most. Built once per index, when first asked.
 */
import { parseTemplate } from '../registry/template.ts';
import type { DecoderIndex } from './lookup.ts';

/** Words that say nothing of which error it is. */
const STOP_WORDS = new Set(
	'the and for are was were with from that this has have had but its into been can will may than then there their when which while what who how not yet also only any each error'.split(
		' '
	)
);

/**
 * A word as compared: lower case, without a plural or tense ending and a final `e`, so that the
 * forms of one word meet (`message`, `messages`; `create`, `created`; `require`, `required`).
 */
function stem(word: string): string {
	let w = word.toLowerCase();
	for (const end of ['ing', 'ed', 'es', 's'])
		if (w.endsWith(end) && w.length - end.length >= 4) {
			w = w.slice(0, -end.length);
			break;
		}
	return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
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

/**
 * The entries' texts by word. Each text is one thing an entry says — its code as words, what
 * triggers it, what it means, each of its messages — and is scored on its own: words a query
 * shares with one message mean more than the same words strewn over an entry thrown in hundreds
 * of places, which uses every word there is.
 */
export interface EntryWords {
	/** Stem → ids of the entries that use it: what a word weighs. */
	entries: Map<string, number[]>;
	/** Stem → ids of the texts that use it. */
	texts: Map<string, number[]>;
	/** By text id: its entry's id, and whether it is the entry's code. */
	textOf: { entry: number; code: boolean }[];
}

const cache = new WeakMap<DecoderIndex, EntryWords>();

function entryWordsOf(index: DecoderIndex): EntryWords {
	let words = cache.get(index);
	if (!words) {
		words = build(index);
		cache.set(index, words);
	}
	return words;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
	const list = map.get(key);
	if (!list) map.set(key, [id]);
	else if (list.at(-1) !== id) list.push(id);
}

function build(index: DecoderIndex): EntryWords {
	const entries = new Map<string, number[]>();
	const texts = new Map<string, number[]>();
	const textOf: EntryWords['textOf'] = [];
	for (const e of index.entries) {
		const { data } = e;
		const said: [string | undefined, boolean][] = [
			[e.code.replaceAll('_', ' '), true],
			[data.when, false],
			[data.description, false],
		];
		for (const message of [data.message, ...(data.messages ?? [])]) {
			if (message === undefined) continue;
			const literal = parseTemplate(message).flatMap((s) => (s.kind === 'text' ? [s.text] : []));
			said.push([literal.join(' '), false]);
		}
		for (const [text, code] of said) {
			if (!text) continue;
			const id = textOf.length;
			textOf.push({ entry: e.id, code });
			for (const [, s] of wordsOf(text)) {
				push(texts, s, id);
				push(entries, s, e.id);
			}
		}
	}
	return { entries, texts, textOf };
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
	/** The words of the query its best text uses, as written there, in the query's order. */
	words: string[];
}

/**
 * The entries one of whose texts uses the most telling of `text`'s words, best first: each word
 * weighs by how few entries use it, and a text must use two of them at least, weighing
 * WORDS_SHARE of all the query's words (one word is a code's prefix or part, nearCodes, or too
 * little to go on). Of texts weighing the same, an entry's code comes first: the words name it.
 * `product` restricts them to one product's.
 */
export function entriesByWords(
	text: string,
	index: DecoderIndex,
	{ limit, product, maxWords, loose = false }: WordsQuery
): WordsHit[] {
	const { entries, texts, textOf } = entryWordsOf(index);
	const total = index.entries.length;
	const words = wordsOf(text, maxWords).map(([word, stem]) => ({
		word,
		stem,
		// A word no entry uses weighs as much as the rarest: it is evidence of another error.
		weight: Math.log(1 + total / Math.max(1, entries.get(stem)?.length ?? 0)),
	}));
	const all = words.reduce((sum, w) => sum + w.weight, 0);
	const byText = new Map<number, { used: typeof words; weight: number }>();
	for (const w of words) {
		for (const t of texts.get(w.stem) ?? []) {
			const { entry } = textOf[t]!;
			if (product !== undefined && index.entries[entry]!.product !== product) continue;
			const hit = byText.get(t) ?? { used: [], weight: 0 };
			hit.used.push(w);
			hit.weight += w.weight;
			byText.set(t, hit);
		}
	}
	const best = new Map<number, WordsHit & { weight: number; code: boolean }>();
	for (const [t, { used, weight }] of byText) {
		if (!loose && (used.length < 2 || weight < all * WORDS_SHARE)) continue;
		const { entry, code } = textOf[t]!;
		const had = best.get(entry);
		if (!had || weight > had.weight || (weight === had.weight && code && !had.code))
			best.set(entry, { id: entry, words: used.map((w) => w.word), weight, code });
	}
	return [...best.values()]
		.sort((a, b) => b.weight - a.weight || Number(b.code) - Number(a.code) || a.id - b.id)
		.slice(0, limit)
		.map(({ id, words: used }) => ({ id, words: used }));
}

/** The share of a query's words, by weight, that an entry's text must use to be offered for them. */
const WORDS_SHARE = 0.6;
