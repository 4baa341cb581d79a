/**
 * Ranking: findings become matches. Findings next to each other that name the same code are one
 * error seen twice (a message line and the payload after it); the same error elsewhere in the
 * paste is counted. Where a code belongs to several entries, every hint scores the candidates —
 * `type` prefix, page URL, message template, status, `details` fields, payload shape, a product
 * named nearby — and candidates well behind the best are dropped. When nothing decides, every
 * candidate is kept, marked ambiguous, rather than one being guessed.
 */
import type { Finding, Via } from './finding.ts';
import type { JsonNode } from './json.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import type { CauseLink, DecodeResult, Group, Match, Suggestion, UnlistedCode } from './result.ts';
import { hasWord } from './mentions.ts';
import type { Scanned } from './scan.ts';
import { spelledCodes, suggest } from './suggest.ts';

/** How far apart, in lines, a message and the payload object it belongs to may be (a stack trace sits between). */
const MERGE_LINES = 40;
/** How many lines above an error a status may be written and still be its status. */
const STATUS_LINES = 6;
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

/** Strongest first: how the via of a merged error is chosen. */
const VIA_ORDER: Via[] = ['type', 'url', 'code', 'message', 'mention'];

interface Occurrence {
	findings: Finding[];
	sources: Set<Finding['source']>;
	codes: Set<string>;
	pos: number;
	lastLine: number;
}

interface Ranked {
	entry: number;
	score: number;
	params: Record<string, string>;
	/** The template that matched, when one did. */
	template?: number;
	detailsPresent?: string[];
}

interface Resolved {
	occurrence: Occurrence;
	kept: Ranked[];
	via: Via;
}

