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
 * How an error's label begins as Node prints it: its class (`TypeError`, `my.pkg.PortError`), then
 * ` [CODE]` when it has a code, then `:`. `name` is the class's last segment (after `.` or `$`).
 */
export interface ErrorHead {
	name: string;
	/** Where its code, written in brackets, begins and ends. */
	code?: { start: number; end: number };
	/** The colon after them. */
	colon: number;
}

/**
 * The `Name: ` or `Name [CODE]: ` that begins at `from`, or undefined. Read in one pass: a regular
 * expression here (`[\w$.]*(?:Error…)\w*`) backtracks over a long label, quadratically.
 */
export function errorHead(line: string, from: number): ErrorHead | undefined {
	let i = from;
	let segment = from;
	for (; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 46 || c === 36) segment = i + 1;
		else if (!isWordChar(c)) break;
	}
	if (i === segment) return undefined;
	const name = line.slice(segment, i);
	// ` [CODE]`, as Node writes an error's code after its class.
	if (line.startsWith(' [', i)) {
		const close = line.indexOf(']', i + 2);
		if (close >= 0 && line.charCodeAt(close + 1) === 58)
			return { name, code: { start: i + 2, end: close }, colon: close + 1 };
	}
	return line.charCodeAt(i) === 58 ? { name, colon: i } : undefined;
}

/**
 * Where the message begins in the label line `line` (just past `Class: ` or `Class [CODE]: `), or
 * -1 when the line does not begin with an error class and a colon.
 */
export function messageStart(line: string, from = 0): number {
	if (line.startsWith('<ref *', from)) {
		// `<ref *1> Error: …`, as util.inspect marks an error a circular reference points back to.
		const close = line.indexOf('> ', from);
		if (close < 0 || close - from > 16) return -1;
		from = close + 2;
	}
	const head = errorHead(line, from);
	if (!head || !ERROR_CLASS.test(head.name)) return -1;
	let i = head.colon + 1;
	while (i < line.length && isSpace(line.charCodeAt(i))) i++;
	return i;
}

/**
 * How a stack frame's line ends: `:12:5`, `:12:5)`, `(Foo.java:12)`, `(native)`, `(index 0)`.
 * Tested on the line's last characters only: a pasted line may be megabytes.
 */
const FRAME_END = /(?::\d+:\d+\)?|:\d+\)|\((?:native|<anonymous>|index \d+)\))$/;
/** Characters of a frame's line that FRAME_END reads. */
const FRAME_END_CHARS = 64;

/**
 * Whether [start, end) of `text` is a line of an error's stack: indented, then `at ` and a place
 * that ends as a frame does (FRAME_END; the last one util.inspect prints with ` {` after it, where
 * the error's fields begin, or `,` in a list), or `... ` (`... 5 lines matching cause stack
 * trace ...`). What is read as an inspected error's label (below), and what is no one's prose in a
 * paste (query.ts), are told by this one rule.
 */
export function isStackLine(text: string, start = 0, end = text.length): boolean {
	let i = start;
	while (i < end && isSpace(text.charCodeAt(i))) i++;
	if (i === start) return false;
	if (text.startsWith('... ', i)) return true;
	if (!text.startsWith('at ', i)) return false;
	let last = end;
	while (last > i && isSpace(text.charCodeAt(last - 1))) last--;
	const c = text.charCodeAt(last - 1);
	if (c === 123 || c === 44) last--;
	while (last > i && isSpace(text.charCodeAt(last - 1))) last--;
	return FRAME_END.test(text.slice(Math.max(i, last - FRAME_END_CHARS), last));
}

/** Where an inspected error's label ends in the text, and where reading goes on from. */
export interface LabelEnd {
	/** Just past the label's last character (its last stack line, without ` {` or `,`). */
	end: number;
	/** The `{` of its fields, the `,` after an error without any, or the end of its last stack line. */
	next: number;
}

/**
 * Finds where inspected errors' labels end in one text. A text of many would-be labels (a list of
 * `Error:` values, one a line) asks about each: what a look below one label found serves every
 * label above the same lines, so each character is looked at a bounded number of times and the
 * text is read in linear time. `maxChars` bounds how far below its first line a label's stack may
 * begin (a message of several lines).
 */
