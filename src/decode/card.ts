/**
 * The card: everything a reader is told about one match, in words, made once for every surface.
 * The browser island formats it as DOM, the `explain` CLI as terminal lines, the MCP server as
 * Markdown and JSON; none of them words anything of its own. Around the cards, the report: the
 * status line, the note over readings nothing decides between, what is said when nothing matched.
 *
 * Links are the page paths, or absolute URLs on `site` when one is given (the CLI and the MCP
 * server give SITE_URL; the island links within the site it is on).
 */
import { ADVICE_LABELS, FACT_LABELS, yesNo } from './labels.ts';
import { absoluteUrl, markdownPath, productPath } from '../registry/urls.ts';
import { entrySummary } from '../registry/model.ts';
import { templateText } from '../registry/template.ts';
import type { DecoderData } from './data.ts';
import { entryOf } from './lookup.ts';
import {
	ambiguityNote,
	boundNotes,
	describe,
	productName,
	unlistedNote,
	type MessagePart,
} from './present.ts';
import { searchWords } from './query.ts';
import type { DecodeResult, Match, Suggestion, VariedValue } from './result.ts';
import { linkWithValues } from './share-fragment.ts';

/** Running words with code in them: text, a code (linked to its page when `url` is set), or a link. */
export type Phrase = string | { code: string; url?: string } | { link: string; url: string };

/** One line of a card's facts: what the payload or the registry states, a value read from the paste, or what the payload reported. */
export interface CardFact {
	label: string;
	value: string;
	/** `value`: read from the paste into a placeholder or `details` field, and shown marked as the user's. */
	kind: 'fact' | 'value' | 'reported';
}

export interface Card {
	/** The product's id. */
	product: string;
	productName: string;
	code: string;
	category?: string;
	/** Where the entry lives: "Smithers · Engine". */
	where: string;
	/** How many times the paste has this error. */
	count: number;
	/** "seen 3 times", when more than once. */
	seen?: string;
	/** The entry's message with the user's values in it; a placeholder with no value has none (only when the paste said no message of its own). */
	message?: MessagePart[];
	/** What the paste itself said, for an entry with no message to fill, or whose message's values were not read from it. */
	quote?: string;
	facts: CardFact[];
	/** What to do, with the user's values; else when it happens, or what it means. */
	advice?: { label: string; text: string };
	/** The `cause` chain, outermost first, one phrase per link. */
	cause?: { label: string; links: Phrase[][] };
	/** The entry's page, the values read in its fragment. */
	url: string;
	/** The entry's Markdown twin. */
	markdownUrl: string;
}

export interface CardGroup {
	/** Over readings of one error that nothing in the paste decides between. */
	note?: Phrase[];
	cards: Card[];
}

/** A decode result as it is told: the status line, the cards, and what is said around them. */
export interface Report {
	status: string;
	groups: CardGroup[];
	/** "And 3 other errors, not shown." */
	more?: string;
	/** Codes written the way a product writes its own, which the registry does not list. */
	unlisted: Phrase[][];
	/** When nothing matched: why that may be. */
	nothing?: string;
	/** "Did you mean …" */
	suggestions: Phrase[][];
	/** Beside errors found, after their cards: "Possibly also: …", a message of a few everyday words whose product the paste does not name (possible.ts). */
	possibly: Phrase[][];
	/** When nothing matched: the paste's words to search the site for (searchWords), when an entry uses any. */
	searchFor?: string;
	/** What a bound left unread. */
	notes: string[];
}

/** Errors shown as cards at most; a long log's further errors are counted, not shown. */
export const MAX_SHOWN_ERRORS = 20;

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** A link on `site`, or the path itself. */
function linkTo(path: string, site: string | URL | undefined): string {
	return site === undefined ? path : absoluteUrl(site, path);
}

/** The values one placeholder had across the times an error was seen: `5432, 5433 and other values 12 times`. */
function valuesSeen({ values, others }: VariedValue): string {
	const list = values.join(', ');
	if (!others) return list;
	return others === 1
		? `${list} and another value once`
		: `${list} and other values ${others} times`;
}

