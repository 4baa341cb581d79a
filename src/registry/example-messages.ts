/**
 * Messages read off a product's published example responses. An example pairs a `detail` with
 * the `details` it was made from (`"Container 1001 not found"` with `container_id: 1001`); where
 * the values appear in the detail, they become placeholders named by their field
 * (`Container {container_id} not found`). Nothing is guessed: a value that two fields share, with
 * nothing in the text to tell which, leaves the example's detail out.
 */
import type { Entry } from './schema.ts';

/** Characters that join a value to its neighbours: a value is only read where it stands alone. */
const WORD = /[\p{L}\p{N}_]/u;

/** The templates the entry's JSON examples show, in example order, each once. */
export function exampleMessages(entry: Pick<Entry, 'code' | 'examples'>): string[] {
	const found: string[] = [];
	for (const example of entry.examples ?? []) {
		if (example.lang !== 'json') continue;
		const text = templateOf(JSON.parse(example.payload), entry.code);
		if (text !== undefined && !found.includes(text)) found.push(text);
	}
	return found;
}

function templateOf(body: unknown, code: string): string | undefined {
	if (!isObject(body) || (body.code !== undefined && body.code !== code)) return undefined;
	const detail = body.detail;
	// A brace would read as a placeholder of its own.
	if (typeof detail !== 'string' || detail.trim() === '' || /[{}]/.test(detail)) return undefined;
	const fields = isObject(body.details) ? scalarFields(body.details) : [];
	const spans: { start: number; end: number; name: string }[] = [];
	for (const value of new Set(fields.map((f) => f.value))) {
		const named = fields.filter((f) => f.value === value).map((f) => f.name);
		for (let at = detail.indexOf(value); at >= 0; at = detail.indexOf(value, at + 1)) {
			const end = at + value.length;
			if (WORD.test(detail[at - 1] ?? '') || WORD.test(detail[end] ?? '')) continue;
			const name = named.length === 1 ? named[0] : namedBefore(detail, at, named);
			if (name === undefined) return undefined;
			spans.push({ start: at, end, name });
		}
	}
	spans.sort((a, b) => a.start - b.start || b.end - a.end);
	let template = '';
	let from = 0;
	for (const span of spans) {
		if (span.start < from) continue;
		template += `${detail.slice(from, span.start)}{${span.name}}`;
		from = span.end;
	}
	return template + detail.slice(from);
}

/** The one field whose name is the word written just before the value (`available 100`), if any. */
function namedBefore(detail: string, at: number, names: string[]): string | undefined {
	const word = /([\p{L}_][\p{L}\p{N}_]*)\W*$/u
		.exec(detail.slice(Math.max(0, at - 40), at))?.[1]
		?.toLowerCase();
	const matching = names.filter((n) => n.toLowerCase() === word);
	return matching.length === 1 ? matching[0] : undefined;
}

/** `details` fields whose value is a number or a non-empty string, as the text it would be written as. */
function scalarFields(details: Record<string, unknown>): { name: string; value: string }[] {
	return Object.entries(details).flatMap(([name, value]) =>
		(typeof value === 'number' && Number.isFinite(value)) ||
		(typeof value === 'string' && value.trim() !== '')
			? [{ name, value: String(value) }]
			: []
	);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
