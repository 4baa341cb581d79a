/**
 * Codes and docs links named in text: a bare code (`PORT_IN_USE`, `port_in_use`), explicit code
 * syntax (`[CODE]`, `Error [CODE]:`, `CODE:` at a line start, `code: 'CODE'`, `err.code ===
 * "CODE"`), and links to this site's pages (page-links.ts).
 * One pass over the line's words; each word is one Map lookup. A code with documented `details`
 * takes the line's `key=value` pairs (pairs.ts); one written as `[CODE]: …` or `CODE: …`, the message after it.
 */
import { CODE_MAX_CHARS, CODE_MIN_CHARS } from '../registry/code.ts';
import type { Extraction, Finding } from './finding.ts';
import type { DecoderIndex, IndexedProduct, TaggedCode } from './lookup.ts';
import { fold, isQuote, isSpace, isWordChar, skipLogPrefix } from './normalize.ts';
import { errorHead } from './inspected-error.ts';
import { pageUrl, type PageRef } from './page-links.ts';
import { readPairs } from './pairs.ts';
import { oneLine, withoutDocsLink } from './text.ts';
import { unitFolded, type Unit } from './templates.ts';
import { LOWER, UNDERSCORE, UPPER, type Words } from './words.ts';

/** A line's links when it has none: most lines, so no array is made for them. */
const NO_URLS: PageRef[] = [];

/** Products whose id or name appears in `folded` (a line, a URL, a payload's fields). */
export function productsNamed(folded: string, index: DecoderIndex): number[] {
	const found: number[] = [];
	for (const p of index.products) if (p.names.some((n) => folded.includes(n))) found.push(p.index);
	return found;
}

/**
 * Products whose thrown errors `folded` shows: one of their error types (`SmithersError`) as a
 * whole word, or the docs link they append to a thrown error's message.
 */
export function errorTypesNamed(folded: string, index: DecoderIndex): number[] {
	const found: number[] = [];
	for (const p of index.products) {
		if (p.errorTypes.some((t) => hasWord(folded, t)) || carriesDocsLink(p, folded))
			found.push(p.index);
	}
	return found;
}

/**
 * The product that threw an error with a code it calls its own: named by one of its error types
 * (`name`: the class a serialised error or Node's `Name [CODE]: …` line gives), or carrying the
 * docs link it appends to a thrown error's message (in `folded`). One rule for every printed form
 * of the same error, so that its code, when the registry does not list it, reads the same in each.
 */
export function productThrowing(
	name: string | undefined,
	folded: string,
	index: DecoderIndex
): number | undefined {
	const type = name === undefined ? undefined : fold(name);
	for (const p of index.products)
		if ((type !== undefined && p.errorTypes.includes(type)) || carriesDocsLink(p, folded))
			return p.index;
	return undefined;
}

/** Whether `folded` holds the docs link a product appends to its thrown errors' messages. */
function carriesDocsLink(p: IndexedProduct, folded: string): boolean {
	return p.docsUrl !== undefined && folded.includes(p.docsUrl);
}

/**
 * The product that threw the error Node prints as `Name [CODE]: message` (productThrowing), the
 * word at [s, e) being its code; the form is read as an inspected error's label is (errorHead).
 */
function nodeLineAt(unit: Unit, s: number, e: number, index: DecoderIndex): number | undefined {
	const { text } = unit;
	if (text[s - 1] !== '[' || text[s - 2] !== ' ') return undefined;
	let from = s - 2;
	while (from > 0 && isClassChar(text.charCodeAt(from - 1))) from--;
	const head = errorHead(text, from);
	return head?.code?.start === s && head.code.end === e
		? productThrowing(head.name, unitFolded(unit), index)
		: undefined;
}

/** `[\w$.]`: a character of a class name as Node prints it (`my.pkg.PortError`). */
function isClassChar(c: number): boolean {
	return isWordChar(c) || c === 46 || c === 36;
}

/** The product whose CLI error line (`Error (CODE): …`) the word at [s, e) is written in, and where its message starts. */
function cliLineAt(
	unit: Unit,
	s: number,
	e: number,
	index: DecoderIndex
): { product: number; message: number } | undefined {
	for (const p of index.products) {
		const shape = p.cliLine;
		if (!shape || s < shape.before.length) continue;
		const folded = unitFolded(unit);
		if (
			folded.startsWith(shape.before, s - shape.before.length) &&
			folded.startsWith(shape.after, e)
		)
			return { product: p.index, message: e + shape.after.length };
	}
	return undefined;
}

/** Whether `word` occurs in `text` with no word character on either side. */
export function hasWord(text: string, word: string): boolean {
	for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
		if (!isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + word.length)))
			return true;
	}
	return false;
}

