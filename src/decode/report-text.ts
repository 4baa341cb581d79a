/**
 * A report (card.ts) as plain text: the status line, each error's cards as lines, the possible
 * matches beside them, then what is said when nothing matched. The `explain` CLI prints it (in colour on a terminal), and the MCP
 * server answers with it; neither words anything of its own. Pasted values are printable()'d:
 * shown, never obeyed.
 */
import type { Card, Phrase, Report } from './card.ts';
import { phraseText } from './card.ts';
import { printable } from './text.ts';

/** How codes, the user's values, links and warnings are set apart: nothing by default, colour on a terminal. */
export interface Style {
	code: (s: string) => string;
	value: (s: string) => string;
	dim: (s: string) => string;
	warn: (s: string) => string;
}

const same = (s: string) => s;
const PLAIN: Style = { code: same, value: same, dim: same, warn: same };

/** Running words for the terminal: codes styled, and the pages they link to after the words. */
function phraseLine(phrase: readonly Phrase[], style: Style): string {
	const urls = phrase.flatMap((p) => (typeof p !== 'string' && p.url ? [p.url] : []));
	const words = phrase
		.map((p) => (typeof p === 'string' ? printable(p) : 'code' in p ? style.code(p.code) : p.link))
		.join('');
	return [words, ...urls.map(style.dim)].join(' ');
}

/** A card as terminal lines: the code and where it lives, the message with the values, the facts, what to do, the causes, the page. */
function cardLines(card: Card, style: Style, markdown: boolean): string[] {
	const lines = [
		`${style.code(card.code)}  ${style.dim(card.where)}${card.seen ? `  (${card.seen})` : ''}`,
	];
	if (card.message)
		lines.push(
			`  ${card.message
				.map((part) =>
					'text' in part
						? part.text
						: part.value === undefined
							? `{${part.param}}`
							: style.value(printable(part.value))
				)
				.join('')}`
		);
	else if (card.quote !== undefined) lines.push(`  ${printable(card.quote)}`);
	for (const { label, value, kind } of card.facts)
		lines.push(
			`  ${printable(label)}: ${kind === 'value' ? style.value(printable(value)) : printable(value)}`
		);
	if (card.advice) lines.push(`  ${card.advice.label}: ${printable(card.advice.text)}`);
	if (card.cause)
		lines.push(
			`  ${card.cause.label}: ${card.cause.links
				.map((link) => phraseText(link))
				.map(printable)
				.join(' → ')}`
		);
	lines.push(`  ${style.dim(card.url)}`);
	if (markdown) lines.push(`  Markdown: ${style.dim(card.markdownUrl)}`);
	return lines;
}

/**
 * The report as text. `markdown` adds each entry's Markdown twin under its page (for agents, which
 * read it rather than the HTML).
 */
export function reportText(
	told: Report,
	{ style = PLAIN, markdown = false }: { style?: Style; markdown?: boolean } = {}
): string {
	const out: string[] = [told.status, ''];
	for (const group of told.groups) {
		if (group.note) out.push(style.warn(phraseLine(group.note, PLAIN)), '');
		for (const card of group.cards) out.push(...cardLines(card, style, markdown), '');
	}
	if (told.more) out.push(told.more, '');
	for (const p of told.possibly) out.push(phraseLine(p, style), '');
	for (const u of told.unlisted) out.push(phraseLine(u, style), '');
	if (told.nothing !== undefined) out.push(told.nothing);
	for (const s of told.suggestions) out.push(`  ${phraseLine(s, style)}`);
	if (told.searchFor !== undefined) out.push(`Search the codes for: ${told.searchFor}`);
	for (const note of told.notes) out.push('', note);
	return out.join('\n').trimEnd();
}