/** One match as a reader sees it. */
export function card(match: Match, data: DecoderData, site?: string | URL): Card {
	const shown = describe(match, data);
	const made: Card = {
		product: match.product,
		productName: shown?.product.name ?? productName(data, match.product),
		code: match.code,
		where: shown?.where ?? productName(data, match.product),
		count: match.count,
		facts: [],
		// The values read go in the fragment: the page shows the user's own error (YourError.astro).
		url: linkTo(linkWithValues(match), site),
		markdownUrl: linkTo(markdownPath(match.path), site),
	};
	if (shown?.category !== undefined) made.category = shown.category;
	if (match.count > 1) made.seen = `seen ${match.count} times`;
	// The message with the user's values; where they were not read from it, what the paste said instead.
	const unfilled = shown?.message?.some((p) => 'param' in p && p.value === undefined) ?? false;
	if (shown?.message && !(unfilled && match.text)) made.message = shown.message;
	else if (match.text) made.quote = match.text;

	const fact = (label: string, value: string, kind: CardFact['kind'] = 'fact') =>
		made.facts.push({ label, value, kind });
	if (match.status !== undefined) fact(FACT_LABELS.status, String(match.status));
	if (match.retryable !== undefined) fact(FACT_LABELS.retryable, yesNo(match.retryable));
	if (match.retryAfterMs !== undefined) fact('Retry after', `${match.retryAfterMs} ms`);
	if (match.hint) fact('Hint', match.hint);
	// A value that was another at other times is said with those others: `port: 5432, 5433`.
	const varied = new Map((match.varied ?? []).map((v) => [v.name, valuesSeen(v)]));
	const others = shown?.otherValues ?? Object.entries(match.params);
	for (const [name, value] of others) fact(name, varied.get(name) ?? value, 'value');
	for (const [name, values] of varied)
		if (!others.some(([other]) => other === name)) fact(name, values, 'value');
	// Documented fields are listed with their values above; only those whose value was too long to read are named here.
	const unshown = match.detailsPresent?.filter((name) => !Object.hasOwn(match.params, name));
	if (unshown?.length) fact('Details fields present', unshown.join(', '));
	for (const { name, value } of match.reported ?? []) fact(name, value, 'reported');

	if (shown?.fix !== undefined) made.advice = { label: ADVICE_LABELS.fix, text: shown.fix };
	else if (shown?.about !== undefined)
		made.advice = { label: ADVICE_LABELS[shown.aboutKind!], text: shown.about };

	const links = (match.cause ?? []).map((c) => {
		const phrase: Phrase[] = [];
		if (c.code !== undefined)
			phrase.push(c.path ? { code: c.code, url: linkTo(c.path, site) } : { code: c.code });
		if (c.product && c.product !== match.product) phrase.push(` (${productName(data, c.product)})`);
		if (c.text) phrase.push(`${c.code !== undefined ? ' — ' : ''}${c.text}`);
		return phrase;
	});
	if (links.length) made.cause = { label: 'Caused by', links };
	return made;
}

/**
 * The status line: how many errors the paste has as the user sees them — one error read two ways
 * is "1 error, 2 possible entries", not two errors and not one entry.
 */
export function statusLine(result: Pick<DecodeResult, 'groups' | 'unlisted'>): string {
	const { groups } = result;
	if (!groups.length)
		return result.unlisted.length
			? `${plural(result.unlisted.length, 'error code', 'error codes')} this reference does not list yet.`
			: 'No known error found.';
	const errors = plural(groups.length, 'error', 'different errors');
	const total = groups.reduce((n, g) => n + g.count, 0);
	const times = total > groups.length ? `, ${total} times in all` : '';
	const entries = groups.reduce((n, g) => n + g.matches.length, 0);
	return entries > groups.length
		? `${errors}, ${entries} possible entries${times}.`
		: `${errors} found${times}.`;
}

/**
 * "Did you mean CODE (Product)?". Where a product has two entries of one code (an HTTP error and a
 * runtime error both `NOT_FOUND`), each says which it is — its group, else its status, else the
 * message it is thrown with, values left out — so the two lines are not the same words.
 */
