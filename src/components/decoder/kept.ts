/**
 * The decoder's paste, kept for this tab: in sessionStorage, never in the address, never sent. The
 * full decoder and the home page's short one share it, so what is typed on one is there on the
 * other; a page may leave text there for the decoder to open with (the overview's filter does).
 */

/** sessionStorage key of the last paste, shared by the short and the full decoder. */
const KEPT = 'atlas-decoder:paste';
/** sessionStorage key of how long that paste was before it was cut to what the decoder reads. */
const CUT = 'atlas-decoder:cut';

/** What the decoder was brought: a paste or a dropped file. */
export type Brought = 'paste' | 'file';

/** A paste or file cut to what the decoder reads: how long it was, and which it was. */
export interface Cut {
	pasted: number;
	brought: Brought;
}

/** Keeps `text` for this tab, and how long it was when it was cut (`cut`); an empty text forgets the last one. */
export function keep(text: string, cut?: Cut): void {
	try {
		if (!text) forget();
		else {
			sessionStorage.setItem(KEPT, text);
			if (cut) sessionStorage.setItem(CUT, JSON.stringify(cut));
			else sessionStorage.removeItem(CUT);
		}
	} catch {
		// Storage refused (full, or disabled): the paste is simply not kept. Drop an older one.
		try {
			forget();
		} catch {
			// No storage at all.
		}
	}
}

function forget(): void {
	sessionStorage.removeItem(KEPT);
	sessionStorage.removeItem(CUT);
}

/** The last paste kept for this tab ('' for none), and how long it was before it was cut, if it was. */
export function kept(): { text: string; cut?: Cut } {
	try {
		const text = sessionStorage.getItem(KEPT) ?? '';
		const cut = JSON.parse(sessionStorage.getItem(CUT) ?? 'null') as Partial<Cut> | null;
		// Read back as written, or not at all: a value edited by hand is no reason to say anything wrong.
		return cut &&
			Number.isSafeInteger(cut.pasted) &&
			cut.pasted! > text.length &&
			(cut.brought === 'paste' || cut.brought === 'file')
			? { text, cut: { pasted: cut.pasted!, brought: cut.brought } }
			: { text };
	} catch {
		return { text: '' };
	}
}
