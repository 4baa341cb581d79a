/**
 * What the extractors report before ranking: a Finding is one place in the paste that names, or
 * may name, an error, with every hint seen there. Ranking (rank.ts) turns findings into matches.
 */
import type { JsonObject } from './json.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import type { TemplateMatch } from './templates.ts';

/** How an entry was recognised: a code field or explicit code syntax, a Problem Details `type`,
 * the message text, a docs URL, or a code mentioned in passing. */
export type Via = 'code' | 'type' | 'message' | 'url' | 'mention';

/** What the paste says about one error beside naming it: found on a Finding, carried to its Match. */
export interface ErrorFacts {
	/** The HTTP status it was sent with. */
	status?: number;
	retryable?: boolean;
	retryAfterMs?: number;
	hint?: string;
	/** The error's own message, where it has one: a payload's message field, else the text after
	 * `[CODE]: `, `CODE: ` or `Error (CODE): ` in a line. */
	text?: string;
}

export interface Finding extends ErrorFacts {
	/** Offset in the cleaned paste: orders findings and tells which are next to each other. */
	pos: number;
	/** `json` for an error object in a payload; otherwise how the text named it. Two findings of
	 * different sources next to each other are one error seen twice (a message line, then its object). */
	source: 'json' | 'message' | 'mention' | 'url';
	via: Via;
	/** The code as written, when the finding names one. */
	code?: string;
	/** Entry ids it may be. */
	candidates: number[];
	/** Entries named outright (a page URL, a `type` URN with its product's prefix). */
	exact?: boolean;
	/** Entries whose message template matched: which template, and the values read from the text. */
	templated?: Map<number, TemplateRead>;
	/** Products named around it: in the line, in a docs URL, in the payload. */
	productHints?: number[];
	/** Products whose error type (`SmithersErrorInstance`) names it: a thrown error, not a response body. */
	thrownBy?: number[];
	/** Folded text around it (its line, or the payload's message), for terms that one candidate's text uses. */
	near?: string;
	details?: { node: JsonObject; src: string };
	/** `key=value` pairs written on the line of a code, as written: read for the entries' documented `details` fields. */
	pairs?: Map<string, string>;
	/** Values reported as written: `server_correlation_id`, `client_correlation_id`, and a retry hint out of range. */
	correlation?: { name: string; value: string }[];
	/** RFC 9457-looking (`type`, `detail`, `retryable`, …): favours products that answer that way. */
	problemShape?: boolean;
	/** A serialized runtime error (`summary`, `docsUrl`, `stack`): favours entries without an HTTP status. */
	serializedShape?: boolean;
	/** The `cause` chain, outermost first. */
	cause?: Finding[];
}

/** A template that matched: its id in the decoder index, the values read into its placeholders, and whether the line left off its final punctuation. */
export type TemplateRead = Omit<TemplateMatch, 'entry'>;

/** A code-like name that is in no product: input for "did you mean". */
export interface Unknown {
	input: string;
	/** Restrict suggestions to this product (its `type` prefix or URL named it). */
	product?: number;
	/** Compare with page slugs instead of codes (an unknown slug in a docs URL). */
	slug?: boolean;
	/** Written the way `product` writes its own codes (its CLI's error line, its serialized error): a code of its that the registry does not list. */
	shaped?: true;
}

/** What the extractors of one decode read with, and write their findings and unknown codes to. */
export interface Extraction {
	index: DecoderIndex;
	budget: Budget;
	findings: Finding[];
	unknowns: Unknown[];
}
