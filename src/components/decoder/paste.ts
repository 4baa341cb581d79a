/**
 * The paste in the decoder's box, outside the decoding engine: kept for this tab (sessionStorage,
 * never the URL, never sent); a paste longer than the decoder reads cut to what it reads; and a
 * paste longer than the box shows held in memory but for its last lines, so typing stays fast.
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
 * Characters the box itself holds at most. A text area lays out all of its text again at every
 * keystroke: with the 1 MiB the decoder reads in it, as short lines, a key took hundreds of
 * milliseconds to show; with 32 KiB, about a frame (README, Performance).
 */
export const BOX_CHARS = 32 * 1024;

/** A text as the box shows it: `held`, read by the decoder but not in the box, then `shown`, the box's text. */
export interface Boxed {
	held: string;
	shown: string;
}

/** `text` with at most BOX_CHARS of it shown: its last lines (a log's error is at its end); the start is held. */
function boxed(text: string): Boxed {
	if (text.length <= BOX_CHARS) return { held: '', shown: text };
	let at = text.length - BOX_CHARS;
	// Shown from a line's start; a single line that long is shown from within it.
	const line = text.indexOf('\n', at - 1);
	if (line >= 0 && line < text.length - 1) at = line + 1;
	return { held: text.slice(0, at), shown: text.slice(at) };
}

/** "4,096 lines", or the characters of a text with no line breaks to count. */
function amount(text: string): string {
	let lines = 0;
	for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
	if (text && !text.endsWith('\n')) lines++;
	return lines > 1
		? `${lines.toLocaleString('en')} lines`
		: `${text.length.toLocaleString('en')} characters`;
}

/**
 * The decoder's text box and a paste too long for it. The decoder reads the text held back (the
 * start of such a paste, kept in memory) followed by the box's own text, which the user edits.
 * Emptying the box, or replacing all of it, lets go of what was held.
 */
export class PasteBox {
	readonly box: HTMLTextAreaElement;
	#held = '';
	/** What the note says about the held text and what was set aside, while some is held. */
	#note: string | undefined;

	constructor(box: HTMLTextAreaElement) {
		this.box = box;
		// Typing over, or deleting, the whole box replaces the paste, held part and all.
		box.addEventListener('beforeinput', () => {
			if (this.#held && this.#selectsAll()) this.#drop();
		});
	}

	/** The text the decoder reads (and the tab keeps). An emptied box holds nothing back. */
	text(): string {
		const shown = this.box.value;
		if (!shown) this.#drop();
		return this.#held + shown;
	}

	/** Characters of `text()`, without joining them. */
	get length(): number {
		return this.#held.length + this.box.value.length;
	}

	/** What to say with each result while part of the paste is held: what is shown, read and set aside. */
	note(): string | undefined {
		return this.#held ? this.#note : undefined;
	}

	/**
	 * Puts `text` in: its last BOX_CHARS in the box, the rest held. `pasted`, when longer, is how
	 * long the paste was before it was cut to `text` (the note says what was set aside).
	 */
	put(text: string, pasted = text.length): void {
		const { held, shown } = boxed(text);
		this.#held = held;
		this.box.value = shown;
		this.box.setSelectionRange(shown.length, shown.length);
		// In view, the lines the caret is at: a log's last, where its error most often is. At the
		// next frame, when the box is laid out anyway, rather than laying it out once more now.
		requestAnimationFrame(() => (this.box.scrollTop = this.box.scrollHeight));
		const start =
			pasted > text.length
				? `Your paste is large: the decoder ${inputNote(pasted)} and set the rest aside. The box shows the`
				: 'Your paste is long: the box shows its';
		this.#note = held
			? `${start} last ${amount(shown)}; the ${amount(held)} before them are read too, but held in this tab rather than shown, so that typing stays fast. Edit the lines shown, or empty the box to start over.`
			: undefined;
	}

	/**
	 * Takes in a paste that would leave the box holding more than BOX_CHARS: the box's text with
	 * the paste in place of the selection, cut to what the decoder reads, then put in as `put` does;
	 * the box then says it changed (an input event). A shorter paste is left to the browser.
	 */
	paste(event: ClipboardEvent): void {
		const pasted = event.clipboardData?.getData('text/plain') ?? '';
		// No text (an image): the box is left as it is, and so is what it holds back.
		if (!pasted) return;
		const { value, selectionStart: start, selectionEnd: end } = this.box;
		if (this.#selectsAll()) this.#drop();
		if (value.length - (end - start) + pasted.length <= BOX_CHARS) return;
		event.preventDefault();
		const text = this.#held + value.slice(0, start) + pasted + value.slice(end);
		this.put(
			text.length > LIMITS.maxInputChars ? headAndTail(text, LIMITS.maxInputChars) : text,
			text.length
		);
		this.box.dispatchEvent(new Event('input', { bubbles: true }));
	}

	#selectsAll(): boolean {
		return this.box.selectionStart === 0 && this.box.selectionEnd === this.box.value.length;
	}

	#drop(): void {
		this.#held = '';
		this.#note = undefined;
	}
}
