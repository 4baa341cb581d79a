/**
 * The bounds that keep decoding fast on any paste. Pasted text is untrusted: every loop that a
 * paste can lengthen is bounded here, and every bound is here. Hitting one that cuts what is read
 * marks the result `truncated` (with the bound named) instead of failing or taking long; the rest
 * (memos, how much is shown) only make decoding cheaper or a result shorter.
 */

export interface Limits {
	/** Characters of input read: the first half and the last half of this many (a log ends with its error); the middle is ignored. */
	maxInputChars: number;
	/** Characters of one line scanned for messages and codes (JSON is read past it). */
	maxLineChars: number;
	/** Nesting depth of JSON followed; deeper containers are skipped. */
	maxJsonDepth: number;
	/** JSON values read in all, across every payload in the paste. */
	maxJsonNodes: number;
	/** Levels of JSON held in a JSON string (`"body": "{\"code\":…}"`) that are opened. */
	maxJsonInString: number;
	/** Links of one `cause` chain followed. */
	maxCauseChain: number;
	/** Length of one placeholder value, in characters. */
	maxValueChars: number;
	/** Cheap template checks (a literal compared at one position), in all. */
	maxTemplateChecks: number;
	/** Errors found in one paste (each occurrence counts). */
	maxFindings: number;
	/** Unknown codes looked up for "did you mean". */
	maxUnknownCodes: number;
	/** `key=value` pairs read from the line of a code, for its documented `details` fields. */
	maxLinePairs: number;
	/** Characters of the text util.inspect writes before an error's `{` (its class and message) kept. */
	maxLabelChars: number;
	/** Code-like words that are no code, kept for "did you mean" and unlisted codes. */
	maxUnknowns: number;
	/** Distinct lines, strings and messages remembered as read, so a repeated one is read once. */
	maxRemembered: number;
	/** Characters of a line remembered that way; a longer line is read each time. */
	maxRememberedChars: number;
	/** A payload's `details` fields and ids shown as reported, per error. */
	maxReported: number;
	/** Distinct values of one placeholder kept across the times a paste has one error (a log repeats a line with other values); the times it had others are counted. */
	maxSeenValues: number;
	/** Characters of a paste read whole as a query — a code in words, a product's name, words of a message (a note is; a log is not). */
	maxQueryChars: number;
	/** Words of a code looked for written out. */
	maxCodeWords: number;
	/** "Did you mean" suggestions per unknown code, and of each kind for a short paste read as a query. */
	maxSuggestions: number;
	/** Words of a paste looked up in the entries' words (a note is read whole, a log by its first words). */
	maxQueryWords: number;
}

export const LIMITS: Readonly<Limits> = Object.freeze({
	maxInputChars: 1 << 20,
	maxLineChars: 8192,
	maxJsonDepth: 64,
	maxJsonNodes: 100_000,
	maxJsonInString: 2,
	maxCauseChain: 16,
	maxValueChars: 256,
	maxTemplateChecks: 200_000,
	maxFindings: 1000,
	maxUnknownCodes: 8,
	maxLinePairs: 64,
	maxLabelChars: 2000,
	maxUnknowns: 256,
	maxRemembered: 4096,
	maxRememberedChars: 256,
	maxReported: 20,
	maxSeenValues: 5,
	maxQueryChars: 300,
	maxCodeWords: 8,
	maxSuggestions: 3,
	maxQueryWords: 64,
});

/** Which bound was hit; shown to the user ("read the first and last 512 KiB of 2.1 MB"). */
export type Bound = 'input' | 'line' | 'depth' | 'nodes' | 'cause' | 'work' | 'findings';

/** Per-decode counters and the bounds hit so far. */
export class Budget {
	readonly limits: Limits;
	readonly hit = new Set<Bound>();
	jsonNodes = 0;
	templateChecks = 0;
	constructor(limits: Limits) {
		this.limits = limits;
	}
	/** Records a bound as hit; returns false so callers can `return budget.exceeded(…)`. */
	exceeded(bound: Bound): false {
		this.hit.add(bound);
		return false;
	}
}
