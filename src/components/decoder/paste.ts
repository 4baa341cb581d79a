/**
 * The paste in the decoder's box, outside the decoding engine (kept.ts keeps it for the tab): a
 * paste, or a dropped file, longer than the decoder reads cut to what it reads; and a text longer
 * than the box shows held in memory but for its last lines, so typing stays fast.
 */
import { LIMITS } from '../../decode/limits.ts';
import { headAndTail, inputNote, joinEnds, textEncoding } from '../../decode/text.ts';
import type { Brought, Cut } from './kept.ts';

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

/**
 * The text of a file as the decoder reads it: all of it, or, when it is longer than `max`, its
 * first and last halves, read as two slices so a log of gigabytes is never loaded whole.
 */
async function readEnds(file: Blob, max: number): Promise<{ text: string; cut: boolean }> {
	const encoding = textEncoding(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
	const read = async (part: Blob) => new TextDecoder(encoding).decode(await part.arrayBuffer());
	if (file.size <= max) return { text: await read(file), cut: false };
	// An even number of bytes from each end, so no UTF-16 unit is split.
	const half = Math.floor(max / 4) * 2;
	const tail = file.slice(file.size - half - (file.size % 2));
	const [head, end] = await Promise.all([read(file.slice(0, half)), read(tail)]);
	return { text: joinEnds(head, end), cut: true };
}

/** What the decoder's box says when a drop is refused; the box is left as it was. */
export const DROP_REFUSED = {
	several: (n: number) => `${n} files were dropped: the box is as it was. Drop one file at a time.`,
	unreadable: 'The file dropped could not be read: the box is as it was. Paste its text instead.',
	notText: 'The file dropped is not text: the box is as it was. Drop a log or other text file.',
};

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
	/** How long the paste or file was before it was cut to what the decoder reads, when it was. */
	#cut: Cut | undefined;

	constructor(box: HTMLTextAreaElement) {
		this.box = box;
		// Typing over, or deleting, the whole box replaces the paste, held part and all.
		box.addEventListener('beforeinput', () => {
			if (this.#held && this.#selectsAll()) this.#letGo();
		});
	}

	/** The text the decoder reads (and the tab keeps). An emptied box holds nothing back. */
	text(): string {
		const shown = this.box.value;
		if (!shown) this.#letGo();
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

	/** How long the paste or file was before it was cut, while part of it is held: kept with it (kept.ts), so a reload says so too. */
	get cut(): Cut | undefined {
		return this.#held ? this.#cut : undefined;
	}

	/**
	 * Puts `text` in: its last BOX_CHARS in the box, the rest held. `pasted`, when longer, is how
	 * long the paste or file was before it was cut to `text` (the note says what was set aside).
	 */
	put(text: string, pasted = text.length, brought: Brought = 'paste'): void {
		const { held, shown } = boxed(text);
		this.#held = held;
		this.#cut = pasted > text.length ? { pasted, brought } : undefined;
		this.box.value = shown;
		this.box.setSelectionRange(shown.length, shown.length);
		// In view, the lines the caret is at: a log's last, where its error most often is. At the
		// next frame, when the box is laid out anyway, rather than laying it out once more now.
		requestAnimationFrame(() => (this.box.scrollTop = this.box.scrollHeight));
		const start =
			pasted > text.length
				? `Your ${brought} is large: the decoder ${inputNote(pasted)} and set the rest aside. The box shows the`
				: `Your ${brought} is long: the box shows its`;
		this.#note = held
			? `${start} last ${amount(shown)}; the ${amount(held)} before them are read too, but held in this tab rather than shown, so that typing stays fast. Edit the lines shown, or empty the box to start over.`
			: undefined;
	}

	/** Takes in a paste as `#takeIn` does. */
	paste(event: ClipboardEvent): void {
		this.#takeIn(event.clipboardData?.getData('text/plain') ?? '', event);
	}

	/**
	 * Takes in what is dropped on the box. Text is taken in as a paste is, in place of the
	 * selection. A file (a log saved to disk) replaces the box's text: it is read here, in this tab,
	 * never sent, and only as much of it as the decoder reads. Resolves to what to tell the user
	 * when nothing was taken in: several files, a file that is not text or could not be read.
	 */
	async drop(event: DragEvent): Promise<string | undefined> {
		const files = event.dataTransfer?.files;
		if (!files?.length) {
			this.#takeIn(event.dataTransfer?.getData('text/plain') ?? '', event);
			return undefined;
		}
		// Not the browser's own handling, which opens a dropped file in place of the page.
		event.preventDefault();
		if (files.length > 1) return DROP_REFUSED.several(files.length);
		let read: { text: string; cut: boolean };
		try {
			read = await readEnds(files[0]!, LIMITS.maxInputChars);
		} catch {
			return DROP_REFUSED.unreadable;
		}
		// NUL never appears in a text file, and is in nearly every binary one.
		if (read.text.includes('\0')) return DROP_REFUSED.notText;
		// Said as set aside only when it was: the file's size is in bytes, the text's in characters.
		this.put(read.text, read.cut ? files[0]!.size : read.text.length, 'file');
		this.box.dispatchEvent(new Event('input', { bubbles: true }));
		return undefined;
	}

	/**
	 * Takes in `pasted`, brought by a paste or a drop, when it would leave the box holding more
	 * than BOX_CHARS: the box's text with it in place of the selection, cut to what the decoder
	 * reads, then put in as `put` does; the box then says it changed (an input event). A shorter
	 * text is left to the browser.
	 */
	#takeIn(pasted: string, event: Event): void {
		// No text (an image): the box is left as it is, and so is what it holds back.
		if (!pasted) return;
		const { value, selectionStart: start, selectionEnd: end } = this.box;
		if (this.#selectsAll()) this.#letGo();
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

	#letGo(): void {
		this.#held = '';
		this.#note = undefined;
		this.#cut = undefined;
	}
}
