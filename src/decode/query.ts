/**
 * What a typed query names: the one reading of what a user types, made here for every surface
 * that reads one — the decoder, the search dialog's jump row, a short link to no known code. In
 * order of certainty: a code (any case, any separators, with its product's name or not); what
 * the decoder reads in it (a message with its values, a JSON body, a docs link); and when that is
 * nothing, the codes it begins, is part of or misspells, the codes it spells out in words, and
 * the entries that use its words.
 */
import type { DecoderData } from './data.ts';
import { decode } from './decode.ts';
import { LIMITS } from './limits.ts';
import { indexOf } from './lookup.ts';
import { entriesByWords, wordsOf } from './entry-words.ts';
import { isStackLine } from './inspected-error.ts';
import { codeNamed } from './query-text.ts';
import { headAndTail } from './text.ts';
import type { SuggestionKind } from './result.ts';

export type QueryKind = 'code' | 'decoded' | SuggestionKind;

/** One entry a query names, and how. */
export interface QueryHit {
	kind: QueryKind;
	/** The product's id. */
	product: string;
	code: string;
	path: string;
	/** Values the decoder read from the text, by placeholder or `details` field. */
	values?: Record<string, string>;
	/** The message the values were read from, when it is another than the entry's `message`. */
	template?: string;
}

/**
 * The entries `query` names, best first, `limit` of each kind at most. The first hit is the
 * answer every surface gives: the page a short link opens, the row Enter opens in the search
 * dialog, the first result (or "did you mean") of the decoder.
 */
export function readQuery(
	query: string,
	data: DecoderData,
	limit: number = LIMITS.maxSuggestions
): QueryHit[] {
	const index = indexOf(data);
	const text = typeof query === 'string' ? query : '';
	const named = codeNamed(text, index);
	if (named.length)
		return named.map((id) => {
			const e = index.entries[id]!;
			return {
				kind: 'code',
				product: index.products[e.product]!.data.id,
				code: e.code,
				path: e.path,
			};
		});
	const result = decode(text, data, { maxSuggestions: limit });
	const hits: QueryHit[] = [];
	for (const m of result.matches) {
		if (hits.some((h) => h.path === m.path)) continue;
		const hit: QueryHit = { kind: 'decoded', product: m.product, code: m.code, path: m.path };
		if (Object.keys(m.params).length) hit.values = m.params;
		if (m.template !== undefined) hit.template = m.template;
		hits.push(hit);
	}
	if (hits.length) return hits;
	return result.suggestions.map(({ kind, product, code, path }) => ({ kind, product, code, path }));
}

/**
 * What to search the site's full text for when a paste decodes to nothing: the words of it that
 * the entry using the most telling of them uses, so the search finds that entry at least — two
 * words or more, as one common word of a long paste (`left`, `out`) tells nothing; empty when no
 * entry uses enough of its words. Read within the decoder's input bound.
 */
export function searchWords(text: string, data: DecoderData): string {
	const words = proseOf(headAndTail(typeof text === 'string' ? text : '', LIMITS.maxInputChars));
	const best = entriesByWords(words, indexOf(data), {
		limit: 1,
		maxWords: LIMITS.maxQueryWords,
		loose: true,
	})[0];
	const asked = wordsOf(words, LIMITS.maxQueryWords).length;
	return best && (best.words.length >= 2 || asked <= 2) ? best.words.join(' ') : '';
}

/**
 * The text of a paste that is someone's words: without its stack frames (`    at fn (file:…:1:2)`,
 * also those in a JSON string's `\\n`), its URLs and file paths, and the keys of an object as
 * JSON or util.inspect writes it (`"stack":`, `  details: undefined,`). Their words (`file`,
 * `node`, `internal`, a folder's or a host's name, `name`) are no words of the message, and would
 * find entries that happen to use them.
 */
function proseOf(text: string): string {
	return text
		.replaceAll('\\n', '\n')
		.split('\n')
		.filter((line) => !isStackLine(line))
		.join('\n')
		.replace(JSON_KEY, ' ')
		.replace(FIELD_KEY, ' ')
		.replace(TOKEN, (token) => (isAddress(token) ? ' ' : token));
}

/** A JSON object's key, with its colon. */
const JSON_KEY = /"[^"\\\n]*"\s*:/g;

/** A field's key as util.inspect writes it on a line of its own (`  code:`, `  [cause]:`), and its value when it has none. */
const FIELD_KEY = /^[ \t]+\[?[A-Za-z_$][\w$]*\]?:(?: (?:undefined|null)(?=,?$))?/gm;

/** A run of text between spaces, quotes, brackets and commas: what a URL or a path is one of. */
const TOKEN = /[^\s"'`,()<>[\]{}|]+/g;

/**
 * Whether a token is a URL or a file path (`https://…`, `file:///…`, `node:internal/…`,
 * `./src/a.ts`, `C:\\…`), not words joined by a slash (`read/write`, `I/O`).
 */
function isAddress(token: string): boolean {
	if (/^[A-Za-z]:\\/.test(token)) return true;
	return token.includes('/') && !/^[A-Za-z]+(?:\/[A-Za-z]+)+[.:;!?]?$/.test(token);
}
