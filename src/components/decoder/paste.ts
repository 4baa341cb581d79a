/**
 * The paste in the decoder's box, outside the decoding engine: kept for this tab (sessionStorage,
 * never the URL, never sent), and a paste longer than the decoder reads cut to what it reads.
 */
import { LIMITS } from '../../decode/limits.ts';
import { headAndTail, inputNote } from '../../decode/text.ts';

/** sessionStorage key of the last paste, shared by the short and the full decoder. */
const KEPT = 'atlas-decoder:paste';

/** Keeps `text` for this tab; an empty text forgets the last one. */
export function keep(text: string): void {
	try {
		if (text) sessionStorage.setItem(KEPT, text);
		else sessionStorage.removeItem(KEPT);
	} catch {
		// Storage refused (full, or disabled): the paste is simply not kept. Drop an older one.
		try {
			sessionStorage.removeItem(KEPT);
		} catch {
			// No storage at all.
		}
	}
}

/** The last paste kept for this tab, or ''. */
export function kept(): string {
	try {
		return sessionStorage.getItem(KEPT) ?? '';
	} catch {
		return '';
	}
}

/**
 * A paste longer than the decoder reads, as the box should hold it: what the decoder reads (its
 * first and last lines), and what to say about the rest; undefined for a paste of ordinary size.
 * A box holding megabytes freezes the page at every keystroke.
 */
export function largePaste(text: string): { kept: string; note: string } | undefined {
	if (text.length <= LIMITS.maxInputChars) return undefined;
	return {
		kept: headAndTail(text, LIMITS.maxInputChars),
		note: `Your paste is large: the box holds what the decoder reads, the first and last lines; it ${inputNote(text.length)}.`,
	};
}
