/**
 * Possible matches: an error read only from a weak template (a value and a few common words,
 * `{field} is required.`; templates.ts), with nothing near it that names its product — no code,
 * no product name, error class or docs link, no link to its page. Any program may write those
 * words, so it is not told as an error found but offered as "did you mean" (kind `message`).
 */
import { fillTemplate } from '../registry/template.ts';
import type { Finding } from './finding.ts';
import type { DecoderIndex } from './lookup.ts';
import type { Suggestion } from './result.ts';
import type { Ranked } from './score.ts';
import { asWritten } from './templates.ts';

/** Whether every template a finding read (`templated`) is weak: then what names its product near it decides. */
export function readsOnlyWeak(templated: Finding['templated'], index: DecoderIndex): boolean {
	if (!templated?.size) return false;
	for (const read of templated.values())
		if (!index.templates.templates[read.template]!.weak) return false;
	return true;
}

/** Whether one error's findings and kept readings are only possible: weak templates, and nothing near them naming their product. */
export function onlyPossible(
	findings: readonly Finding[],
	kept: readonly Ranked[],
	index: DecoderIndex
): boolean {
	if (!findings.every((f) => f.via === 'message' && readsOnlyWeak(f.templated, index)))
		return false;
	const products = new Set(kept.map((k) => index.entries[k.entry]!.product));
	return !findings.some(
		(f) => f.productHints?.some((p) => products.has(p)) || f.thrownBy?.some((p) => products.has(p))
	);
}

/** The "did you mean" for each reading of a possible match, its message as read. */
export function possibleSuggestions(kept: readonly Ranked[], index: DecoderIndex): Suggestion[] {
	return kept.map((k) => {
		const e = index.entries[k.entry]!;
		const template = index.templates.templates[k.template!]!.text;
		return {
			input: fillTemplate(asWritten(template, k.short), k.params),
			product: index.products[e.product]!.data.id,
			code: e.code,
			path: e.path,
			kind: 'message',
			distance: 0,
		};
	});
}