export function rank(scanned: Scanned, index: DecoderIndex, budget: Budget, inputChars = 0): DecodeResult {
	const lineOf = (pos: number): number => {
		let lo = 0;
		let hi = scanned.lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (scanned.lineStarts[mid]! <= pos) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	};

	const findings = scanned.findings.filter((f) => f.candidates.length).sort((a, b) => a.pos - b.pos);
	// A status on the line, or a few lines above (a request or status line, headers, then the body).
	for (const f of findings) {
		const line = lineOf(f.pos);
		for (let l = line; f.status === undefined && l >= 0 && l >= line - STATUS_LINES; l--) f.status = scanned.lineStatus.get(l);
	}
	const occurrences: Occurrence[] = [];
	for (const f of findings) {
		const codes = new Set(f.candidates.map((id) => index.entries[id]!.code));
		const line = lineOf(f.pos);
		const last = occurrences[occurrences.length - 1];
		if (last && !last.sources.has(f.source) && line - last.lastLine <= MERGE_LINES && [...codes].some((c) => last.codes.has(c))) {
			last.findings.push(f);
			last.sources.add(f.source);
			last.lastLine = line;
			for (const c of codes) last.codes.add(c);
		} else {
			occurrences.push({ findings: [f], sources: new Set([f.source]), codes, pos: f.pos, lastLine: line });
		}
	}

	// Products the paste is otherwise sure of: a weak hint for its ambiguous codes.
	const context = new Set<number>();
	for (const o of occurrences) {
		const products = new Set(o.findings.flatMap((f) => f.candidates.map((id) => index.entries[id]!.product)));
		if (products.size === 1) context.add([...products][0]!);
	}

	const resolved: Resolved[] = occurrences.map((occurrence) => ({
		occurrence,
		kept: rankCandidates(occurrence.findings, index, budget, context),
		via: bestVia(occurrence.findings),
	}));

	// Group the same error found several times.
	const groups = new Map<string, Resolved[]>();
	for (const r of resolved) {
		const key = r.kept.map((k) => k.entry).join(',');
		const list = groups.get(key);
		if (list) list.push(r);
		else groups.set(key, [r]);
	}
	const ordered = [...groups.values()].sort(
		(a, b) => tier(a) - tier(b) || a[0]!.occurrence.pos - b[0]!.occurrence.pos,
	);

	const matches: Match[] = [];
	const groupList: Group[] = [];
	ordered.forEach((list, g) => {
		const group: Group = { matches: [], count: list.length };
		const via = bestVia(list.flatMap((r) => r.occurrence.findings));
		for (const candidate of list[0]!.kept) {
			const entry = index.entries[candidate.entry]!;
			const match: Match = {
				product: index.products[entry.product]!.data.id,
				code: entry.code,
				path: entry.path,
				params: {},
				via,
				count: list.length,
				group: g,
			};
			if (list[0]!.kept.length > 1) match.ambiguous = true;
			// Values from the first occurrence that has them.
			for (const r of list) {
				const k = r.kept.find((x) => x.entry === candidate.entry);
				if (k && Object.keys(k.params).length) {
					match.params = k.params;
					break;
				}
			}
			// The message it was seen with, when that is another than the entry's own.
			const template = list.flatMap((r) => r.kept.filter((x) => x.entry === candidate.entry && x.template !== undefined))[0]?.template;
			const seen = template === undefined ? undefined : index.templates.templates[template]!.text;
			if (seen !== undefined && seen !== entry.data.message) match.template = seen;
			const facts = (pick: (f: Finding) => unknown): unknown => {
				for (const r of list) for (const f of r.occurrence.findings) if (pick(f) !== undefined) return pick(f);
				return undefined;
			};
			const status = facts((f) => f.status) as number | undefined;
			if (status !== undefined) match.status = status;
			const retryable = facts((f) => f.retryable) as boolean | undefined;
			if (retryable !== undefined) match.retryable = retryable;
			const retryAfterMs = facts((f) => f.retryAfterMs) as number | undefined;
			if (retryAfterMs !== undefined) match.retryAfterMs = retryAfterMs;
			const hint = facts((f) => f.hint) as string | undefined;
			if (hint !== undefined) match.hint = hint;
			// A payload's own message first, then one written after the code in a line.
			const text = (facts((f) => (f.source === 'json' ? f.text : undefined)) ?? facts((f) => f.text)) as string | undefined;
			if (text !== undefined) match.text = text;
			for (const r of list) {
				const k = r.kept.find((x) => x.entry === candidate.entry);
				if (k?.detailsPresent?.length) {
					match.detailsPresent = k.detailsPresent;
					break;
				}
			}
			const reported = reportedOf(
				facts((f) => f.details) as Finding['details'],
				facts((f) => f.correlation) as Finding['correlation'],
				match.params,
				budget.limits.maxValueChars,
			);
			if (reported.length) match.reported = reported;
			const chain = facts((f) => f.cause) as Finding[] | undefined;
			if (chain?.length) match.cause = chain.map((c) => causeLink(c, index, budget));
			group.matches.push(matches.length);
			matches.push(match);
		}
		groupList.push(group);
	});

	const matchedCodes = new Set(matches.map((m) => m.code));
	const suggestions: Suggestion[] = [];
	const asked = new Set<string>();
	for (const unknown of scanned.unknowns) {
		const key = `${unknown.input.toUpperCase()}\u0000${unknown.product ?? ''}\u0000${unknown.slug ? 1 : 0}`;
		if (asked.has(key) || matchedCodes.has(unknown.input.toUpperCase())) continue;
		if (asked.size >= budget.limits.maxUnknownCodes) break;
		asked.add(key);
		for (const s of suggest(unknown, index)) {
			if (!matchedCodes.has(s.code) && !suggestions.some((x) => x.path === s.path && x.input === s.input)) suggestions.push(s);
		}
	}
	// Nothing matched: codes the paste spells out in words (`container not found`) are worth offering.
	if (!matches.length) {
		for (const s of spelledCodes(scanned.text, index)) if (!suggestions.some((x) => x.path === s.path)) suggestions.push(s);
	}
	suggestions.sort((a, b) => a.distance - b.distance);
	const unlisted: UnlistedCode[] = [];
	for (const u of scanned.unknowns) {
		if (!u.shaped || u.product === undefined || matchedCodes.has(u.input.toUpperCase())) continue;
		const product = index.products[u.product]!.data.id;
		if (!unlisted.some((x) => x.code === u.input && x.product === product)) unlisted.push({ code: u.input, product });
	}

	const result: DecodeResult = { matches, suggestions, unlisted, groups: groupList, truncated: budget.hit.size > 0 };
	if (budget.hit.size) result.truncatedBy = [...budget.hit];
	if (budget.hit.has('input')) result.inputChars = inputChars;
	return result;
}

