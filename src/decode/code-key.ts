/**
 * How people write a code they remember: `health timeout`, `health-timeout`, `Health_Timeout`,
 * `IMAGE_`. Every surface that reads a typed query (the decoder, the search dialog, short links)
 * turns it into a code key here, once.
 */
import { clean } from './normalize.ts';

/**
 * The code a query spells, whatever its case and separators: `health timeout`, `health-timeout`,
 * `health: timeout` and ` HEALTH_TIMEOUT ` all give `HEALTH_TIMEOUT`. Quotes and backticks around it are dropped, so
 * a code copied from a log or from Markdown still matches. Empty when nothing code-like is left.
 */
export function codeKey(query: string): string {
	// Zero-width characters too, which a copied address or message may carry unseen (clean).
	return clean(query)
		.trim()
		.replace(/^["'`]+|["'`]+$/g, '')
		.toUpperCase()
		.replace(/[\s\-_.:]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/**
 * Whether a query is written like a code rather than like words: it has an underscore
 * (`tool_path`, `IMAGE_`) or is in capitals (`TASK`). A lower-case word such as `task` is a word
 * search, and finds pages that use the word, not only the codes that begin with it.
 */
export function looksLikeCode(query: string): boolean {
	const q = query.trim();
	return (
		/^[A-Za-z0-9_]+$/.test(q) &&
		(q.includes('_') || (/[A-Z]/.test(q) && q === q.toUpperCase() && q.length > 1))
	);
}
