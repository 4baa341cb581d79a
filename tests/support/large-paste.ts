/**
 * A huge paste into the decoder's box, as a browser pastes it: one paste event carrying the text.
 * The browser test and the island benchmark (scripts/bench-island.ts) paste the same log, so the
 * figures bench reports are of what the test checks.
 */
import type { Locator } from '@playwright/test';

/** The log pasted: this many MiB of short lines (131,072 of them in each MiB the decoder reads). */
export const LOG_MIB = 50;
const LOG_LINE = 'step ok\n';
/** The performance mark set in the page as the paste event is sent. */
export const PASTE_MARK = 'atlas-paste';

/** The log's lines around its short ones: an error on its last line, and maybe one on its first. */
export interface Log {
	first?: string;
	last: string;
	mib?: number;
}

/** Characters of the log. */
export function logLength({ first = '', last, mib = LOG_MIB }: Log): number {
	return (first ? first.length + 1 : 0) + mib * 1024 * 1024 + last.length;
}

/**
 * Pastes the log into `box` (focused, caret where it is). The text is made in the page: 50 MB is
 * not sent to the browser over the wire, which would measure the wire.
 */
export async function pasteLog(
	box: Locator,
	{ first = '', last, mib = LOG_MIB }: Log
): Promise<void> {
	await box.evaluate(
		(el, { first, last, line, count, mark }) => {
			const data = new DataTransfer();
			data.setData('text/plain', (first ? `${first}\n` : '') + line.repeat(count) + last);
			el.focus();
			// What the island benchmark times paste-to-result from.
			performance.mark(mark);
			el.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
			);
		},
		{ first, last, line: LOG_LINE, count: (mib * 1024 * 1024) / LOG_LINE.length, mark: PASTE_MARK }
	);
}

/**
 * Drops a file on `box` as a browser does when one is dragged from the desktop: a `dragover`, then
 * a `drop` whose DataTransfer holds the files. Each file is made in the page from `parts` (a
 * string, or `repeat` times a short line, so 50 MB is not sent over the wire). Returns whether the
 * page took the drop over from the browser (which would otherwise open the file in its place).
 */
export async function dropFiles(
	box: Locator,
	files: { name: string; parts: (string | { line: string; repeat: number } | number[])[] }[]
): Promise<boolean> {
	return box.evaluate((el, files) => {
		const data = new DataTransfer();
		for (const { name, parts } of files) {
			const blobParts = parts.map((p) =>
				typeof p === 'string' ? p : Array.isArray(p) ? new Uint8Array(p) : p.line.repeat(p.repeat)
			);
			data.items.add(new File(blobParts, name));
		}
		el.dispatchEvent(
			new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true })
		);
		const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
		el.dispatchEvent(drop);
		return drop.defaultPrevented;
	}, files);
}
