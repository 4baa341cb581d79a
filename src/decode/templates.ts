/**
 * Message templates, matched anywhere in a line without building a regular expression from
 * them. Each template is indexed by one word of its literal text (the rarest across templates);
 * a line's words are looked up in that index, and a hit is verified around the word with
 * `startsWith`, `indexOf` and `lastIndexOf` inside a window bounded by the longest value allowed.
 * The work is linear in the line: one Map lookup per word, and a bounded window per candidate.
 */
import type { Pairs } from './pairs.ts';
import { parseTemplate } from '../registry/template.ts';
import type { Budget } from './limits.ts';
import { onlyEndsSentence, withoutFinalPunctuation } from './final-punctuation.ts';
import { fold, isWordChar } from './normalize.ts';
import { isWeak } from './possible.ts';
import { leadingStart, sharedEnds, trailingEnd } from './template-edges.ts';
import { wordHash, withWords, type Words } from './words.ts';

export interface CompiledTemplate {
	/** The entry's id in the decoder index. */
	entry: number;
	/** The template as the registry writes it. */
	text: string;
	/** Folded literal text around the placeholders: `literals[i]` comes before `params[i]`. The
	 * first is '' when the template starts with a placeholder, the last when it ends with one. */
	literals: string[];
	params: string[];
	/** The last literal without its final punctuation, for a message logged without its period. */
	lastShort: string | undefined;
	/** Characters of literal text: where two templates match the same words, the longer wins. */
	weight: number;
	/** The indexed word, and where it sits: in `literals[literal]`, `offset` characters in. */
	anchor: { word: string; literal: number; offset: number };
	/** Its words alone do not tell its product's message from anyone's (`{field} is required.`): possible.ts. */
	weak: boolean;
}

export interface TemplateIndex {
	templates: CompiledTemplate[];
	/** Anchor word → templates indexed by it. */
	byWord: Map<string, number[]>;
	/** `wordHash` of every anchor word: most words of a line are ruled out without a string. */
	anchorHashes: Set<number>;
	/** Templates of each entry id that has a matchable one: its message, then its other messages. */
	byEntry: Map<number, number[]>;
}

/** One place in a line where one or more templates matched the same text. */
export interface TemplateHit {
	start: number;
	end: number;
	weight: number;
	/** Usually one; several when different templates read the same span equally well. */
	matches: TemplateMatch[];
}

/** One template read at a place in a line: its entry, its id, the values read. */
export interface TemplateMatch {
	entry: number;
	template: number;
	params: Record<string, string>;
	/** The line ended the message without the punctuation that ends the template (`… is busy`). */
	short?: true;
}

/** A line of text to look for messages in: cleaned, and folded for comparison. */
export interface Unit {
	text: string;
	/** `text` folded for comparison: given when at hand, else made when first needed (unitFolded). */
	folded?: string;
	/** Offset of the unit in the paste. */
	pos: number;
	/** Where log noise at the start of the line ends (lazily computed). */
	noiseEnd?: number;
	/** False when the text is known to hold no link to a page of this site (no `/e/`, no `/errors/`). */
	links?: boolean;
	/** The line's `key=value` pairs (pairs.ts), read when a code with documented details is found in it. */
	pairs?: Pairs;
}

const MIN_ANCHOR = 3;

/** The unit's folded text, folded on first use: most strings of a large payload never need it. */
export function unitFolded(unit: Unit): string {
	return (unit.folded ??= fold(unit.text));
}

interface Word {
	word: string;
	literal: number;
	offset: number;
}

/**
 * Splits a template into literals and placeholders. Undefined when it cannot be matched on its
 * own: no word to anchor it (a template that is only a placeholder, like `{what's wrong}`, would
 * match any text), or two placeholders side by side (no text tells where one value ends).
 */
function splitTemplate(
	message: string
): { literals: string[]; params: string[]; words: Word[] } | undefined {
	const literals: string[] = [];
	const params: string[] = [];
	let literal = '';
	for (const s of parseTemplate(message)) {
		if (s.kind === 'text') literal += s.text;
		else {
			if (literal === '' && params.length > 0) return undefined;
			literals.push(fold(literal));
			params.push(s.name);
			literal = '';
		}
	}
	literals.push(fold(literal));
	const words: Word[] = [];
	literals.forEach((lit, i) => {
		for (let s = 0; s < lit.length;) {
			if (!isWordChar(lit.charCodeAt(s))) {
				s++;
				continue;
			}
			let e = s + 1;
			while (e < lit.length && isWordChar(lit.charCodeAt(e))) e++;
			// A word touching a placeholder may be glued to the value in the text (`{seconds}s`).
			const touches = (s === 0 && i > 0) || (e === lit.length && i < params.length);
			const word = lit.slice(s, e);
			if (!touches && word.length >= MIN_ANCHOR && !/^\d+$/.test(word))
				words.push({ word, literal: i, offset: s });
			s = e;
		}
	});
	return words.length ? { literals, params, words } : undefined;
}

