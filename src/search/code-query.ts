/**
 * What a typed query means in terms of error codes. People type codes the way they remember
 * them: `health timeout`, `health-timeout`, `Health_Timeout`, `IMAGE_`. This module turns such a
 * query into the code key it stands for and finds the codes it names exactly or begins. Pure: the
 * search dialog, the short-link fallback and the tests all use it, in the browser and in Node.
 */

import { codeKey, looksLikeCode } from '../decode/index.ts';

/** One code's entry as the search dialog and short links need it: enough to show and open it. */
export interface CodeTarget {
	code: string;
	/** The product's display name. */
	product: string;
	/** The category's display name, when the entry has one. */
	category?: string;
	/** The entry's page path. */
	path: string;
	/** One line saying what the entry is. */
	summary: string;
}

export interface CodeMatches {
	/** The entries whose code is the query's code key (several when products share the code). */
	exact: CodeTarget[];
	/** The entries whose code begins with the key as whole words (`TOOL_PATH` → `TOOL_PATH_INVALID`). */
	prefix: CodeTarget[];
}

/** The entries a query names by code: exactly, or as the first words of their codes. */
export function matchCodes(query: string, targets: readonly CodeTarget[]): CodeMatches {
	const key = codeKey(query);
	if (!key) return { exact: [], prefix: [] };
	return {
		exact: targets.filter((t) => t.code === key),
		prefix: targets.filter((t) => t.code.startsWith(`${key}_`)),
	};
}

/**
 * The term to give Pagefind for a query. Pagefind reads `CLASS_ALREADY` as the words `class` and
 * `already`, so pages using those words anywhere outrank the code that begins with them; with a
 * trailing underscore it matches the code as one word by its beginning. So a query written like a
 * code that begins known codes (and is not itself one) is searched with that underscore. And a
 * code written out in words (`account not found`) is searched as the code, which Pagefind also
 * reads as one word: its page first, not a longer code's that holds the same words.
 */
export function pagefindTerm(query: string, targets: readonly CodeTarget[]): string {
	if (!looksLikeCode(query)) {
		const key = codeKey(query);
		return key.includes('_') && targets.some((t) => t.code === key) ? key : query;
	}
	const { exact, prefix } = matchCodes(query, targets);
	return exact.length === 0 && prefix.length > 0 ? `${codeKey(query)}_` : query;
}
