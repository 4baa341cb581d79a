/**
 * Message templates: `Port {port} is busy.` is the literal `Port `, the placeholder `port`, and
 * the literal ` is busy.`. This is the one parser of templates; the pages, the decoder and the
 * typed modules all read templates through it.
 */

export type Segment = { kind: 'text'; text: string } | { kind: 'param'; name: string };

/** Splits a template into literal text and `{placeholder}` segments, in order. */
export function parseTemplate(template: string): Segment[] {
	const segments: Segment[] = [];
	let text = '';
	let i = 0;
	while (i < template.length) {
		const open = template.indexOf('{', i);
		const close = open === -1 ? -1 : template.indexOf('}', open + 1);
		if (open === -1 || close === -1) {
			text += template.slice(i);
			break;
		}
		text += template.slice(i, open);
		if (text) segments.push({ kind: 'text', text });
		text = '';
		segments.push({ kind: 'param', name: template.slice(open + 1, close) });
		i = close + 1;
	}
	if (text) segments.push({ kind: 'text', text });
	return segments;
}

/** The distinct placeholder names of a template, in order of first use. */
export function templateParams(template: string): string[] {
	const names: string[] = [];
	for (const s of parseTemplate(template)) {
		if (s.kind === 'param' && !names.includes(s.name)) names.push(s.name);
	}
	return names;
}

/** Fills a template's placeholders from `values`; a missing value leaves its `{placeholder}`. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
	return parseTemplate(template)
		.map((s) =>
			s.kind === 'text' ? s.text : Object.hasOwn(values, s.name) ? values[s.name] : `{${s.name}}`
		)
		.join('');
}

/** A template's literal text, each placeholder written as `stand` (`…`, a space): what it says, values left out. */
export function templateText(template: string, stand: string): string {
	return parseTemplate(template)
		.map((s) => (s.kind === 'text' ? s.text : stand))
		.join('');
}

/**
 * What is wrong with a template's braces, if anything: a `{` with no `}` before the next `{` or
 * the line's end, an empty `{}`, or a `}` that closes nothing. `at` is the 0-based index of the brace.
 */
export function braceProblem(template: string): { at: number; what: string } | undefined {
	let open = -1;
	for (let i = 0; i < template.length; i++) {
		const c = template[i];
		if (c === '{') {
			if (open >= 0)
				return { at: open, what: 'opens no placeholder: it is not closed before the next "{"' };
			open = i;
		} else if (c === '}') {
			if (open < 0) return { at: i, what: 'closes no placeholder' };
			if (i === open + 1) return { at: open, what: 'opens an empty placeholder' };
			open = -1;
		} else if (c === '\n' && open >= 0)
			return { at: open, what: 'opens no placeholder: it is not closed on its line' };
	}
	return open >= 0 ? { at: open, what: 'opens no placeholder: it is never closed' } : undefined;
}