export function compileTemplates(
	messages: readonly { entry: number; message: string }[]
): TemplateIndex {
	const split = messages.map((m) => ({
		entry: m.entry,
		text: m.message,
		parts: splitTemplate(m.message),
	}));
	const frequency = new Map<string, number>();
	for (const { parts } of split)
		for (const word of new Set(parts?.words.map((w) => w.word)))
			frequency.set(word, (frequency.get(word) ?? 0) + 1);
	const index: TemplateIndex = {
		templates: [],
		byWord: new Map(),
		anchorHashes: new Set(),
		byEntry: new Map(),
	};
	for (const { entry, text, parts } of split) {
		if (!parts) continue;
		// The rarest word, so a line's words call up as few templates as possible; then the longest.
		let anchor = parts.words[0]!;
		for (const w of parts.words) {
			const [fa, fw] = [frequency.get(anchor.word)!, frequency.get(w.word)!];
			if (fw < fa || (fw === fa && w.word.length > anchor.word.length)) anchor = w;
		}
		const last = parts.literals[parts.literals.length - 1]!;
		const short = withoutFinalPunctuation(last);
		const id = index.templates.length;
		index.templates.push({
			entry,
			text,
			literals: parts.literals,
			params: parts.params,
			lastShort: short && short !== last ? short : undefined,
			weight: parts.literals.reduce((sum, l) => sum + l.length, 0),
			anchor,
			weak: isWeak(
				parts.literals,
				parts.words.map((w) => w.word)
			),
		});
		const list = index.byWord.get(anchor.word);
		if (list) list.push(id);
		else index.byWord.set(anchor.word, [id]);
		index.anchorHashes.add(wordHash(anchor.word));
		const own = index.byEntry.get(entry);
		if (own) own.push(id);
		else index.byEntry.set(entry, [id]);
	}
	return index;
}

/**
 * Every template found in `unit`, overlapping hits resolved in favour of the more specific
 * template. With `only`, just those templates are tried (a payload whose code is known).
 */
export function findTemplates(
	unit: Unit,
	index: TemplateIndex,
	budget: Budget,
	only?: ReadonlySet<number>,
	lineWords?: Words
): TemplateHit[] {
	if (!lineWords) return withWords(unit.text, (w) => findTemplates(unit, index, budget, only, w));
	const w = lineWords;
	const found: TemplateHit[] = [];
	// Where each template last matched, so one match is not found again from a later word; made on the first match.
	let matchedUpTo: Map<number, number> | undefined;
	for (let k = 0; k < w.count; k++) {
		const s = w.start[k]!;
		const e = w.end[k]!;
		if (e - s < MIN_ANCHOR || !index.anchorHashes.has(w.hash[k]!)) continue;
		const f = unitFolded(unit);
		const list = index.byWord.get(f.slice(s, e));
		if (!list) continue;
		for (const t of list) {
			if (only && !only.has(t)) continue;
			if (++budget.templateChecks > budget.limits.maxTemplateChecks) {
				budget.exceeded('work');
				return resolveOverlaps(found);
			}
			const tpl = index.templates[t]!;
			const litStart = s - tpl.anchor.offset;
			if (litStart < 0 || litStart < (matchedUpTo?.get(t) ?? 0)) continue;
			const short = !f.startsWith(tpl.literals[tpl.anchor.literal]!, litStart);
			// The anchor's literal ends the template, and the line may end it without its period.
			if (
				short &&
				!(
					tpl.anchor.literal === tpl.params.length &&
					tpl.lastShort &&
					f.startsWith(tpl.lastShort, litStart) &&
					!isWordChar(f.charCodeAt(litStart + tpl.lastShort.length))
				)
			)
				continue;
			const hit = verify(tpl, t, unit, litStart, budget.limits.maxValueChars, short);
			if (!hit) continue;
			(matchedUpTo ??= new Map()).set(t, hit.end);
			found.push(hit);
		}
	}
	return resolveOverlaps(found);
}

function resolveOverlaps(hits: TemplateHit[]): TemplateHit[] {
	if (hits.length < 2) return hits;
	const byPreference = [...hits].sort((a, b) => b.weight - a.weight || a.start - b.start);
	const kept: TemplateHit[] = [];
	for (const hit of byPreference) {
		const same = kept.find(
			(k) => k.start === hit.start && k.end === hit.end && k.weight === hit.weight
		);
		if (same) same.matches.push(...hit.matches);
		else if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
	}
	return kept.sort((a, b) => a.start - b.start);
}

