/**
 * Scoring the entries one error may be: every hint its findings carry — `type` prefix, page URL,
 * the code named, message template, status, `details` fields, payload shape, a product or error
 * class named nearby — adds to or takes from a candidate, and candidates well behind the best are
 * dropped. When nothing decides, every candidate is kept rather than one being guessed.
 */
import type { Finding } from './finding.ts';
import type { JsonNode } from './json.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import { hasWord } from './mentions.ts';

/** A candidate this far behind the best has been ruled out by a hint that decides. */
const DECIDED = 10;

const SCORE = {
	exact: 100,
	template: 50,
	codeNamed: 40,
	status: 20,
	statusMismatch: -100,
	statusMissing: -5,
	detailsAll: 15,
	detailField: 3,
	productNamed: 12,
	problemShape: 8,
	errorType: 15,
	term: 12,
	serializedShape: 5,
	context: 3,
};

/** One candidate entry of an error, with its score and what the paste gave for it. */
export interface Ranked {
	entry: number;
	score: number;
	params: Record<string, string>;
	/** The template that matched, when one did. */
	template?: number;
	/** The paste left off the punctuation that ends that template. */
	short?: true;
	detailsPresent?: string[];
}

/** The first value `pick` finds in the findings, in order. */
export function first<T>(
	findings: readonly Finding[],
	pick: (f: Finding) => T | undefined
): T | undefined {
	for (const f of findings) {
		const value = pick(f);
		if (value !== undefined) return value;
	}
	return undefined;
}

/** Scores each candidate entry with every hint the findings carry; keeps those not ruled out. */
export function rankCandidates(
	findings: Finding[],
	index: DecoderIndex,
	budget: Budget,
	context?: ReadonlySet<number>
): Ranked[] {
	const candidates = new Set<number>();
	for (const f of findings) for (const c of f.candidates) candidates.add(c);
	const status = first(findings, (f) => f.status);
	const details = first(findings, (f) => f.details);
	const pairs = first(findings, (f) => f.pairs);
	const problemShape = findings.some((f) => f.problemShape);
	const serializedShape = findings.some((f) => f.serializedShape);
	const hinted = new Set(findings.flatMap((f) => f.productHints ?? []));
	const thrownBy = new Set(findings.flatMap((f) => f.thrownBy ?? []));
	const several = candidates.size > 1;
	// Terms that only one candidate's text uses, and the text around the error to find them in.
	const unique = new Map<string, number>();
	const near = several ? findings.flatMap((f) => (f.near ? [f.near] : [])) : [];
	if (near.length) {
		const seen = new Map<string, number>();
		for (const id of candidates)
			for (const t of index.entries[id]!.terms) seen.set(t, seen.has(t) ? -1 : id);
		for (const [t, id] of seen) if (id >= 0) unique.set(t, id);
	}
	const quoted = new Set<number>();
	for (const [t, id] of unique) if (near.some((text) => hasWord(text, t))) quoted.add(id);

	const ranked: Ranked[] = [];
	for (const id of candidates) {
		const entry = index.entries[id]!;
		const product = index.products[entry.product]!;
		let score = 0;
		let params: Record<string, string> = {};
		let template: number | undefined;
		let short: true | undefined;
		for (const f of findings) {
			if (f.exact && f.candidates.includes(id)) score += SCORE.exact;
			// The paste names this code: a template that another code shares does not outweigh that.
			else if (
				f.code !== undefined &&
				f.candidates.includes(id) &&
				f.code.toUpperCase() === entry.code
			)
				score += SCORE.codeNamed;
			const read = f.templated?.get(id);
			if (read) {
				score += SCORE.template;
				params = { ...params, ...read.params };
				if (template === undefined) [template, short] = [read.template, read.short];
			}
		}
		if (status !== undefined) {
			if (entry.data.status === status) score += SCORE.status;
			else score += entry.data.status === undefined ? SCORE.statusMissing : SCORE.statusMismatch;
		}
		let detailsPresent: string[] | undefined;
		if ((details || pairs) && entry.details.length) {
			// A payload's `details` object, else the `key=value` pairs on the code's line.
			const has = (name: string) => details?.node.fields.has(name) || pairs?.has(name) || false;
			detailsPresent = entry.details.filter((d) => has(d.name)).map((d) => d.name);
			score += SCORE.detailField * detailsPresent.length;
			if (detailsPresent.length && entry.details.every((d) => d.optional || has(d.name)))
				score += SCORE.detailsAll;
			for (const name of detailsPresent) {
				const node = details?.node.fields.get(name);
				const value = node
					? detailValue(node, details!.src, budget.limits.maxValueChars)
					: pairs?.get(name);
				if (value !== undefined && name !== '__proto__') params[name] = value;
			}
		}
		if (several) {
			if (problemShape && product.typePrefix !== undefined) score += SCORE.problemShape;
			if (serializedShape && entry.data.status === undefined) score += SCORE.serializedShape;
			if (hinted.has(entry.product)) score += SCORE.productNamed;
			// `SmithersErrorInstance [CODE]`: thrown, so not one of the product's HTTP response codes.
			if (thrownBy.has(entry.product) && entry.data.status === undefined) score += SCORE.errorType;
			if (quoted.has(id)) score += SCORE.term;
			if (context?.has(entry.product)) score += SCORE.context;
		}
		const ranked1: Ranked = { entry: id, score, params };
		if (template !== undefined) ranked1.template = template;
		if (short) ranked1.short = short;
		if (detailsPresent?.length) ranked1.detailsPresent = detailsPresent;
		ranked.push(ranked1);
	}
	ranked.sort((a, b) => b.score - a.score || a.entry - b.entry);
	const top = ranked[0]?.score ?? 0;
	return ranked.filter((r) => r.score > top - DECIDED);
}

/** A `details` value as written: a scalar's text, or the source of an object or array when short. */
export function detailValue(node: JsonNode, src: string, max: number): string | undefined {
	if (node.kind === 'object' || node.kind === 'array') {
		const raw = src.slice(node.start, node.end);
		return raw.length <= max ? raw : undefined;
	}
	return node.text.length <= max ? node.text : undefined;
}
