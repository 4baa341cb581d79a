/**
 * Markdown (CommonMark, plus GFM tables) written so that it reads back exactly as the registry
 * says. Registry prose is plain text in which `backtick spans` are code; everything else in it must
 * come out literally — `<Task>` is not HTML, `*` is not emphasis, `[x]` is not a link — while
 * `{port}`, a `-` mid-line or the `_` inside `retry_after_ms` stay unescaped: they mean nothing to
 * Markdown, and agents read these files as they are.
 */
import { proseParts } from '../registry/prose.ts';

const ALNUM = /[\p{L}\p{N}]/u;

/** Escapes plain text (no code spans) for running Markdown text. */
export function text(value: string): string {
	return (
		oneLine(value)
			.replace(/[\\`*[\]<~]/g, '\\$&')
			// `_` opens or closes emphasis only next to whitespace or punctuation; between letters or digits it is literal.
			.replace(/_/g, (u: string, at: number, all: string) =>
				ALNUM.test(all[at - 1] ?? ' ') && ALNUM.test(all[at + 1] ?? ' ') ? u : '\\_'
			)
			// `&amp;` and `&#42;` are character references; a bare `&` is not.
			.replace(/&(?=#?\w+;)/g, '\\&')
	);
}

/** A code span holding `value` exactly, with a fence longer than any run of backticks inside it. */
export function codeSpan(value: string): string {
	const code = oneLine(value);
	// An empty span shows nothing on the HTML page; two backticks would show as two backticks.
	if (code === '') return '';
	const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	// Readers strip one space from each side of a code span: padding keeps an edge backtick or space intact.
	const pad = /^[` ]|[` ]$/.test(code) && code.trim() !== '' ? ' ' : '';
	return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * Registry prose as a paragraph, list item or table cell: backtick spans become code spans, the
 * rest is escaped text, split as every renderer splits it (registry/prose.ts).
 */
export function prose(value: string): string {
	// Code spans side by side (`a``b`) would read as one span holding a double backtick: they are
	// written as the one span they show.
	const parts: { text: string; code: boolean }[] = [];
	for (const part of proseParts(value.trim())) {
		if (!part.text) continue;
		const last = parts.at(-1);
		if (part.code && last?.code) last.text += part.text;
		else parts.push({ text: part.text, code: Boolean(part.code) });
	}
	const inline = parts
		.map((part) => (part.code ? codeSpan(part.text) : text(part.text)))
		.join('')
		// An empty code span left nothing where it was: what was inside now could be the paragraph's edge.
		.replace(/^[ \t]+|[ \t]+$/g, '');
	return escapeBlockStart(inline);
}

/**
 * A line that starts like a block — `# `, `> `, `- `, `+ `, `---`, `1. ` — would become a heading,
 * a quote, a list or a rule; escaping its first character keeps it a paragraph.
 */
function escapeBlockStart(line: string): string {
	return line.replace(/^[#>+=-]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A fenced code block holding `code` exactly. */
export function codeBlock(code: string, lang = ''): string {
	const longest = Math.max(0, ...(code.match(/`{3,}/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return `${fence}${lang}\n${code.replace(/\n$/, '')}\n${fence}`;
}

/** A heading at `level` (capped at 6); `content` is Markdown already. */
export function heading(level: number, content: string): string {
	return `${'#'.repeat(Math.min(6, level))} ${content}`;
}

/** An inline link to one of our URLs, which hold no spaces or parentheses. */
export function link(label: string, url: string): string {
	return `[${label}](${url})`;
}

/** A bullet list, one item a line; items are Markdown already. */
export function list(items: readonly string[]): string {
	return items.map((item) => `- ${item}`).join('\n');
}

/**
 * A GFM table. Cells are Markdown already (made with `prose`, `codeSpan`, …); a `|` in them,
 * code spans included, is escaped here, because GFM splits a row into cells before it reads code.
 * A pipe splits the row unless an odd run of backslashes comes before it: escaped text always has
 * an even run there, so one more escapes the pipe and the text reads as written. Code can have an
 * odd run (`\|`); two more keep the cell whole, but no GFM reader can show that code exactly —
 * it reads `\\|`. The registry has none.
 */
export function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
	const cell = (c: string) =>
		c.replace(/(\\*)\|/g, (_m, run: string) => `${run}${run.length % 2 === 0 ? '\\' : '\\\\'}|`);
	const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
	return [row(columns), `|${' --- |'.repeat(columns.length)}`, ...rows.map(row)].join('\n');
}

/** Text on one line: a list item, a table cell or a heading cannot hold a line break. */
function oneLine(value: string): string {
	return value.replace(/\s*\n\s*/g, ' ');
}