function tier(list: Resolved[]): number {
	return list.some((r) => r.via !== 'mention') ? 0 : 1;
}

function bestVia(findings: Finding[]): Via {
	let best = VIA_ORDER.length - 1;
	for (const f of findings) best = Math.min(best, VIA_ORDER.indexOf(f.via));
	return VIA_ORDER[best]!;
}

/** Scores each candidate entry with every hint the findings carry; keeps those not ruled out. */
function rankCandidates(findings: Finding[], index: DecoderIndex, budget: Budget, context?: ReadonlySet<number>): Ranked[] {
	const candidates = new Set<number>();
	for (const f of findings) for (const c of f.candidates) candidates.add(c);
	const first = <T>(pick: (f: Finding) => T | undefined): T | undefined => {
		for (const f of findings) {
			const v = pick(f);
			if (v !== undefined) return v;
		}
		return undefined;
	};
	const status = first((f) => f.status);
	const details = first((f) => f.details);
	const pairs = first((f) => f.pairs);
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
		for (const id of candidates) for (const t of index.entries[id]!.terms) seen.set(t, seen.has(t) ? -1 : id);
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
		for (const f of findings) {
			if (f.exact && f.candidates.includes(id)) score += SCORE.exact;
			// The paste names this code: a template that another code shares does not outweigh that.
			else if (f.code !== undefined && f.candidates.includes(id) && f.code.toUpperCase() === entry.code) score += SCORE.codeNamed;
			const read = f.templated?.get(id);
			if (read) {
				score += SCORE.template;
				params = { ...params, ...read.params };
				template ??= read.template;
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
			if (detailsPresent.length && entry.details.every((d) => d.optional || has(d.name))) score += SCORE.detailsAll;
			for (const name of detailsPresent) {
				const node = details?.node.fields.get(name);
				const value = node ? detailValue(node, details!.src, budget.limits.maxValueChars) : pairs?.get(name);
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
		if (detailsPresent?.length) ranked1.detailsPresent = detailsPresent;
		ranked.push(ranked1);
	}
	ranked.sort((a, b) => b.score - a.score || a.entry - b.entry);
	const top = ranked[0]?.score ?? 0;
	return ranked.filter((r) => r.score > top - DECIDED);
}

/** `details` fields shown at most: enough for support, bounded for a payload with thousands. */
const MAX_REPORTED = 20;

/** The payload's `details` fields not read as params, then its correlation ids. */
function reportedOf(details: Finding['details'], correlation: Finding['correlation'], params: Record<string, string>, max: number): { name: string; value: string }[] {
	const reported: { name: string; value: string }[] = [];
	if (details) {
		for (const [name, node] of details.node.fields) {
			if (reported.length >= MAX_REPORTED) break;
			if (Object.hasOwn(params, name) || name.length > 64) continue;
			const value = detailValue(node, details.src, max);
			if (value !== undefined) reported.push({ name: `details.${name}`, value });
		}
	}
	if (correlation) reported.push(...correlation);
	return reported;
}

/** A `details` value as written: a scalar's text, or the source of an object or array when short. */
function detailValue(node: JsonNode, src: string, max: number): string | undefined {
	if (node.kind === 'object' || node.kind === 'array') {
		const raw = src.slice(node.start, node.end);
		return raw.length <= max ? raw : undefined;
	}
	return node.text.length <= max ? node.text : undefined;
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
