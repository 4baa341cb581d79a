/** What `decode` returns. Plain data: it serialises to JSON as is (the CLI prints it). */
import type { ErrorFacts, Via } from './finding.ts';
import type { Bound } from './limits.ts';

export type { Via } from './finding.ts';

export interface Match extends ErrorFacts {
	/** The product's id. */
	product: string;
	code: string;
	/** The entry's page, root-relative: `/asymmetric/errors/port-in-use/`. */
	path: string;
	/** Placeholder values, and documented `details` fields, exactly as written in the paste. */
	params: Record<string, string>;
	/** The template the paste's message matched, when it is another than the entry's `message`: one the product throws, or its example shows. */
	template?: string;
	via: Via;
	/** How many times the paste has this error. */
	count: number;
	/** Index into `groups`: matches of one group are readings of the same error. */
	group: number;
	/** Set when nothing in the paste decides between this match and the others of its group. */
	ambiguous?: true;
	/** The documented `details` fields the payload carries, or the line of its code as `key=value` pairs. */
	detailsPresent?: string[];
	/**
	 * What else the payload reported that support asks for, as text: its `details` fields that are
	 * not among `params` (`details.container_id`), and its correlation ids.
	 */
	reported?: { name: string; value: string }[];
	/** The `cause` chain, outermost first. */
	cause?: CauseLink[];
	/** The values that were not the same each time the paste has this error, by placeholder or `details` field. */
	varied?: VariedValue[];
}

/** The values one placeholder had across the times a paste has an error, when they were not all the same. */
export interface VariedValue {
	name: string;
	/** Its first distinct values, in the paste's order (the first is the one in `params`), at most `maxSeenValues`. */
	values: string[];
	/** How many times it had another value than these. */
	others: number;
}

/** One link of a cause chain: an entry when the code is known, else what the payload says. */
export interface CauseLink {
	code?: string;
	product?: string;
	path?: string;
	params: Record<string, string>;
	text?: string;
}

/**
 * How a suggestion is near what was pasted: a code it begins (`IMAGE_DIGEST`), a code it is part
 * of (`DIGEST_MISMATCH`), a code one or more typos away, a code it writes out in words
 * (`container not found`), an entry that uses its words (`heartbeat lost`), or an entry whose
 * message it is, when that message is a value and a few common words that nothing near names the
 * product of (`password is required`: possible.ts).
 */
export type SuggestionKind = 'prefix' | 'contains' | 'typo' | 'spelled' | 'words' | 'message';

/** "Did you mean": a known code (or page) near an unknown one in the paste, or near a short paste read whole. */
export interface Suggestion {
	/** What it was found from, as written in the paste: the code or slug, the words, or the message as read. */
	input: string;
	product: string;
	code: string;
	path: string;
	kind: SuggestionKind;
	/** Edit distance between the input and the code (or slug); 0 but for a typo. */
	distance: number;
	/** For `words`: the words of the paste the entry uses, in the paste's order. */
	words?: string[];
}

/** A code written the way a product writes its own (`Error (CODE):`, its serialized error), that the registry does not list. */
export interface UnlistedCode {
	code: string;
	/** The product's id. */
	product: string;
}

/** One error found in the paste: its matches (several when ambiguous), and how often it occurs. */
export interface Group {
	matches: number[];
	count: number;
}

export interface DecodeResult {
	/** Best first. */
	matches: Match[];
	suggestions: Suggestion[];
	/** Codes of a product that the registry does not list; empty when there are none. */
	unlisted: UnlistedCode[];
	groups: Group[];
	/** True when a bound stopped reading part of the paste; `truncatedBy` names the bounds. */
	truncated: boolean;
	truncatedBy?: Bound[];
	/** The paste's length, when it was longer than the input bound (only its start and end were read). */
	inputChars?: number;
}
