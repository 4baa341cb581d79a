/**
 * The text util.inspect (and so console.error) writes for an Error, before its own fields:
 *
 *   SmithersError: Count mismatch for runs: source=12, target=11.
 *       at migrate (/app/db.ts:3:4)
 *       ... 5 lines matching cause stack trace ... {
 *     code: 'DB_WRITE_FAILED',
 *
 * A class (`TypeError`, `my.pkg.PortError [CODE]`, `SmithersErrorInstance`), its message, then its
 * stack, then ` {` and the fields. The message is prose: its `,` `{` `[` `'` are not structure, so
 * where the label ends is told by its stack, not by the characters the message holds. Both the JSON
 * reader (json.ts: where a nested error's label ends) and what is read as the error's message
 * (error-object.ts) tell an error class here, once. Character codes and bounded look-ahead, not
 * regular expressions over the label: a paste may be megabytes.
 */
import { isSpace, isWordChar } from './normalize.ts';

/** A class name as util.inspect prints it ends with one of these, or has one in its last segment. */
const ERROR_CLASS = /Error|Exception|Instance/;

/**
 * Where the message begins in the label line `line` (just past `Class: ` or `Class [CODE]: `), or
 * -1 when the line does not begin with an error class and a colon. Read in one pass: a regular
 * expression here (`[\w$.]*(?:Error…)\w*`) backtracks over a long label, quadratically.
 */
export function messageStart(line: string, from = 0): number {
	if (line.startsWith('<ref *', from)) {
		// `<ref *1> Error: …`, as util.inspect marks an error a circular reference points back to.
		const close = line.indexOf('> ', from);
		if (close < 0 || close - from > 16) return -1;
		from = close + 2;
	}
	// The class name: the leading run of `[\w$.]`; its last segment (after `.` or `$`) names an error.
	let i = from;
	let segment = from;
	for (; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 46 || c === 36) segment = i + 1;
		else if (!isWordChar(c)) break;
	}
	if (i === segment || !ERROR_CLASS.test(line.slice(segment, i))) return -1;
	// ` [CODE]`, as Node writes an error's code after its class.
	if (line.startsWith(' [', i)) {
		const close = line.indexOf(']', i + 2);
		if (close >= 0 && line.charCodeAt(close + 1) === 58) i = close + 1;
	}
	if (line.charCodeAt(i) !== 58) return -1;
	i++;
	while (i < line.length && isSpace(line.charCodeAt(i))) i++;
	return i;
}

/** Where an inspected error's label ends in the text, and where reading goes on from. */
export interface LabelEnd {
	/** Just past the label's last character (its last stack line, without ` {` or `,`). */
	end: number;
	/** The `{` of its fields, the `,` after an error without any, or the end of its last stack line. */
	next: number;
}

/**
 * Finds where inspected errors' labels end in one text, remembering what it has looked at so a
 * text of many would-be labels is read in linear time. `maxChars` bounds how far below its first
 * line a label's stack may begin (a message of several lines).
 */
export class LabelReader {
	private readonly src: string;
	private readonly maxChars: number;
	/** The first newline at or after `newlineFrom` (-1: none). */
	private newline = -1;
	private newlineFrom = Number.POSITIVE_INFINITY;
	/** The verdict for the lines below the line ending at `verdictAt`: where the stack begins, or -1. */
	private verdictAt = -1;
	private verdict = -1;

	constructor(src: string, maxChars: number) {
		this.src = src;
		this.maxChars = maxChars;
	}

	/**
	 * The end of the inspected error whose label begins at `i` (its class and message, then lines of
	 * stack), or undefined when the text there is no such error: no error class, or no stack below.
	 */
	at(i: number): LabelEnd | undefined {
		const { src } = this;
		const start = messageStart(src, i);
		if (start < 0) return undefined;
		const lineEnd = this.newlineAt(start);
		if (lineEnd < 0) return undefined;
		if (this.verdictAt !== lineEnd) {
			this.verdictAt = lineEnd;
			this.verdict = this.stackBelow(lineEnd);
		}
		let line = this.verdict;
		if (line < 0) return undefined;
		// The stack: lines of `at …` (and `... 5 lines matching cause stack trace ...`), each indented.
		for (;;) {
			const end = this.newlineAt(line);
			const stop = end < 0 ? src.length : end;
			let last = stop;
			while (last > line && isSpace(src.charCodeAt(last - 1))) last--;
			const c = src.charCodeAt(last - 1);
			if (c === 123 || c === 44) {
				let labelEnd = last - 1;
				while (labelEnd > line && isSpace(src.charCodeAt(labelEnd - 1))) labelEnd--;
				return { end: labelEnd, next: last - 1 };
			}
			if (end < 0 || !this.isStackLine(end + 1)) return { end: last, next: stop };
			line = end + 1;
		}
	}

	/** The next newline at or after `from` (-1 for none), remembered: values on one line look for the same one. */
	private newlineAt(from: number): number {
		if (from < this.newlineFrom || (this.newline >= 0 && from > this.newline)) {
			this.newline = this.src.indexOf('\n', from);
			this.newlineFrom = from;
		}
		return this.newline;
	}

	/**
	 * Where the first stack line below the line ending at `lineEnd` begins, or -1: lines of the
	 * message may come between, but none that reads as structure (`key: 'x',`, `}`), and the stack
	 * begins within `maxChars`.
	 */
	private stackBelow(lineEnd: number): number {
		const { src } = this;
		const limit = Math.min(src.length, lineEnd + this.maxChars);
		for (let line = lineEnd + 1; line < limit;) {
			if (this.isStackLine(line)) return line;
			let end = line;
			while (end < limit && src.charCodeAt(end) !== 10) end++;
			if (end >= limit) return -1;
			let first = line;
			while (first < end && isSpace(src.charCodeAt(first))) first++;
			let last = end;
			while (last > first && isSpace(src.charCodeAt(last - 1))) last--;
			const open = src.charCodeAt(first);
			const close = src.charCodeAt(last - 1);
			if (open === 125 || open === 93 || close === 44 || close === 123 || close === 91) return -1;
			line = end + 1;
		}
		return -1;
	}

	/** Whether the line at `line` is a line of a stack: indented, then `at ` or `... `. */
	private isStackLine(line: number): boolean {
		const { src } = this;
		let i = line;
		const limit = Math.min(src.length, line + this.maxChars);
		while (i < limit && isSpace(src.charCodeAt(i))) i++;
		return i > line && (src.startsWith('at ', i) || src.startsWith('... ', i));
	}
}
