/**
 * The decoder: whatever a developer pastes — a CLI line, a JSON error body, a log excerpt, a
 * stack trace, a docs URL, a bare code — in; the matching registry entries, with the values in
 * the message pulled out, out. Pure: no DOM, no Node APIs; the browser island, the `explain` CLI
 * and the tests all call `decode`.
 *
 *   normalise (normalize.ts) → payloads (json.ts, payload.ts) → messages (templates.ts) and
 *   codes and links (mentions.ts) → rank (rank.ts), "did you mean" (suggest.ts)
 */
import type { DecoderData, DecoderEntry, DecoderProduct } from './data.ts';
import { Budget, LIMITS, type Limits } from './limits.ts';
import { indexOf } from './lookup.ts';
import { rank } from './rank.ts';
import type { DecodeResult, Suggestion } from './result.ts';
import { scan } from './scan.ts';
import { suggest } from './suggest.ts';

export {
	toDecoderData,
	DECODER_DATA_VERSION,
	type DecoderData,
	type DecoderEntry,
	type DecoderProduct,
} from './data.ts';
export { LIMITS, type Bound, type Limits } from './limits.ts';
export { entryOf } from './lookup.ts';
export { openShare, shareFragment } from './share.ts';
export { isShareFragment } from './share-fragment.ts';
export { inputNote, printable, visibleText } from './text.ts';
export {
	ambiguityNote,
	boundNotes,
	describe,
	fillFix,
	unlistedNote,
	type Described,
	type MessagePart,
} from './present.ts';
export {
	card,
	messageText,
	phraseText,
	report,
	statusLine,
	MAX_SHOWN_ERRORS,
	type Card,
	type CardFact,
	type CardGroup,
	type Phrase,
	type Report,
} from './card.ts';
export { reportText, type Style } from './report-text.ts';
export type {
	CauseLink,
	DecodeResult,
	Group,
	Match,
	Suggestion,
	UnlistedCode,
	Via,
} from './result.ts';

/**
 * Decodes a paste against the registry's decoder data. Never throws; stays within `limits`
 * (defaults: LIMITS), and says so with `truncated` when a bound cut reading short.
 */
export function decode(text: string, data: DecoderData, limits?: Partial<Limits>): DecodeResult {
	const budget = new Budget(limits ? { ...LIMITS, ...limits } : LIMITS);
	const index = indexOf(data);
	const input = typeof text === 'string' ? text : String(text ?? '');
	return rank(scan(input, index, budget), index, budget, input.length);
}

/** Every entry of the data with its product and page, in registry order (the search dialog's list of codes). */
export function decoderEntries(
	data: DecoderData
): { product: DecoderProduct; entry: DecoderEntry; path: string }[] {
	const index = indexOf(data);
	return index.entries.map((e) => ({
		product: index.products[e.product]!.data,
		entry: e.data,
		path: e.path,
	}));
}

/** The known codes closest to `input`, a code that is not one ("did you mean"), closest first. */
export function closeCodes(input: string, data: DecoderData): Suggestion[] {
	return suggest({ input }, indexOf(data));
}
