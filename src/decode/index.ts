/**
 * The decoder: whatever a developer pastes — a CLI line, a JSON error body, a log excerpt, a
 * stack trace, a docs URL, a bare code — in; the matching registry entries, with the values in
 * the message pulled out, out. Pure: no DOM, no Node APIs; the browser island, the `explain` CLI
 * and the tests all call `decode`.
 *
 *   decode.ts: normalise → payloads → messages and codes and links → rank, "did you mean";
 *   query.ts: the one reading of a typed query (a code, a decoded message, the codes near it).
 */
import type { DecoderData, DecoderEntry, DecoderProduct } from './data.ts';
import { indexOf } from './lookup.ts';

export { decode } from './decode.ts';
export { codeKey, looksLikeCode } from './code-key.ts';
export { readQuery, searchWords, type QueryHit, type QueryKind } from './query.ts';

export {
	toDecoderData,
	DECODER_DATA_VERSION,
	type DecoderData,
	type DecoderEntry,
	type DecoderProduct,
} from './data.ts';
export { LIMITS, type Bound, type Limits } from './limits.ts';
export { entryOf } from './lookup.ts';
export { maxDistance } from './near-codes.ts';
export { openShare, shareFragment } from './share.ts';
export { isShareFragment } from './share-fragment.ts';
export { inputNote, printable, textEncoding, visibleText } from './text.ts';
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
	SuggestionKind,
	UnlistedCode,
	VariedValue,
	Via,
} from './result.ts';

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
