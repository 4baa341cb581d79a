/**
 * What a match says to a reader, shared by the CLI and the browser island so both show the
 * same thing: the entry's message with the user's values in it, what to do with those values
 * filled in, and what the payload itself reported.
 */
import { fillTemplate, parseTemplate } from '../registry/template.ts';
import type { DecoderData, DecoderEntry, DecoderProduct } from './data.ts';
import { LIMITS, type Bound } from './limits.ts';
import { inputNote } from './text.ts';
import { entryOf } from './lookup.ts';
import type { DecodeResult, Match, UnlistedCode } from './result.ts';

/** A piece of a message: literal text, or a placeholder with the value read from the paste. */
export type MessagePart = { text: string } | { param: string; value: string | undefined };

export interface Described {
	product: DecoderProduct;
	entry: DecoderEntry;
	/** The entry's category name, when it has one. */
	category?: string;
	/** Where the entry lives: "Smithers · Engine". */
	where: string;
	/** Values read that the message does not show (documented `details` fields), in order. */
	otherValues: [name: string, value: string][];
	/** The entry's message template, split so the values can be highlighted. */
	message?: MessagePart[];
	/** What to do, with the user's values where the text names them. */
	fix?: string;
	/** What triggers it, or what it means, for entries that publish no fix. */
	about?: string;
	/** Which `about` is: the entry's trigger (`when`) or its meaning (`description`). */
	aboutKind?: 'when' | 'description';
}

export function describe(
	match: Pick<Match, 'path' | 'params' | 'template'>,
	data: DecoderData
): Described | undefined {
	const found = entryOf(data, match.path);
	if (!found) return undefined;
	const { product, entry } = found;
	const category = entry.category === undefined ? undefined : product.categories[entry.category];
	const described: Described = {
		product,
		entry,
		where: category ? `${product.name} · ${category}` : product.name,
		otherValues: [],
	};
	if (category !== undefined) described.category = category;
	const template = match.template ?? entry.message;
	if (template !== undefined) {
		described.message = parseTemplate(template).map((s) =>
			s.kind === 'text'
				? { text: s.text }
				: {
						param: s.name,
						value: Object.hasOwn(match.params, s.name) ? match.params[s.name] : undefined,
					}
		);
	}
	const inMessage = new Set(described.message?.flatMap((p) => ('param' in p ? [p.param] : [])));
	described.otherValues = Object.entries(match.params).filter(([name]) => !inMessage.has(name));
	if (entry.fix !== undefined) described.fix = fillFix(entry.fix, match.params);
	if (entry.when !== undefined) [described.about, described.aboutKind] = [entry.when, 'when'];
	else if (entry.description !== undefined)
		[described.about, described.aboutKind] = [entry.description, 'description'];
	return described;
}

/**
 * A fix with the user's values in it: `{name}` as in templates, and `<name>` as fix texts write
 * a value to substitute (`asym logs <id>`). Only names the paste gave a value for are replaced.
 */
export function fillFix(fix: string, params: Readonly<Record<string, string>>): string {
	const filled = fillTemplate(fix, params);
	return filled.replace(/<([A-Za-z_][\w-]*)>/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? params[name]! : whole
	);
}

/**
 * Said above the readings of one error that the paste does not decide between: the code they
 * share (shown as code), and the rest of the sentence.
 */
export function ambiguityNote(matches: readonly Pick<Match, 'code'>[]): {
	code?: string;
	text: string;
} {
	const codes = new Set(matches.map((m) => m.code)).size;
	const undecided = 'and nothing in what you pasted tells which one it is.';
	return codes === 1
		? { code: matches[0]!.code, text: ` names ${matches.length} entries, ${undecided}` }
		: { text: `The message is thrown under ${codes} codes, ${undecided}` };
}

/** A product's display name, by its id (the id itself for one the data does not have). */
export function productName(data: DecoderData, id: string): string {
	return data.products.find((p) => p.id === id)?.name ?? id;
}

/** Said of a code a product writes as its own that the registry does not list: never "no known error". */
export function unlistedNote(unlisted: UnlistedCode, data: DecoderData): string {
	const name = productName(data, unlisted.product);
	return `${unlisted.code} is written the way ${name} writes its own error codes, but this reference does not list it yet.`;
}

/** What each bound, once hit, left unread, in a reader's words (the input bound: inputNote). */
const BOUND_NOTES: Record<Exclude<Bound, 'input'>, string> = {
	line: `lines longer than ${LIMITS.maxLineChars.toLocaleString('en')} characters were read in part`,
	depth: `JSON nested deeper than ${LIMITS.maxJsonDepth} levels was skipped`,
	nodes: 'very large JSON was read in part',
	cause: `cause chains are shown to ${LIMITS.maxCauseChain} links`,
	work: 'part of it was not checked against every message',
	findings: `only the first ${LIMITS.maxFindings.toLocaleString('en')} errors were counted`,
};

/** What a result's bounds left unread, one note each; `inputChars` is the paste's size when known better than the result's. */
export function boundNotes(
	result: Pick<DecodeResult, 'truncatedBy' | 'inputChars'>,
	inputChars = result.inputChars ?? 0
): string[] {
	return (result.truncatedBy ?? []).map((b) =>
		b === 'input' ? inputNote(inputChars) : BOUND_NOTES[b]
	);
}
