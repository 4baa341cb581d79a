/**
 * The decoder's paste, kept for this tab: in sessionStorage, never in the address, never sent. The
 * full decoder and the home page's short one share it, so what is typed on one is there on the
 * other; a page may leave text there for the decoder to open with (the overview's filter does).
 */

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
