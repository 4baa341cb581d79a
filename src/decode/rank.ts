/**
 * Ranking: findings become matches. Findings next to each other that name the same code are one
 * error seen twice (a message line and the payload after it); the same error elsewhere in the
 * paste is counted. Each error's candidates are scored (score.ts) and each one kept becomes a
 * match (match.ts); what matched nothing becomes "did you mean" (suggest.ts).
 */
import type { Finding, Via } from './finding.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import { matchOf, type Reading } from './match.ts';
import { errorTypesNamed, productsNamed } from './mentions.ts';
import { fold } from './normalize.ts';
import { onlyPossible, possibleSuggestions, readOnlyWeak } from './possible.ts';
import type { DecodeResult, Group, Match, Suggestion } from './result.ts';
import type { Scanned } from './scan.ts';
import { rankCandidates } from './score.ts';
import { unmatched } from './suggest.ts';

/** How far apart, in lines, a message and the payload object it belongs to may be (a stack trace sits between). */
const MERGE_LINES = 40;
/** How many lines above an error a status may be written and still be its status. */
const STATUS_LINES = 6;

/** Strongest first: how the via of a merged error is chosen. */
const VIA_ORDER: Via[] = ['type', 'url', 'code', 'message', 'mention'];

/** One error found: findings next to each other that name the same code. */
interface Occurrence {
	findings: Finding[];
	sources: Set<Finding['source']>;
	codes: Set<string>;
	pos: number;
	lastLine: number;
}

interface Resolved extends Reading {
	pos: number;
	via: Via;
}

export function rank(
	scanned: Scanned,
	index: DecoderIndex,
	budget: Budget,
	inputChars = 0
): DecodeResult {
	const lineOf = lineFinder(scanned.lineStarts);
	const findings = scanned.findings
		.filter((f) => f.candidates.length)
		.sort((a, b) => a.pos - b.pos);
	withStatuses(findings, scanned.lineStatus, lineOf);
	const occurrences = occurrencesOf(findings, index, lineOf);
	// An error read only from a few everyday words names no product, for itself or for the others.
	const weak = occurrences.map((o) => readOnlyWeak(o.findings, index));
	const context = certainProducts(
		occurrences.filter((_, i) => !weak[i]),
		index
	);
	// Those it is sure of, and those it names anywhere: a weak message of one of them is found.
	const named = weak.includes(true) ? namedProducts(scanned.text, context, index) : context;
	const resolved: Resolved[] = [];
	// An error read only from a few everyday words, with nothing naming its product: "did you mean".
	const possible: Suggestion[] = [];
	occurrences.forEach((o, i) => {
		const kept = rankCandidates(o.findings, index, budget, context);
		if (weak[i] && onlyPossible(o.findings, kept, index, named))
			possible.push(...possibleSuggestions(kept, index));
		else resolved.push({ findings: o.findings, pos: o.pos, kept, via: bestVia(o.findings) });
	});

	const matches: Match[] = [];
	const groups: Group[] = [];
	repeats(resolved).forEach((list, g) => {
		const group: Group = { matches: [], count: list.length };
		const base = { via: bestVia(list.flatMap((r) => r.findings)), count: list.length, group: g };
		for (const candidate of list[0]!.kept) {
			group.matches.push(matches.length);
			matches.push(matchOf(candidate, list, base, index, budget));
		}
		groups.push(group);
	});

	const { suggestions, unlisted } = unmatched(scanned, matches, index, budget, possible);
	const result: DecodeResult = {
		matches,
		suggestions,
		unlisted,
		groups,
		truncated: budget.hit.size > 0,
	};
	if (budget.hit.size) result.truncatedBy = [...budget.hit];
	if (budget.hit.has('input')) result.inputChars = inputChars;
	return result;
}

/** The line of an offset in the paste, by binary search over where lines start. */
function lineFinder(lineStarts: readonly number[]): (pos: number) => number {
	return (pos) => {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lineStarts[mid]! <= pos) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	};
}

/** A status on the line, or a few lines above (a request or status line, headers, then the body). */
function withStatuses(
	findings: Finding[],
	lineStatus: ReadonlyMap<number, number>,
	lineOf: (pos: number) => number
): void {
	for (const f of findings) {
		const line = lineOf(f.pos);
		for (let l = line; f.status === undefined && l >= 0 && l >= line - STATUS_LINES; l--)
			f.status = lineStatus.get(l);
	}
}

/** Findings of different kinds, close together, that share a code: one error seen twice. */
function occurrencesOf(
	findings: readonly Finding[],
	index: DecoderIndex,
	lineOf: (pos: number) => number
): Occurrence[] {
	const occurrences: Occurrence[] = [];
	for (const f of findings) {
		const codes = new Set(f.candidates.map((id) => index.entries[id]!.code));
		const line = lineOf(f.pos);
		const last = occurrences[occurrences.length - 1];
		if (
			last &&
			!last.sources.has(f.source) &&
			line - last.lastLine <= MERGE_LINES &&
			[...codes].some((c) => last.codes.has(c))
		) {
			last.findings.push(f);
			last.sources.add(f.source);
			last.lastLine = line;
			for (const c of codes) last.codes.add(c);
		} else {
			occurrences.push({
				findings: [f],
				sources: new Set([f.source]),
				codes,
				pos: f.pos,
				lastLine: line,
			});
		}
	}
	return occurrences;
}

/** Products the paste is otherwise sure of: a weak hint for its ambiguous codes. */
function certainProducts(occurrences: readonly Occurrence[], index: DecoderIndex): Set<number> {
	const context = new Set<number>();
	for (const o of occurrences) {
		const products = new Set(
			o.findings.flatMap((f) => f.candidates.map((id) => index.entries[id]!.product))
		);
		if (products.size === 1) context.add([...products][0]!);
	}
	return context;
}

/** The products of `context`, and those the paste names anywhere: a product's name, error type or docs link. */
function namedProducts(
	text: string,
	context: ReadonlySet<number>,
	index: DecoderIndex
): Set<number> {
	const folded = fold(text);
	return new Set([...context, ...productsNamed(folded, index), ...errorTypesNamed(folded, index)]);
}

/** The same error found several times, grouped; named errors before mere mentions, then in paste order. */
function repeats(resolved: readonly Resolved[]): Resolved[][] {
	const groups = new Map<string, Resolved[]>();
	for (const r of resolved) {
		const key = r.kept.map((k) => k.entry).join(',');
		const list = groups.get(key);
		if (list) list.push(r);
		else groups.set(key, [r]);
	}
	return [...groups.values()].sort((a, b) => tier(a) - tier(b) || a[0]!.pos - b[0]!.pos);
}

function tier(list: readonly Resolved[]): number {
	return list.some((r) => r.via !== 'mention') ? 0 : 1;
}

function bestVia(findings: Finding[]): Via {
	let best = VIA_ORDER.length - 1;
	for (const f of findings) best = Math.min(best, VIA_ORDER.indexOf(f.via));
	return VIA_ORDER[best]!;
}
