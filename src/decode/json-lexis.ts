/**
 * The lexical layer of the lenient JSON reader (json.ts): quoted strings and their escapes (JSON's,
 * JavaScript's and Python's), a JSON string written into another string (`{\"code\":\"X\"}`), and
 * the character classes bare keys, numbers and structure are told apart by. Character codes, not
 * regular expressions: a paste may be megabytes.
 */
import { wellFormed } from './normalize.ts';

/** Reads a quoted string at `i`. A string never runs past its line: an unclosed one ends there. */
export function readString(src: string, i: number): { text: string; end: number } {
	const quote = src.charCodeAt(i);
	const n = src.length;
	let j = i + 1;
	let from = j;
	let out = '';
	let escaped = false;
	while (j < n) {
		const c = src.charCodeAt(j);
		if (c === quote || c === 10) {
			const text = out + src.slice(from, j);
			return { text: escaped ? wellFormed(text) : text, end: c === quote ? j + 1 : j };
		}
		if (c === 92) {
			escaped = true;
			out += src.slice(from, j);
			const [s, length] = unescape(src, j);
			out += s;
			j += length;
			from = j;
			continue;
		}
		j++;
	}
	const text = out + src.slice(from);
	return { text: escaped ? wellFormed(text) : text, end: n };
}

const SIMPLE_ESCAPES: Record<string, string> = {
	n: '\n',
	t: '\t',
	r: '\r',
	b: '\b',
	f: '\f',
	v: '\v',
	0: '\0',
	'\n': '',
};

/** The character a backslash escape at `j` stands for, and how many characters it spans. */
function unescape(src: string, j: number): [string, number] {
	const d = src[j + 1];
	if (d === undefined) return ['', 1];
	if (Object.hasOwn(SIMPLE_ESCAPES, d)) return [SIMPLE_ESCAPES[d]!, 2];
	if (d === 'u' && src[j + 2] === '{') {
		const close = src.indexOf('}', j + 3);
		const code =
			close > 0 && close - j <= 10 ? Number.parseInt(src.slice(j + 3, close), 16) : Number.NaN;
		if (code >= 0 && code <= 0x10ffff) return [String.fromCodePoint(code), close - j + 1];
		return [d, 2];
	}
	if (d === 'u' || d === 'x') {
		const digits = d === 'u' ? 4 : 2;
		const hex = src.slice(j + 2, j + 2 + digits);
		if (hex.length === digits && /^[0-9a-fA-F]+$/.test(hex))
			return [String.fromCharCode(Number.parseInt(hex, 16)), 2 + digits];
	}
	return [d, 2];
}

/**
 * The text of a JSON string literal with its escapes undone, for JSON that was itself written
 * into a string and pasted from there (`{\"code\":\"X\"}`). Stops at the end of the line.
 */
export function unescapeLine(src: string, start: number): { text: string; end: number } {
	let end = src.indexOf('\n', start);
	if (end < 0) end = src.length;
	const line = src.slice(start, end);
	if (!line.includes('\\')) return { text: line, end };
	let out = '';
	let from = 0;
	for (let j = line.indexOf('\\'); j >= 0; j = line.indexOf('\\', from)) {
		out += line.slice(from, j);
		const [s, length] = unescape(line, j);
		out += s;
		from = j + length;
	}
	return { text: wellFormed(out + line.slice(from)), end };
}

export function skipSpaces(src: string, i: number): number {
	while (i < src.length && (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9)) i++;
	return i;
}

export function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

export function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Digits and what numbers are written with: `-1.5e+3`, `0x1F`, `1_000`, `10n`. */
export function isNumberChar(c: number): boolean {
	return (
		isDigit(c) ||
		c === 46 ||
		c === 43 ||
		c === 45 ||
		c === 95 ||
		(c >= 65 && c <= 70) ||
		(c >= 97 && c <= 102) ||
		c === 120 ||
		c === 88 ||
		c === 110
	);
}

export function isKeyChar(c: number): boolean {
	return (
		isLetter(c) || isDigit(c) || c === 95 || c === 36 || c === 45 || c === 46 || c === 64 || c > 127
	);
}

/** `,` `;` `{` `}` `[` `]`: where bare text ends. */
export function isStructural(c: number): boolean {
	return c === 44 || c === 59 || c === 123 || c === 125 || c === 91 || c === 93;
}
