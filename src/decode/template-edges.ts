/**
 * Where a value that no literal text bounds on one side begins or ends: a placeholder that ends a
 * template (`… failed: {reason}`), one that starts it (`{path} is not writable`), or one that does
 * both (`{id} failed to start. See logs: asym logs {id}`). Each reads a window no longer than the
 * longest value allowed, so a long line costs no more than a short one.
 */
import { isWordChar, skipLogPrefix } from './normalize.ts';
import { withoutLinkLead } from './text.ts';
import type { Unit } from './templates.ts';

/** Where a value that ends a template ends: the end of the line, less a docs link and spaces. */
export function trailingEnd(text: string, from: number, maxValue: number): number {
	// Only a window is read, so a long line costs no more than a short one.
	const window = text.slice(from, from + maxValue + 1);
	if (window.length > maxValue) {
		const space = window.indexOf(' ');
		return space > 0 ? from + space : from;
	}
	let end = window.length;
	const link = window.indexOf(' http');
	// Up to an appended docs link, less the word leading into it (`… run-7f3a9c See https://…`).
	if (link >= 0) end = withoutLinkLead(window.slice(0, link)).length;
	while (end > 0 && /\s/.test(window[end - 1]!)) end--;
	return from + end;
}

/** Separators after which a line's own text starts: `logger: `, `[tag] `, `a - b`, `a | b`. */
const LEAD_SEPARATORS = [': ', '] ', ' - ', ' | ', '> '];

/** Where a value that starts a template starts: after the line's log noise and any separator. */
export function leadingStart(unit: Unit, end: number, maxValue: number): number {
	const text = unit.text;
	unit.noiseEnd ??= skipLogPrefix(text);
	let start = Math.min(unit.noiseEnd, end);
	const from = Math.max(start, end - 2 * maxValue);
	const window = text.slice(from, end);
	for (const sep of LEAD_SEPARATORS) {
		const at = window.lastIndexOf(sep);
		if (at >= 0 && from + at >= start) start = from + at + sep.length;
	}
	while (start < end && /\s/.test(text[start]!)) start++;
	if (end - start > maxValue) start = from + window.lastIndexOf(' ') + 1;
	return start;
}

/**
 * The value of a placeholder that both starts and ends a template (`{id} failed to start. See
 * logs: asym logs {id}`): the longest word-aligned end of the text before `start` that the text
 * from `end` also begins with.
 */
export function sharedEnds(
	unit: Unit,
	start: number,
	end: number,
	maxValue: number
): string | undefined {
	const text = unit.text;
	const from = leadingStart(unit, start, maxValue);
	let tries = 0;
	for (let s = from; s < start && tries < 32; s++) {
		// Where a word starts: after a character that is not a word's (charCodeAt past either end is NaN, no word character).
		if (s > from && isWordChar(text.charCodeAt(s - 1))) continue;
		tries++;
		const value = text.slice(s, start);
		if (text.startsWith(value, end) && !isWordChar(text.charCodeAt(end + value.length)))
			return value;
	}
	return undefined;
}
