/**
 * Narrowing a product's list of codes: the filter's state, how it reads from and writes to the
 * address (so a filtered view can be shared), and which entries it keeps. Pure: the overview's
 * script and the tests use it alike.
 */
import { codeKey, looksLikeCode } from '../decode/index.ts';
import { templateText } from '../registry/template.ts';

/** The filter as the address carries it: `?q=timeout&category=core&status=404&retryable=yes`. */
export interface FilterState {
	/**
	 * Words that must all appear in the code, messages, trigger or description; or, written like a
	 * code (`RUN_NOT`, `TASK`), part of the code itself.
	 */
	q: string;
	/** A category id (the group's anchor). */
	category: string;
	/** An HTTP status, as written, or NOT_STATED. */
	status: string;
	/** `yes`, `no` or NOT_STATED. */
	retryable: string;
}

/**
 * The choice of a fact's filter that keeps the entries whose sources do not state it (no product
 * says whether most Smithers errors are retryable): without it, "yes (1) / no (4)" reads as if the
 * list had five entries.
 */
export const NOT_STATED = 'not-stated';

/** Whether an entry's fact (undefined where no source states it) is the one chosen; none chosen keeps all. */
function factMatches(value: string | undefined, chosen: string): boolean {
	if (!chosen) return true;
	return chosen === NOT_STATED ? value === undefined : value === chosen;
}

export const FILTER_KEYS = [
	'q',
	'category',
	'status',
	'retryable',
] as const satisfies readonly (keyof FilterState)[];

export const EMPTY_FILTER: FilterState = { q: '', category: '', status: '', retryable: '' };

/** What the filter knows of one listed entry (the overview writes it as data attributes). */
export interface FilterableEntry {
	code: string;
	category: string;
	status?: string;
	retryable?: 'yes' | 'no';
	/** Everything the text filter searches: code, messages, trigger and description. */
	text: string;
}

export function readFilter(params: URLSearchParams): FilterState {
	const state = { ...EMPTY_FILTER };
	for (const key of FILTER_KEYS) state[key] = params.get(key)?.trim() ?? '';
	return state;
}

/** Writes the state into `params`, leaving out what is empty so an unfiltered view has a clean address. */
export function writeFilter(state: FilterState, params: URLSearchParams): URLSearchParams {
	for (const key of FILTER_KEYS) {
		const value = state[key].trim();
		if (value) params.set(key, value);
		else params.delete(key);
	}
	return params;
}

export function isFiltering(state: FilterState): boolean {
	return FILTER_KEYS.some((key) => state[key].trim() !== '');
}

/**
 * The words of a text query, lower-cased. Underscores and hyphens separate words, so `health
 * timeout`, `health-timeout` and `HEALTH_TIMEOUT` all ask for the same thing.
 */
export function queryWords(q: string): string[] {
	return q
		.toLowerCase()
		.split(/[\s_\-]+/)
		.map((w) => w.replace(/^["'`]+|["'`]+$/g, ''))
		.filter(Boolean);
}

/**
 * Whether an entry stays in the list: every set field matches, and the query does. A query written
 * like a code (`RUN_NOT`, `run_not`, `TASK`) is part of a code, matched against codes only: read as
 * words, `RUN_NOT` would keep every entry whose text says "run" and "cannot". Any other query's
 * words must each appear in the entry's text.
 */
export function matchesFilter(entry: FilterableEntry, state: FilterState): boolean {
	if (state.category && entry.category !== state.category) return false;
	if (!factMatches(entry.status, state.status)) return false;
	if (!factMatches(entry.retryable, state.retryable)) return false;
	if (looksLikeCode(state.q)) return entry.code.includes(codeKey(state.q));
	const words = queryWords(state.q);
	if (words.length === 0) return true;
	const text = foldText(entry.text);
	return words.every((w) => text.includes(w));
}

/**
 * Text as the filter compares it: lower case, without the backticks of code spans, and without
 * the `{placeholders}` of messages, which stand for values, not words a reader types.
 */
function foldText(text: string): string {
	return templateText(text, ' ').toLowerCase().replaceAll('`', '');
}

/**
 * What an entry's texts give the filter to search, each word once, as the filter compares them. A
 * query's word holds no space, so it is found here exactly when it is found in the texts
 * themselves — at a fraction of their size for an entry thrown with dozens of messages.
 */
export function searchedWords(texts: readonly string[]): string {
	const words = texts.flatMap((t) => foldText(t).split(/\s+/));
	return [...new Set(words.filter(Boolean))].join(' ');
}

/** A group heading's count: `(23)`, or `(2 of 23)` while the filter hides some of the group. */
export function groupCount(shown: number, total: number): string {
	return shown === total ? `(${total})` : `(${shown} of ${total})`;
}

/** "Showing 3 of 24 codes." — what the filter left, in one line. */
export function filterSummary(shown: number, total: number): string {
	if (shown === total) return `Showing all ${total} codes.`;
	if (shown === 0) return `No code matches these filters.`;
	return `Showing ${shown} of ${total} codes.`;
}
