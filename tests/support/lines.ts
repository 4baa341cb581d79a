/**
 * How an element's text is laid out, as a reader sees it: the text of each line, in order.
 * Characters are measured one by one (a range's box); one lower than the line so far starts a new
 * line. A `<wbr>` has no text and adds nothing, so the lines join back to the element's text.
 */
import type { Locator } from '@playwright/test';
import { WRAP_AFTER } from '../../src/site/code-wrap.ts';

export function renderedLines(element: Locator): Promise<string[]> {
	return element.evaluate((el) => {
		const lines: string[] = [];
		let top = -Infinity;
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent ?? '';
			for (let i = 0; i < text.length; i++) {
				const char = text.charAt(i);
				const range = document.createRange();
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				const box = range.getBoundingClientRect();
				if (box.width === 0) continue;
				if (box.top > top + box.height / 2) lines.push(char);
				else lines.push(lines.pop() + char);
				top = Math.max(top, box.top);
			}
		}
		return lines;
	});
}

/** The lines of `lines` that end where a code must not wrap: anywhere but right after an underscore (or a URN's colon). */
export function breaksInsideWords(lines: string[]): string[] {
	return lines.slice(0, -1).filter((line) => !WRAP_AFTER.some((c) => line.endsWith(c)));
}