/**
 * Codes and page links in one line, added to `ctx`. `w` holds the line's words (words.ts). `skip`
 * holds spans already read as a message, whose words are values, not mentions. `inPayload`: the
 * line is a string inside a payload object. A bound hit while reading is recorded in the budget.
 */
export function findMentions(
	ctx: Extraction,
	unit: Unit,
	w: Words,
	skip: readonly { start: number; end: number }[],
	inPayload: boolean
): void {
	const { index, budget, findings, unknowns } = ctx;
	const { text } = unit;
	let urls: PageRef[] = NO_URLS;
	// A link to a page of this site has a `/` in it: most lines and strings have none, and are not folded for it.
	if (unit.links !== false && text.includes('/')) {
		const folded = unitFolded(unit);
		for (let ref = pageUrl(folded, 0, index); ref; ref = pageUrl(folded, ref.end, index))
			(urls === NO_URLS ? (urls = []) : urls).push(ref);
	}
	for (const ref of urls) {
		const pos = unit.pos + ref.start;
		if (ref.entry !== undefined) {
			findings.push({
				pos,
				source: 'url',
				via: 'url',
				code: index.entries[ref.entry]!.code,
				candidates: [ref.entry],
				exact: true,
			});
		} else if (ref.candidates?.length) {
			findings.push({
				pos,
				source: 'url',
				via: 'url',
				code: text.slice(ref.end - ref.code!.length, ref.end),
				candidates: ref.candidates,
			});
		} else if (ref.slug !== undefined && ref.product !== undefined) {
			unknowns.push({ input: ref.slug, product: ref.product, slug: true });
		}
	}
	taggedLine(ctx, unit);
	let nextSkip = 0;
	let nextUrl = 0;
	for (let k = 0; k < w.count; k++) {
		const start = w.start[k]!;
		const e = w.end[k]!;
		const flags = w.flags[k]!;
		// Codes are upper case or contain `_`; a lower-case word is prose unless written as a code.
		if (e - start < CODE_MIN_CHARS || e - start > CODE_MAX_CHARS || !(flags & (LOWER | UPPER)))
			continue;
		const underscore = (flags & UNDERSCORE) !== 0;
		const upper = (flags & LOWER) === 0;
		// The code it is, if any: a hash test first, so most words cost no string.
		const ids = index.codeHashes.has(w.hash[k]!)
			? index.byCode.get(unitFolded(unit).slice(start, e))
			: undefined;
		if (ids) {
			if (!upper && !underscore && !codeSyntax(unit, start, e)) continue;
		} else if (
			!underscore &&
			(inPayload || !upper || !(onlyWordOnLine(text, start, e) || afterCodeKey(unit, start)))
		) {
			// A word without `_` that is no code is prose (`HTTP`, `JSON`, `WARN`, `info`) unless it is
			// plainly given as one: alone on its line, or the value of a `code` (UNAUTHORIZEX, for "did
			// you mean"). A payload's own `code` field is read as such (payload.ts); its other strings are not codes.
			continue;
		}
		while (nextSkip < skip.length && skip[nextSkip]!.end <= start) nextSkip++;
		if (nextSkip < skip.length && skip[nextSkip]!.start <= start) continue;
		while (nextUrl < urls.length && urls[nextUrl]!.end < e) nextUrl++;
		const inUrl = nextUrl < urls.length && urls[nextUrl]!.start <= start;
		const cli = cliLineAt(unit, start, e, index);
		const explicit = cli !== undefined || codeSyntax(unit, start, e);
		if (ids) {
			if (!(underscore || upper || explicit) || inUrl) continue;
			const finding: Finding = {
				pos: unit.pos + start,
				source: 'mention',
				via: explicit ? 'code' : 'mention',
				code: text.slice(start, e),
				candidates: ids,
			};
			if (explicit) {
				const message = cli ? messageFrom(text, cli.message) : messageAfter(unit, start, e);
				if (message) finding.text = message;
			}
			// The product's CLI printed it: the product's, and a thrown error rather than an HTTP response.
			if (cli) finding.productHints = finding.thrownBy = [cli.product];
			if (ids.some((id) => index.entries[id]!.details.length)) {
				if (!unit.pairs) {
					unit.pairs = readPairs(text, budget.limits.maxLinePairs, budget.limits.maxValueChars);
					if (unit.pairs.capped) budget.exceeded('line');
				}
				// A pair whose value is the code itself (`error: TASK_TIMEOUT`) labels the code; it is no detail.
				for (const pair of unit.pairs.pairs)
					if (pair.start !== start && !(finding.pairs ??= new Map()).has(pair.key))
						finding.pairs.set(pair.key, pair.value);
			}
			findings.push(finding);
		} else if (
			!inUrl &&
			(upper || explicit) &&
			e - start >= 4 &&
			unknowns.length < budget.limits.maxUnknowns
		) {
			// Written the way a product writes its own codes: its CLI's error line, or Node's line for an error it threw.
			const product = cli ? cli.product : nodeLineAt(unit, start, e, index);
			unknowns.push(
				product === undefined
					? { input: text.slice(start, e) }
					: { input: text.slice(start, e), product, shaped: true }
			);
		}
	}
}

