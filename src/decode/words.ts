/**
 * The words of a line — runs of `[A-Za-z0-9_]`, the characters of codes and of the words
 * templates are indexed by — found in one pass, each with a hash of its lower-case text and a
 * few flags. Lookups test the hash against a set of numbers first, so a line of words that are
 * neither codes nor template words costs no string at all.
 */
import { isWordChar } from './normalize.ts';

export const LOWER = 1;
export const UPPER = 2;
export const UNDERSCORE = 4;

export interface Words {
	count: number;
	start: Int32Array;
	end: Int32Array;
	/** `wordHash` of the word's lower-case text. */
	hash: Int32Array;
	/** LOWER | UPPER | UNDERSCORE: which kinds of character the word has. */
	flags: Uint8Array;
}

/** Arrays not lent out: a decode reads thousands of lines, and allocates them once. */
const pool: Words[] = [];

/**
 * Calls `read` with the words of `text`, in arrays lent for the call and reused after it: `read`
 * must not keep them. A call made inside `read` gets arrays of its own.
 */
export function withWords<T>(text: string, read: (w: Words) => T): T {
	const w = fill(text, pool.pop());
	try {
		return read(w);
	} finally {
		pool.push(w);
	}
}

function fill(text: string, lent: Words | undefined): Words {
	const capacity = (text.length >> 1) + 1;
	let w = lent;
	if (!w || w.start.length < capacity) {
		const size = Math.max(capacity, 1024);
		w = {
			count: 0,
			start: new Int32Array(size),
			end: new Int32Array(size),
			hash: new Int32Array(size),
			flags: new Uint8Array(size),
		};
	}
	let count = 0;
	for (let i = 0; i < text.length;) {
		let c = text.charCodeAt(i);
		if (!isWordChar(c)) {
			i++;
			continue;
		}
		const start = i;
		let hash = 0x811c9dc5;
		let flags = 0;
		for (; i < text.length; i++) {
			c = text.charCodeAt(i);
			if (c >= 97 && c <= 122) flags |= LOWER;
			else if (c >= 65 && c <= 90) {
				flags |= UPPER;
				c += 32;
			} else if (c === 95) flags |= UNDERSCORE;
			else if (c < 48 || c > 57) break;
			hash = Math.imul(hash ^ c, 0x01000193);
		}
		w.start[count] = start;
		w.end[count] = i;
		w.hash[count] = hash;
		w.flags[count] = flags;
		count++;
	}
	w.count = count;
	return w;
}

/** The hash `words` gives a word, for building the sets lookups test against. */
export function wordHash(word: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) {
		let c = word.charCodeAt(i);
		if (c >= 65 && c <= 90) c += 32;
		hash = Math.imul(hash ^ c, 0x01000193);
	}
	return hash;
}
