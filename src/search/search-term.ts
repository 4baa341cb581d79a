/**
 * What the search dialog asks Pagefind for, given what was typed. Pagefind finds a page only when
 * every word of the query is in it, so a message pasted with its real values (`api-7 didn't become
 * healthy in 30s`) finds nothing as typed: the values are in no page. So:
 *
 * - a code prefix written like a code is searched as one word (see pagefindTerm);
 * - text the decoder reads as a message template is searched as that template's words;
 * - otherwise, words that carry digits among letters (`api-7`, `30s`, `0x1f`), which are values
 *   rather than words of any page, are left out while other words remain.
 */
import { decode, describe, type DecoderData } from '../decode/index.ts';
import { pagefindTerm, type CodeTarget } from './code-query.ts';

/** A word with both letters and digits: an id, a duration, a size, not a word of the reference. */
const VALUE_WORD = /^(?=\S*\p{L})(?=\S*\d)\S+$/u;

export function searchTerm(
	query: string,
	data: DecoderData,
	targets: readonly CodeTarget[]
): string {
	const asCode = pagefindTerm(query, targets);
	if (asCode !== query) return asCode;

	const top = decode(query, data).matches.find((m) => m.via === 'message');
	// The message the paste was read as (describe picks it), searched as its own words.
	const message = top && describe(top, data)?.message;
	if (message) {
		return message
			.flatMap((part) => ('text' in part ? [part.text.trim()] : []))
			.filter(Boolean)
			.join(' ');
	}

	const words = query.trim().split(/\s+/);
	const kept = words.filter((w) => !VALUE_WORD.test(w));
	return kept.length >= 2 && kept.length < words.length ? kept.join(' ') : query;
}
