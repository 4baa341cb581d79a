/**
 * Possible matches: an error read only from a weak template (a value and a few everyday words,
 * `{field} is required.`), in a paste that nowhere names its product — no code of it, no product
 * name, error class or docs link, no link to its page. Any program may write those words, so it is
 * not told as an error found but offered as "did you mean" (kind `message`); beside errors that
 * are found, the report tells it after their cards (card.ts).
 *
 * Which templates are weak is a fixed rule over the template's own words, not a count over the
 * registry: a word many of one product's templates use (`task`, `workflow`, `sandbox`) is that
 * product's vocabulary, not anyone's; and a word two products share here (`container`, `image`,
 * `registry`) is these products' subject, so counting those would make asymmetric's own
 * `Container {name} …` messages weak as soon as another product mentions containers.
 */
import { onlyEndsSentence } from './final-punctuation.ts';
import { fillTemplate } from '../registry/template.ts';
import type { Finding } from './finding.ts';
import type { DecoderIndex } from './lookup.ts';
import type { Suggestion } from './result.ts';
import type { Ranked } from './score.ts';
import { asWritten } from './final-punctuation.ts';

/**
 * Everyday words of an error message that any program writes, as a template's words are read
 * (folded; three letters or more: `is`, `be`, `a` are never a template's words): saying what is
 * wrong, the little words around it, and the names of JSON's kinds of value.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
	// What is wrong.
	...['not', 'found', 'does', 'exist', 'exists', 'already', 'required', 'missing', 'empty'],
	...['invalid', 'valid', 'unknown', 'unsupported', 'failed', 'must', 'match', 'contains'],
	...['expected', 'allowed', 'cannot', 'error'],
	// The little words around it.
	...['the', 'and', 'for', 'from', 'with', 'one', 'any', 'value'],
	// Kinds of value.
	...['string', 'number', 'integer', 'positive', 'boolean', 'object', 'array', 'json', 'null'],
]);

/** A weak template has this many words at most: more, and together they are a sentence of its own. */
const WEAK_WORDS = 3;

/**
 * Whether a template (its folded `literals` around the placeholders, and `words`, those of its
 * words an anchor may be: templates.ts) is weak: a value open at its start or end (no text of the
 * template bounds it there), and no more than WEAK_WORDS words, each of them everyday
 * (GENERIC_WORDS). `{field} is required.` and `{name} must be a string.` are; `Unknown task
 * {nodeId}`, `GitHub request failed: {method} — {message}` and `Unsupported sandbox runtime:
 * {runtime}` are not: a word of each is its product's own.
 */
export function isWeak(literals: readonly string[], words: readonly string[]): boolean {
	const open = literals[0] === '' || onlyEndsSentence(literals[literals.length - 1]!);
	const distinct = new Set(words);
	return open && distinct.size <= WEAK_WORDS && [...distinct].every((w) => GENERIC_WORDS.has(w));
}

/** Whether every template a finding read (`templated`) is weak: then what names its product near it decides. */
export function readsOnlyWeak(templated: Finding['templated'], index: DecoderIndex): boolean {
	if (!templated?.size) return false;
	for (const read of templated.values())
		if (!index.templates.templates[read.template]!.weak) return false;
	return true;
}

/** Whether one error was read only from weak templates (readsOnlyWeak): what names its product decides whether it is found. */
export function readOnlyWeak(findings: readonly Finding[], index: DecoderIndex): boolean {
	return findings.every((f) => f.via === 'message' && readsOnlyWeak(f.templated, index));
}

/**
 * Whether one error read only from weak templates (readOnlyWeak) is only possible: neither the
 * line or payload it is in (its findings' product hints and error types) nor the rest of the paste
 * (`named`: the products the paste's other errors are of, and those it names anywhere) names the
 * product of a reading kept.
 */
export function onlyPossible(
	findings: readonly Finding[],
	kept: readonly Ranked[],
	index: DecoderIndex,
	named: ReadonlySet<number>
): boolean {
	const products = new Set(kept.map((k) => index.entries[k.entry]!.product));
	if ([...products].some((p) => named.has(p))) return false;
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