/** Checks the whole template around its anchor literal at `litStart`; reads the values. */
function verify(
	tpl: CompiledTemplate,
	id: number,
	unit: Unit,
	litStart: number,
	maxValue: number,
	short: boolean
): TemplateHit | undefined {
	const { literals, params } = tpl;
	const f = unitFolded(unit);
	const text = unit.text;
	const last = params.length;
	const k = tpl.anchor.literal;
	const spans: ([number, number] | undefined)[] = new Array(last);

	let end = litStart + (short ? tpl.lastShort!.length : literals[k]!.length);
	let unpunctuated = short;
	// Text matched: a template whose final period was not in the line weighs only what was.
	let weight = short ? tpl.weight - (literals[last]!.length - tpl.lastShort!.length) : tpl.weight;
	let openRight = false;
	for (let j = k + 1; j <= last; j++) {
		const lit = literals[j]!;
		if (lit === '') {
			openRight = true;
			break;
		}
		const windowEnd = end + 1 + maxValue + lit.length;
		let at = indexWithin(f, lit, end + 1, windowEnd);
		let length = lit.length;
		if (at < 0 && j === last && tpl.lastShort) {
			at = indexWithin(f, tpl.lastShort, end + 1, windowEnd);
			length = tpl.lastShort.length;
			weight -= lit.length - length;
			// "…is busy" without its period must still end there, not run on into "…is busybox".
			if (at >= 0 && isWordChar(f.charCodeAt(at + length))) at = -1;
			unpunctuated = true;
		}
		if (at < 0 && j === last && onlyEndsSentence(lit)) {
			// `… for --provider {provider}.` without its period: the value runs to the line's end, as an open one does.
			weight -= lit.length;
			unpunctuated = true;
			openRight = true;
			break;
		}
		if (at < 0) return undefined;
		spans[j - 1] = [end, at];
		end = at + length;
	}
	let start = litStart;
	let openLeft = false;
	for (let j = k - 1; j >= 0; j--) {
		const lit = literals[j]!;
		if (lit === '') {
			openLeft = true;
			break;
		}
		const from = Math.max(0, start - 1 - maxValue - lit.length);
		const at = lastIndexWithin(f, lit, from, start - 1);
		if (at < 0) return undefined;
		spans[j] = [at + lit.length, start];
		start = at;
	}

	// Values bounded by literal text on both sides are certain; a placeholder used twice must
	// read the same each time, and that also settles an open end.
	const known = new Map<string, string>();
	for (let p = 0; p < last; p++) {
		const span = spans[p];
		if (!span) continue;
		const value = text.slice(span[0], span[1]);
		const seen = known.get(params[p]!);
		if (seen !== undefined && seen !== value) return undefined;
		known.set(params[p]!, value);
	}
	if (openRight && openLeft && params[0] === params[last - 1] && !known.has(params[0]!)) {
		const value = sharedEnds(unit, start, end, maxValue);
		if (value === undefined) return undefined;
		known.set(params[0]!, value);
	}
	if (openRight) {
		const name = params[last - 1]!;
		const value = known.get(name);
		const valueEnd =
			value !== undefined
				? text.startsWith(value, end)
					? end + value.length
					: -1
				: trailingEnd(text, end, maxValue);
		if (valueEnd <= end) return undefined;
		spans[last - 1] = [end, valueEnd];
		known.set(name, text.slice(end, valueEnd));
		end = valueEnd;
	}
	if (openLeft) {
		const name = params[0]!;
		const value = known.get(name);
		const valueStart =
			value !== undefined
				? text.slice(0, start).endsWith(value)
					? start - value.length
					: start
				: leadingStart(unit, start, maxValue);
		if (valueStart >= start) return undefined;
		spans[0] = [valueStart, start];
		known.set(name, text.slice(valueStart, start));
		start = valueStart;
	}
	const values: Record<string, string> = {};
	for (let p = 0; p < last; p++) {
		const [a, b] = spans[p]!;
		if (b <= a || b - a > maxValue) return undefined;
		values[params[p]!] = text.slice(a, b);
	}
	const match: TemplateMatch = { entry: tpl.entry, template: id, params: values };
	if (unpunctuated) match.short = true;
	return { start, end, weight, matches: [match] };
}

/** First index of `needle` in `hay` that starts at or after `from` and ends by `limit`. */
function indexWithin(hay: string, needle: string, from: number, limit: number): number {
	if (from > hay.length) return -1;
	const at = hay.slice(from, Math.min(limit, hay.length)).indexOf(needle);
	return at < 0 ? -1 : from + at;
}

/** Last index of `needle` in `hay` that starts at or after `from` and ends by `end`. */
function lastIndexWithin(hay: string, needle: string, from: number, end: number): number {
	if (end <= from) return -1;
	const at = hay.slice(from, end).lastIndexOf(needle);
	return at < 0 ? -1 : from + at;
}
