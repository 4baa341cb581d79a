/**
 * Until Pagefind's field is built (a second or more after the page can open the dialog, on a slow
 * connection or a busy machine), a field of our own takes the typing: keys, a paste, an IME's
 * composition, a phone's keyboard (which opens only for a field). Once Pagefind's field is there,
 * what was typed moves into it, as if typed there: Pagefind searches it and the direct jump
 * follows. The focus and the caret move with it. A composition still open waits for its end, so
 * the IME is not cut off mid-word.
 */

/** `box` holds the early field (Search.astro's `.atlas-early-field`). */
export function setupEarlyField(box: HTMLElement) {
	const field = box.querySelector('input')!;
	let composing = false;
	field.addEventListener('compositionstart', () => (composing = true));
	field.addEventListener('compositionend', () => (composing = false));
	// As in Pagefind's field, Escape empties it (and closes the dialog).
	field.addEventListener(
		'keydown',
		(e) => e.key === 'Escape' && !e.isComposing && (field.value = '')
	);

	const move = (input: HTMLInputElement) => {
		const { value, selectionStart, selectionEnd } = field;
		const dialog = box.closest('dialog')!;
		// Unless the reader has moved on to something else in the dialog.
		const active = document.activeElement;
		const focused =
			dialog.open && (active === field || active === dialog || !dialog.contains(active));
		if (value) {
			input.value = value;
			input.dispatchEvent(new Event('input', { bubbles: true }));
		}
		if (focused) {
			input.focus();
			input.setSelectionRange(selectionStart, selectionEnd);
		}
		box.remove();
	};

	return {
		field,
		/** Whether Pagefind's field has taken over. */
		get handedOver() {
			return !box.isConnected;
		},
		/** Moves what was typed into Pagefind's field `input`, then calls `done`. */
		handOver(input: HTMLInputElement, done: () => void) {
			const moved = () => {
				move(input);
				done();
			};
			if (composing) field.addEventListener('compositionend', moved, { once: true });
			else moved();
		},
	};
}
