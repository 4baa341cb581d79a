/**
 * Text helpers shared by the extractors and the pages that show a paste: a message as one line,
 * without the docs link a product appends to it, with its direction controls visible, and the
 * part of a long paste that is read (and what to say about it).
 */
import { LIMITS } from './limits.ts';

/** Words that lead into an appended docs link: `… See https://…`, `… Docs: https://…`. */
const LINK_LEADS = new Set(['see', 'see:', 'docs:']);

/**
 * A message without the docs link a product appends to it (`… See https://…#task_timeout`): the
 * result links to the entry's page already. Only a last word that is a URL goes, with a `See` or
 * `Docs:` before it.
 */
export function withoutDocsLink(line: string): string {
	const space = line.lastIndexOf(' ');
	const last = line.slice(space + 1);
	if (space < 0 || !(last.startsWith('https://') || last.startsWith('http://'))) return line;
	// A message that ends with a URL of its own (`… e.g. http://127.0.0.1:5123/v1.`) keeps it.
	const before = line.slice(0, space).trimEnd();
	const lead = withoutLinkLead(before);
	return lead === before ? line : lead || line;
}

/** Text that ended before a docs link, without the word leading into it (`run-7f3a9c See` → `run-7f3a9c`). */
export function withoutLinkLead(text: string): string {
	const space = text.lastIndexOf(' ');
	const word = text.slice(space + 1).toLowerCase();
	return LINK_LEADS.has(word) ? text.slice(0, space + 1).trimEnd() : text;
}

/** A message as one line of bounded length, for showing. */
export function oneLine(value: string): string {
	const line = value.trim().split('\n', 1)[0]!;
	return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/** Characters that set the direction of the text after them (CVE-2021-42574's class): never shown as they are. */
const DIRECTION_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a paste or an address as the site shows it: each direction control as a visible mark
 * (`⟨U+202E⟩`), so none can reverse or reorder the site's own text around it.
 */
export function visibleText(text: string): string {
	return text.replace(
		DIRECTION_CONTROLS,
		(c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`
	);
}

/**
 * Text from a paste as a terminal or an agent is given it: control characters (a terminal escape
 * in a paste) written as `\xNN`, direction controls made visible. Shown, never obeyed.
 */
export function printable(text: string): string {
	return visibleText(
		text.replace(
			/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g,
			(c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
		)
	);
}

/**
 * The first and the last half of `max` characters of a long paste, each cut back to whole lines:
 * a log's error is most often at its end, and its start says what ran.
 */
export function headAndTail(text: string, max: number): string {
	const half = Math.floor(max / 2);
	return joinEnds(text.slice(0, half), text.slice(text.length - half));
}

/**
 * A text's start and end read apart (of a paste, or of a file read in two slices), joined with a
 * line break where the middle was left out: each cut back to whole lines, so no line is read
 * half, unless it is the only one.
 */
export function joinEnds(head: string, tail: string): string {
	const lastLine = head.lastIndexOf('\n');
	if (lastLine > 0) head = head.slice(0, lastLine);
	const firstLine = tail.indexOf('\n');
	if (firstLine >= 0 && firstLine < tail.length - 1) tail = tail.slice(firstLine + 1);
	return `${head}\n${tail}`;
}

/**
 * The encoding a text's first bytes name by their byte order mark: UTF-16 (PowerShell's `>` writes
 * a log so), else UTF-8. For a file dropped on the decoder and the CLI's standard input alike; a
 * TextDecoder of it drops the mark.
 */
export function textEncoding(first: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
	if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
	if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
	return 'utf-8';
}

/** What was read of a paste longer than the input bound: "read the first and last 512 KiB of 2.1 MB". */
export function inputNote(inputChars: number): string {
	const half = Math.floor(LIMITS.maxInputChars / 2);
	return `read the first and last ${half % 1024 ? `${half.toLocaleString('en')} characters` : `${half / 1024} KiB`} of ${(inputChars / 1e6).toFixed(1)} MB`;
}