/**
 * A tagged error's line, `RunNotFound: message` (as `String(error)` and Effect's `Cause.pretty`
 * print it) after only log noise: the code its product maps the tag to, thrown by that product.
 */
function taggedLine({ index, findings }: Extraction, unit: Unit): void {
	if (!index.byTag.size) return;
	const { text } = unit;
	const noiseEnd = (unit.noiseEnd ??= skipLogPrefix(text));
	// The tag may itself read as log noise (`AgentCliError:`): it begins a word at or before where the noise ends.
	let from = 0;
	let head: ReturnType<typeof errorHead>;
	let tagged: TaggedCode | undefined;
	for (; from <= noiseEnd; from++) {
		if (from > 0 && !isSpace(text.charCodeAt(from - 1)) && text[from - 1] !== ']') continue;
		head = errorHead(text, from);
		tagged =
			head && !head.code && from + head.name.length === head.colon
				? index.byTag.get(head.name)
				: undefined;
		if (tagged) break;
	}
	if (!tagged || !head) return;
	const finding: Finding = {
		pos: unit.pos + from,
		source: 'mention',
		via: 'code',
		code: tagged.code,
		candidates: tagged.entries,
		productHints: [tagged.product],
		thrownBy: [tagged.product],
	};
	const message = messageFrom(text, head.colon + 1);
	if (message) finding.text = message;
	findings.push(finding);
}

/**
 * The message written after a code: `Error [CODE]: message`, or `CODE: message` after only log
 * noise. Without an appended docs link, as a payload's message is shown.
 */
function messageAfter(unit: Unit, s: number, e: number): string | undefined {
	const { text } = unit;
	let at: number;
	if (text[s - 1] === '[' && text[e] === ']' && text[e + 1] === ':') at = e + 2;
	else if (text[e] === ':' && (unit.noiseEnd ??= skipLogPrefix(text)) >= s) at = e + 1;
	else return undefined;
	if (at < text.length && text[at] !== ' ' && text[at] !== '\t') return undefined;
	return messageFrom(text, at);
}

/** The message from `at` to the end of the line, without an appended docs link. */
function messageFrom(text: string, at: number): string | undefined {
	// oneLine shows 500 characters at most: a long line is not copied whole for each code in it.
	const message = text.slice(at, at + 1024).trim();
	return message ? withoutDocsLink(oneLine(message)) : undefined;
}

/** Whether the word at [s, e) is written as a code: alone on its line, `[CODE]`, `code: 'CODE'`, `CODE:` after only log noise. */
function codeSyntax(unit: Unit, s: number, e: number): boolean {
	const { text } = unit;
	if (text[s - 1] === '[' && text[e] === ']') return true;
	if (onlyWordOnLine(text, s, e)) return true;
	if (text[e] === ':') {
		unit.noiseEnd ??= skipLogPrefix(text);
		if (unit.noiseEnd >= s) return true;
	}
	return afterCodeKey(unit, s);
}

/** Whether the word at `s` is the value of a `code`: `code: 'CODE'`, `code = CODE`, `err.code === "CODE"`. */
function afterCodeKey(unit: Unit, s: number): boolean {
	const { text } = unit;
	let p = s - 1;
	while (p >= 0 && isQuote(text.charCodeAt(p))) p--;
	while (p >= 0 && text[p] === ' ') p--;
	if (text[p] === ':') p--;
	else if (text[p] === '=' || text[p] === '>')
		while (p >= 0 && (text[p] === '=' || text[p] === '>' || text[p] === '!')) p--;
	else return false;
	while (p >= 0 && text[p] === ' ') p--;
	while (p >= 0 && isQuote(text.charCodeAt(p))) p--;
	return p >= 3 && text.slice(p - 3, p + 1).toLowerCase() === 'code';
}

function onlyWordOnLine(text: string, s: number, e: number): boolean {
	let p = s - 1;
	while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
	if (p >= 0) return false;
	let q = e;
	while (q < text.length && isSpace(text.charCodeAt(q))) q++;
	return q === text.length;
}
