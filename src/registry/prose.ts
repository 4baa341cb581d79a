/**
 * Registry prose: plain text in which `backtick spans` are code. Nothing else is interpreted, so
 * `<Task>`, `{port}`, `*` or `&` read exactly as written, and an unpaired backtick stays a
 * backtick. Every place that shows or reads prose (the pages, the Markdown twins, the decoder)
 * splits it here, so all of them agree on what is code.
 */

/** A run of prose: plain text, or code. */
export interface ProsePart {
	text: string;
	code: boolean;
}

/** The prose in runs, in order. */
export function proseParts(prose: string): ProsePart[] {
	const parts = prose.split('`');
	// Odd parts sit between backticks; the last one is code only if a backtick closes it.
	return parts.map((text, i) => {
		const code = i % 2 === 1;
		return code && i === parts.length - 1 ? { text: `\`${text}`, code: false } : { text, code };
	});
}

/** The code spans of the prose, in order. */
export function proseCode(prose: string): string[] {
	return proseParts(prose).flatMap((p) => (p.code ? [p.text] : []));
}
