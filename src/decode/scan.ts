/**
 * Reads a paste once, in order: clean it, read every payload in it (masking the objects so their
 * text is not read twice), then scan each remaining line and each payload string for messages,
 * codes and docs links. Produces findings for ranking.
 */
import type { Finding, TemplateRead, Unknown } from './finding.ts';
import { unescapeLine } from './json-lexis.ts';
import { parseLenient } from './json.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import { errorTypesNamed, findMentions, productsNamed } from './mentions.ts';
import { clean, fold, isWordChar } from './normalize.ts';
import { ENTRY_SEGMENT, SHORT_LINK_PREFIX } from '../registry/urls.ts';
import { walkPayload, type WalkOutput } from './payload.ts';
import { headAndTail } from './text.ts';
import { readsOnlyWeak } from './possible.ts';
import { findTemplates, unitFolded, type Unit } from './templates.ts';
import { withWords } from './words.ts';

export interface Scanned {
	/** The paste as read: cleaned, and cut to its head and tail when longer than the input bound. */
	text: string;
	findings: Finding[];
	unknowns: Unknown[];
	/** Offsets where each line of the cleaned paste starts, to tell how far apart findings are. */
	lineStarts: number[];
	/** HTTP statuses written in a line (`HTTP/1.1 404`, `status: 404`), by line number. */
	lineStatus: Map<number, number>;
}

/**
 * A status written next to a payload in a log line: `HTTP/1.1 409 Conflict`, `status=409`,
 * `statusCode: 409`, a request line's `POST http://… -> 409`. The spaces around the separator are bounded: `\s*[:= ]\s*` backtracks
 * quadratically over a long run of spaces. Only lines that hold `http` or `status` are tried.
 */
const STATUS_IN_TEXT =
	/\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?:[ _]?code)?)["']?(?:\s{0,8}[:=]\s{0,8}|\s{1,8})["']?([1-5]\d\d)\b|(?:->|=>|→)\s{0,8}([1-5]\d\d)\b/i;

export function scan(input: string, index: DecoderIndex, budget: Budget): Scanned {
	let raw = input;
	if (raw.length > budget.limits.maxInputChars) {
		budget.exceeded('input');
		raw = headAndTail(raw, budget.limits.maxInputChars);
	}
	const text = clean(raw);
	const folded = fold(text);
	const out: WalkOutput = {
		index,
		budget,
		findings: [],
		unknowns: [],
		masks: [],
		pieces: [],
		messageReads: new Map(),
	};
	readPayloads(text, index, budget, out);

	const lineStarts = [0];
	for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1))
		lineStarts.push(nl + 1);
	const masks = out.masks.sort((a, b) => a[0] - b[0]);
	const lineStatus = new Map<number, number>();
	let m = 0;
	const barrenLines = new Set<string>();
	// The next `http` and `status` in the paste: a line without either has no status to read.
	let http = folded.indexOf('http');
	let status = folded.indexOf('status');
	// And the next link to a page of this site: a line without one is not searched for them.
	let shortLink = folded.indexOf(SHORT_LINK_PREFIX);
	let pageLink = folded.indexOf(ENTRY_SEGMENT);
	for (let l = 0; l < lineStarts.length; l++) {
		const start = lineStarts[l]!;
		const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : text.length;
		const stop = Math.min(end, start + budget.limits.maxLineChars);
		if (http >= 0 && http < start) http = folded.indexOf('http', start);
		if (status >= 0 && status < start) status = folded.indexOf('status', start);
		if (shortLink >= 0 && shortLink < start) shortLink = folded.indexOf(SHORT_LINK_PREFIX, start);
		if (pageLink >= 0 && pageLink < start) pageLink = folded.indexOf(ENTRY_SEGMENT, start);
		const links = (shortLink >= 0 && shortLink < end) || (pageLink >= 0 && pageLink < end);
		while (m < masks.length && masks[m]![1] <= start) m++;
		if ((http >= 0 && http < stop) || (status >= 0 && status < stop)) {
			// Read outside payload objects only: a status inside one is that object's own (one NDJSON line's).
			const found = STATUS_IN_TEXT.exec(unmasked(text, start, stop, masks, m));
			if (found) lineStatus.set(l, Number(found[1] ?? found[2]));
		}
		// A log repeats its lines (`step ok`): one that named nothing names nothing the next time either.
		const whole =
			m >= masks.length || masks[m]![0] >= end
				? text.slice(start, Math.min(end, start + budget.limits.maxRememberedChars))
				: undefined;
		if (whole !== undefined && barrenLines.has(whole)) continue;
		const before = out.findings.length + out.unknowns.length;
		// The parts of the line outside payload objects.
		let from = start;
		for (let k = m; k < masks.length && masks[k]![0] < end; k++) {
			const [a, b] = masks[k]!;
			if (a > from) scanLine(out, { text, folded, start: from, end: a, links });
			from = Math.max(from, b);
		}
		if (from < end) scanLine(out, { text, folded, start: from, end, links });
		if (
			whole !== undefined &&
			end - start <= budget.limits.maxRememberedChars &&
			out.findings.length + out.unknowns.length === before &&
			barrenLines.size < budget.limits.maxRemembered
		)
			barrenLines.add(whole);
		if (out.findings.length >= budget.limits.maxFindings) {
			budget.exceeded('findings');
			break;
		}
	}
	// Strings a payload repeats (a log's level, its message, a path) are read once: one that named
	// nothing names nothing the next time either.
	const barren = new Set<string>();
	for (const piece of out.pieces) {
		if (out.findings.length >= budget.limits.maxFindings) {
			budget.exceeded('findings');
			break;
		}
		if (barren.has(piece.text)) continue;
		const findings = out.findings.length;
		const unknowns = out.unknowns.length;
		const t = clean(piece.text);
		if (!t.includes('\n')) scanUnit(out, { text: t, pos: piece.pos }, true);
		else for (const line of t.split('\n')) scanUnit(out, { text: line, pos: piece.pos }, true);
		if (
			out.findings.length === findings &&
			out.unknowns.length === unknowns &&
			barren.size < budget.limits.maxRemembered
		)
			barren.add(piece.text);
	}
	return { text, findings: out.findings, unknowns: out.unknowns, lineStarts, lineStatus };
}

