/**
 * `key=value`, `key: value` and `key="quoted value"` pairs in a log line, where an error's
 * `details` fields are written next to its code (`TASK_TIMEOUT nodeId=fetch attempt=1`). One pass
 * over the line, no regular expression; at most `max` pairs are read. Which keys count is up to
 * the caller: only an entry's documented fields become its params.
 */
import { isQuote, isSpace, isWordChar } from './normalize.ts';

export interface Pair {
	key: string;
	/** As written; without its quotes when quoted. */
	value: string;
	/** Where the value is written in the line (after the opening quote of a quoted one). */
	start: number;
}

export interface Pairs {
	pairs: Pair[];
	/** Whether the line has more pairs than were read. */
	capped: boolean;
}

/**
 * The pairs of `line`, in order. A key is a run of word characters; `=` or `:` and a space
 * follow it; a value is a quoted string (`"…"` or `'…'`, with `\` escaping) or runs to the next
 * space, less a `,`, `;` or `.` that ends it. A `key: value` that starts the line is a log prefix
 * (`error: …`), not a pair. Values longer than `maxValue` are skipped.
 */
export function readPairs(line: string, max: number, maxValue: number): Pairs {
	const pairs: Pair[] = [];
	const n = line.length;
	let read = 0;
	let i = 0;
	while (i < n) {
		if (!isWordChar(line.charCodeAt(i))) {
			i++;
			continue;
		}
		const keyStart = i;
		while (i < n && isWordChar(line.charCodeAt(i))) i++;
		const keyEnd = i;
		const sep = line.charCodeAt(i);
		let v: number;
		if (sep === 61 /* = */) v = i + 1;
		else if (sep === 58 /* : */) {
			v = i + 1;
			if (!isQuote(line.charCodeAt(v))) {
				if (!isSpace(line.charCodeAt(v))) continue;
				while (v < n && isSpace(line.charCodeAt(v))) v++;
			}
			if (isLineStart(line, keyStart)) {
				i = v;
				continue;
			}
		} else continue;
		if (v >= n) break;
		let value: string;
		let start: number;
		const open = line.charCodeAt(v);
		if (isQuote(open)) {
			let j = v + 1;
			while (j < n && line.charCodeAt(j) !== open) j += line.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
			// An unclosed quote: nothing after it can be read as pairs with certainty.
			if (j >= n) break;
			start = v + 1;
			value = line.slice(start, j);
			i = j + 1;
		} else {
			let j = v;
			while (j < n && !isSpace(line.charCodeAt(j))) j++;
			i = j;
			while (j > v && isTrailing(line.charCodeAt(j - 1))) j--;
			if (j === v) continue;
			start = v;
			value = line.slice(v, j);
		}
		if (read >= max) return { pairs, capped: true };
		read++;
		if (keyEnd - keyStart <= 64 && value.length <= maxValue)
			pairs.push({ key: line.slice(keyStart, keyEnd), value, start });
	}
	return { pairs, capped: false };
}

function isLineStart(line: string, at: number): boolean {
	for (let p = at - 1; p >= 0; p--) if (!isSpace(line.charCodeAt(p))) return false;
	return true;
}

/** Punctuation that ends a sentence or a list rather than a value. */
function isTrailing(c: number): boolean {
	return c === 44 || c === 59 || c === 46;
}
