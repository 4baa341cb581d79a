/**
 * A match: one candidate entry of an error found in the paste, with what the paste says about it —
 * its values, the message it was seen with, status and retry facts, what else the payload reported,
 * and the cause chain. Facts come from the first finding of the error that states them.
 */
import type { Finding } from './finding.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import type { CauseLink, Match, VariedValue } from './result.ts';
import { detailValue, first, rankCandidates, type Ranked } from './score.ts';
import { asWritten } from './final-punctuation.ts';

/** One occurrence of an error: its findings, and the candidates its hints kept. */
export interface Reading {
	findings: Finding[];
	kept: Ranked[];
}

/** The match for `candidate` across every occurrence of one error (`readings`), the first occurrence first. */
export function matchOf(
	candidate: Ranked,
	readings: readonly Reading[],
	base: Pick<Match, 'via' | 'count' | 'group'>,
	index: DecoderIndex,
	budget: Budget
): Match {
	const entry = index.entries[candidate.entry]!;
	const findings = readings.flatMap((r) => r.findings);
	const mine = readings.flatMap((r) => r.kept.filter((k) => k.entry === candidate.entry));
	const match: Match = {
		product: index.products[entry.product]!.data.id,
		code: entry.code,
		path: entry.path,
		params: {},
		...base,
	};
	if (readings[0]!.kept.length > 1) match.ambiguous = true;
	// Values from the first occurrence that has them; those that were otherwise at other times, kept too.
	match.params = mine.find((k) => Object.keys(k.params).length)?.params ?? {};
	const varied = variedValues(mine, budget.limits.maxSeenValues);
	if (varied.length) match.varied = varied;
	// The message it was seen with, when that is another than the entry's own, or was written
	// without the entry's final punctuation: shown as it was pasted.
	const read = mine.find((k) => k.template !== undefined);
	const seen = read && asWritten(index.templates.templates[read.template!]!.text, read.short);
	if (seen !== undefined && seen !== entry.data.message) match.template = seen;
	const status = first(findings, (f) => f.status);
	if (status !== undefined) match.status = status;
	const retryable = first(findings, (f) => f.retryable);
	if (retryable !== undefined) match.retryable = retryable;
	const retryAfterMs = first(findings, (f) => f.retryAfterMs);
	if (retryAfterMs !== undefined) match.retryAfterMs = retryAfterMs;
	const hint = first(findings, (f) => f.hint);
	if (hint !== undefined) match.hint = hint;
	// A payload's own message first, then one written after the code in a line.
	const text =
		first(findings, (f) => (f.source === 'json' ? f.text : undefined)) ??
		first(findings, (f) => f.text);
	if (text !== undefined) match.text = text;
	const present = mine.find((k) => k.detailsPresent?.length)?.detailsPresent;
	if (present) match.detailsPresent = present;
	const reported = reportedOf(
		first(findings, (f) => f.details),
		first(findings, (f) => f.correlation),
		match.params,
		budget
	);
	if (reported.length) match.reported = reported;
	const chain = first(findings, (f) => f.cause);
	if (chain?.length) match.cause = chain.map((c) => causeLink(c, index, budget));
	return match;
}

/**
 * The values each placeholder had across the times the paste has one error, for those that were
 * not the same every time: the first `max` distinct ones, and how many times it had another.
 */
function variedValues(readings: readonly Ranked[], max: number): VariedValue[] {
	const seen = new Map<string, VariedValue>();
	for (const { params } of readings) {
		for (const [name, value] of Object.entries(params)) {
			const v = seen.get(name);
			if (!v) seen.set(name, { name, values: [value], others: 0 });
			else if (v.values.includes(value)) continue;
			else if (v.values.length < max) v.values.push(value);
			else v.others++;
		}
	}
	return [...seen.values()].filter((v) => v.values.length > 1);
}

/** The payload's `details` fields not read as params, then its correlation ids. */
function reportedOf(
	details: Finding['details'],
	correlation: Finding['correlation'],
	params: Record<string, string>,
	budget: Budget
): { name: string; value: string }[] {
	const reported: { name: string; value: string }[] = [];
	if (details) {
		for (const [name, node] of details.node.fields) {
			if (reported.length >= budget.limits.maxReported) break;
			if (Object.hasOwn(params, name) || name.length > 64) continue;
			const value = detailValue(node, details.src, budget.limits.maxValueChars);
			if (value !== undefined) reported.push({ name: `details.${name}`, value });
		}
	}
	if (correlation) reported.push(...correlation);
	return reported;
}

function causeLink(f: Finding, index: DecoderIndex, budget: Budget): CauseLink {
	const best = f.candidates.length ? rankCandidates([f], index, budget)[0] : undefined;
	const link: CauseLink = { params: best?.params ?? {} };
	if (best) {
		const entry = index.entries[best.entry]!;
		link.code = entry.code;
		link.product = index.products[entry.product]!.data.id;
		link.path = entry.path;
	} else if (f.code !== undefined) link.code = f.code;
	if (f.text !== undefined) link.text = f.text;
	return link;
}