/** Finds every payload (`{…}`, `[…]`, or JSON escaped into a string) and walks it. */
function readPayloads(text: string, index: DecoderIndex, budget: Budget, out: WalkOutput): void {
	let brace = text.indexOf('{');
	let bracket = text.indexOf('[');
	let i = 0;
	for (;;) {
		if (out.findings.length >= budget.limits.maxFindings) {
			budget.exceeded('findings');
			break;
		}
		if (brace >= 0 && brace < i) brace = text.indexOf('{', i);
		if (bracket >= 0 && bracket < i) bracket = text.indexOf('[', i);
		const j = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
		if (j < 0) break;
		// Values left to read, but none may be: the paste is read in part.
		if (budget.jsonNodes >= budget.limits.maxJsonNodes) {
			budget.exceeded('nodes');
			break;
		}
		if (text[j + 1] === '\\' && text[j + 2] === '"') {
			// `{\"code\":…}`: a payload that was itself written into a JSON string.
			const line = unescapeLine(text, j);
			const parsed = parseLenient(line.text, 0, budget);
			const before = out.findings.length;
			if (parsed.value) walkPayload(parsed.value, line.text, j, index, budget, out);
			if (out.findings.length > before || parsed.value?.kind === 'object')
				out.masks.push([j, line.end]);
			i = Math.max(line.end, j + 1);
			continue;
		}
		// `[x]`, `[warn]`, `[1, 2]`: a flat list on one line, with no string and no object, holds no error.
		const flat = text[j] === '[' ? flatListEnd(text, j) : -1;
		if (flat > 0) {
			i = flat;
			continue;
		}
		const parsed = parseLenient(text, j, budget);
		if (parsed.value) walkPayload(parsed.value, text, undefined, index, budget, out);
		i = Math.max(parsed.end, j + 1);
	}
}