export class LabelReader {
	private readonly src: string;
	private readonly maxChars: number;
	/** The first newline at or after `newlineFrom` (-1: none). */
	private newline = -1;
	private newlineFrom = Number.POSITIVE_INFINITY;
	/**
	 * Lines from `clearFrom` to `clearTo` (line starts) are neither stack nor structure: lines of a
	 * message. `stop` says what the line at `clearTo` is, once known; `clearToEnd` is its newline,
	 * once found (-1: none), and `clearToFlat` that it is no stack line.
	 */
	private clearFrom = -1;
	private clearTo = -1;
	private stop: 'stack' | 'structure' | undefined;
	private clearToEnd: number | undefined;
	private clearToFlat = false;
	/** The end of the stack that begins at `stackAt`, once read: labels above one stack share it. */
	private stackAt = -1;
	private stackEnd: LabelEnd | undefined;
	/** Characters looked at below labels, for a stack or for structure: the work, which a test bounds. */
	read = 0;

	constructor(src: string, maxChars: number) {
		this.src = src;
		this.maxChars = maxChars;
	}

	/**
	 * The end of the inspected error whose label begins at `i` (its class and message, then lines of
	 * stack), or undefined when the text there is no such error: no error class, or no stack below.
	 */
	at(i: number): LabelEnd | undefined {
		const start = messageStart(this.src, i);
		if (start < 0) return undefined;
		const lineEnd = this.newlineAt(start);
		if (lineEnd < 0) return undefined;
		const stack = this.stackBelow(lineEnd);
		if (stack < 0) return undefined;
		if (this.stackAt !== stack) {
			this.stackAt = stack;
			this.stackEnd = this.stackFrom(stack);
		}
		return this.stackEnd;
	}

	/** Where the stack that begins at `line` ends: its stack lines (isStackLine), one after another. */
	private stackFrom(line: number): LabelEnd {
		const { src } = this;
		let end = src.indexOf('\n', line);
		for (;;) {
			const stop = end < 0 ? src.length : end;
			this.read += stop - line + 1;
			let last = stop;
			while (last > line && isSpace(src.charCodeAt(last - 1))) last--;
			const c = src.charCodeAt(last - 1);
			if (c === 123 || c === 44) {
				let labelEnd = last - 1;
				while (labelEnd > line && isSpace(src.charCodeAt(labelEnd - 1))) labelEnd--;
				return { end: labelEnd, next: last - 1 };
			}
			if (end < 0) return { end: last, next: stop };
			const next = src.indexOf('\n', end + 1);
			if (!isStackLine(src, end + 1, next < 0 ? src.length : next))
				return { end: last, next: stop };
			line = end + 1;
			end = next;
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
	 * begins within `maxChars`. Goes on from where the last look stopped when that was below the
	 * same line: the lines it passed are a message's, whichever label above they are read for.
	 */
	private stackBelow(lineEnd: number): number {
		const { src } = this;
		const first = lineEnd + 1;
		const limit = Math.min(src.length, lineEnd + this.maxChars);
		if (first < this.clearFrom || first > this.clearTo) {
			this.clearFrom = this.clearTo = first;
			this.stop = this.clearToEnd = undefined;
			this.clearToFlat = false;
		}
		while (this.stop === undefined && this.clearTo < limit) {
			const line = this.clearTo;
			// The line's newline, looked for once: a line longer than this label's window may end within the next's.
			if (this.clearToEnd === undefined) {
				this.clearToEnd = src.indexOf('\n', line);
				this.read += (this.clearToEnd < 0 ? src.length : this.clearToEnd) - line + 1;
			}
			const end = this.clearToEnd < 0 ? src.length : this.clearToEnd;
			if (!this.clearToFlat) {
				if (isStackLine(src, line, end)) {
					this.stop = 'stack';
					break;
				}
				this.clearToFlat = true;
			}
			if (end >= limit) return -1;
			let first = line;
			while (first < end && isSpace(src.charCodeAt(first))) first++;
			let last = end;
			while (last > first && isSpace(src.charCodeAt(last - 1))) last--;
			const open = src.charCodeAt(first);
			const close = src.charCodeAt(last - 1);
			if (open === 125 || open === 93 || close === 44 || close === 123 || close === 91) {
				this.stop = 'structure';
				break;
			}
			this.clearTo = end + 1;
			this.clearToEnd = undefined;
			this.clearToFlat = false;
		}
		return this.stop === 'stack' && this.clearTo < limit ? this.clearTo : -1;
	}
}