function suggestion(
	s: Suggestion,
	data: DecoderData,
	site: string | URL | undefined,
	shared: boolean
): Phrase[] {
	const found = shared ? entryOf(data, s.path) : undefined;
	let which = '';
	if (found) {
		const { product, entry } = found;
		const group = entry.category === undefined ? undefined : product.categories[entry.category];
		which =
			group !== undefined
				? ` · ${group}`
				: entry.status !== undefined
					? ` · HTTP ${entry.status}`
					: `: ${templateText(entrySummary(entry).replaceAll('`', ''), '…')}`;
	}
	return [
		'Did you mean ',
		{ code: s.code, url: linkTo(s.path, site) },
		` (${productName(data, s.product)}${which})?`,
	];
}

/** A possible match beside errors found: `Possibly also: “password is required” — did you mean INVALID_INPUT (Smithers)?` */
function possibly(s: Suggestion, data: DecoderData, site: string | URL | undefined): Phrase[] {
	return [
		`Possibly also: “${s.input}” — did you mean `,
		{ code: s.code, url: linkTo(s.path, site) },
		` (${productName(data, s.product)})?`,
	];
}

/**
 * A decode result as it is told: the status line, a card per match grouped by error (the first
 * `shown` errors), and, when nothing matched, why that may be and what is close; when something
 * did, the possible matches beside it.
 * `inputChars` is the paste's size when the caller knows it better than the result does.
 */
export function report(
	result: DecodeResult,
	data: DecoderData,
	{
		site,
		shown = MAX_SHOWN_ERRORS,
		inputChars,
		text,
	}: {
		site?: string | URL;
		shown?: number;
		inputChars?: number;
		/** The paste, for what to search for when nothing matched. */
		text?: string;
	} = {}
): Report {
	const groups = result.groups.slice(0, shown).map((group): CardGroup => {
		const matches = group.matches.map((i) => result.matches[i]!);
		const cards = matches.map((m) => card(m, data, site));
		if (matches.length < 2) return { cards };
		const note = ambiguityNote(matches);
		return {
			note: note.code === undefined ? [note.text] : [{ code: note.code }, note.text],
			cards,
		};
	});
	const told: Report = {
		status: statusLine(result),
		groups,
		unlisted: result.unlisted.map((u) => [
			unlistedNote(u, data),
			' ',
			{
				link: `All ${productName(data, u.product)} errors`,
				url: linkTo(productPath(u.product), site),
			},
		]),
		suggestions: result.groups.length
			? []
			: result.suggestions.map((s, _, all) =>
					suggestion(
						s,
						data,
						site,
						all.some((o) => o !== s && o.code === s.code && o.product === s.product)
					)
				),
		possibly: result.groups.length
			? result.suggestions.filter((s) => s.kind === 'message').map((s) => possibly(s, data, site))
			: [],
		notes: [],
	};
	const hidden = result.groups.length - groups.length;
	if (hidden > 0) told.more = `And ${plural(hidden, 'other error', 'other errors')}, not shown.`;
	if (!result.groups.length && !result.unlisted.length)
		told.nothing =
			'It may be an error we do not document yet, or the part that names it was not included.';
	if (!result.groups.length && text !== undefined) {
		const words = searchWords(text, data);
		if (words) told.searchFor = words;
	}
	const cut = boundNotes(result, Math.max(result.inputChars ?? 0, inputChars ?? 0));
	if (cut.length) told.notes.push(`Your paste is large: ${cut.join('; ')}.`);
	return told;
}

/** A phrase as plain text: codes as written, links by their words. */
export function phraseText(phrase: readonly Phrase[]): string {
	return phrase.map((p) => (typeof p === 'string' ? p : 'code' in p ? p.code : p.link)).join('');
}

/** A card's message as plain text, a placeholder with no value as `{name}`. */
export function messageText(parts: readonly MessagePart[]): string {
	return parts
		.map((p) => ('text' in p ? p.text : p.value === undefined ? `{${p.param}}` : p.value))
		.join('');
}