/** Part of a line of the paste, outside payload objects: [start, end) of `text` (and of `folded`, its folded copy). */
interface LinePart {
	text: string;
	folded: string;
	start: number;
	end: number;
	/** False when the line holds no link to a page of this site. */
	links: boolean;
}

function scanLine(out: WalkOutput, { text, folded, start, end, links }: LinePart): void {
	const { budget } = out;
	let stop = end;
	if (stop - start > budget.limits.maxLineChars) {
		budget.exceeded('line');
		stop = start + budget.limits.maxLineChars;
	}
	// Codes and template words are two characters or more: a line without two word characters in a row (`[x]`, `},`) holds none.
	if (!hasWordPair(text, start, stop)) return;
	scanUnit(
		out,
		{ text: text.slice(start, stop), folded: folded.slice(start, stop), pos: start, links },
		false
	);
}

/** Messages, codes and links in one line. */
function scanUnit(out: WalkOutput, unit: Unit, inPayload: boolean): void {
	const { index, budget } = out;
	if (unit.text.length > budget.limits.maxLineChars) {
		budget.exceeded('line');
		unit.text = unit.text.slice(0, budget.limits.maxLineChars);
		unit.folded = unit.folded?.slice(0, budget.limits.maxLineChars);
	}
	const first = out.findings.length;
	withWords(unit.text, (lineWords) => {
		const hits = findTemplates(unit, index.templates, budget, undefined, lineWords);
		for (const hit of hits) {
			const templated = new Map<number, TemplateRead>();
			for (const { entry, ...read } of hit.matches) templated.set(entry, read);
			out.findings.push({
				pos: unit.pos + (inPayload ? 0 : hit.start),
				source: 'message',
				via: 'message',
				candidates: [...templated.keys()],
				templated,
			});
		}
		findMentions(out, unit, lineWords, hits, inPayload);
	});
	if (inPayload) for (let f = first; f < out.findings.length; f++) out.findings[f]!.pos = unit.pos;
	// Products named on the same line, an error type written before the code, and the words of the
	// line tell apart codes that several entries share; and tell a message of a few common words
	// (possible.ts) as its product's.
	let named: number[] | undefined;
	let thrown: number[] | undefined;
	for (let f = first; f < out.findings.length; f++) {
		const finding = out.findings[f]!;
		const weak = readsOnlyWeak(finding.templated, index);
		if (finding.candidates.length < 2 && !weak) continue;
		const products = new Set(finding.candidates.map((id) => index.entries[id]!.product));
		if (products.size > 1 || weak) {
			named ??= productsNamed(unitFolded(unit), index);
			if (named.length)
				finding.productHints = [...new Set([...(finding.productHints ?? []), ...named])];
		}
		thrown ??= errorTypesNamed(unitFolded(unit), index);
		if (thrown.length) finding.thrownBy = [...new Set([...(finding.thrownBy ?? []), ...thrown])];
		finding.near = unitFolded(unit);
	}
}

/** The text of [start, stop) outside the payload objects `masks` (sorted; from the `m`th on), each object replaced by a space. */
function unmasked(
	text: string,
	start: number,
	stop: number,
	masks: readonly [number, number][],
	m: number
): string {
	let out = '';
	let from = start;
	for (let k = m; k < masks.length && masks[k]![0] < stop; k++) {
		const [a, b] = masks[k]!;
		if (a > from) out += `${text.slice(from, a)} `;
		from = Math.max(from, b);
	}
	return from < stop ? out + text.slice(from, stop) : out;
}

/** Just past the `]` of a list at `open` that holds no string, object or list before its line ends; else -1. */
function flatListEnd(text: string, open: number): number {
	for (let i = open + 1; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 93) return i + 1;
		// `"` `'` `` ` `` `{` `[` newline
		if (c === 34 || c === 39 || c === 96 || c === 123 || c === 91 || c === 10) return -1;
	}
	return -1;
}

/** Whether `text` has two word characters in a row between `start` and `end`. */
function hasWordPair(text: string, start: number, end: number): boolean {
	let run = false;
	for (let i = start; i < end; i++) {
		const word = isWordChar(text.charCodeAt(i));
		if (word && run) return true;
		run = word;
	}
	return false;
}
