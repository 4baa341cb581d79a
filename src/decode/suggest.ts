/**
 * What matched nothing: "did you mean" for the unknown codes of a paste (the known codes near
 * each, or the page near an unknown slug of a docs link), and, when nothing in a short paste
 * matched, what it names read as a query (query-text.ts); and the codes written the way a product
 * writes its own that the registry does not list.
 */
import { editDistance } from '../registry/distance.ts';
import type { Unknown } from './finding.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import { maxDistance, nearCodes, nearRank } from './near-codes.ts';
import { isShortQuery, readText } from './query-text.ts';
import type { Match, Suggestion, UnlistedCode } from './result.ts';
import type { Scanned } from './scan.ts';

/**
 * The known codes (or page slugs) near an unknown one, best first, `max` at most. `parts`: the
 * paste is short enough to be a query, so a code cut short or a part of one counts too.
 */
export function suggest(
	unknown: Unknown,
	index: DecoderIndex,
	max: number,
	parts: boolean
): Suggestion[] {
	const out: Suggestion[] = [];
	const add = (id: number, s: Pick<Suggestion, 'kind' | 'distance'>) => {
		const e = index.entries[id]!;
		if (unknown.product !== undefined && e.product !== unknown.product) return;
		out.push({
			input: unknown.input,
			product: index.products[e.product]!.data.id,
			code: e.code,
			path: e.path,
			...s,
		});
	};
	if (unknown.slug) {
		const slug = unknown.input.toLowerCase();
		const limit = maxDistance(slug.length);
		const close: { id: number; distance: number }[] = [];
		for (const e of index.entries) {
			const distance = editDistance(slug, e.slug, limit);
			if (distance <= limit) close.push({ id: e.id, distance });
		}
		close.sort((a, b) => a.distance - b.distance || a.id - b.id);
		for (const { id, distance } of close) add(id, { kind: 'typo', distance });
	} else {
		for (const near of nearCodes(unknown.input.toUpperCase(), index, parts))
			for (const id of index.byCode.get(near.code.toLowerCase()) ?? [])
				add(id, { kind: near.kind, distance: near.distance });
	}
	return out.slice(0, max);
}

/** The order of suggestions across a paste's unknown codes: nearRank's; a code written out, words or a message never come from one. */
function order(s: Suggestion): number {
	return s.kind === 'spelled' || s.kind === 'words' || s.kind === 'message'
		? 10
		: nearRank(s.kind, s.distance);
}

/**
 * What the paste names that matched nothing: "did you mean" for its unknown codes (and, when
 * nothing matched at all in a short paste, what it names read as a query), and the codes
 * written the way a product writes its own that the registry does not list.
 */
export function unmatched(
	scanned: Scanned,
	matches: readonly Match[],
	index: DecoderIndex,
	budget: Budget,
	possible: readonly Suggestion[] = []
): { suggestions: Suggestion[]; unlisted: UnlistedCode[] } {
	const matchedCodes = new Set(matches.map((m) => m.code));
	const suggestions: Suggestion[] = [];
	const push = (s: Suggestion) => {
		if (
			!matchedCodes.has(s.code) &&
			!suggestions.some((x) => x.path === s.path && x.input === s.input)
		)
			suggestions.push(s);
	};
	const short = !matches.length && isShortQuery(scanned.text);
	const asked = new Set<string>();
	for (const unknown of scanned.unknowns) {
		const key = `${unknown.input.toUpperCase()}\u0000${unknown.product ?? ''}\u0000${unknown.slug ? 1 : 0}`;
		if (asked.has(key) || matchedCodes.has(unknown.input.toUpperCase())) continue;
		if (asked.size >= budget.limits.maxUnknownCodes) break;
		asked.add(key);
		for (const s of suggest(unknown, index, budget.limits.maxSuggestions, short)) push(s);
	}
	suggestions.sort((a, b) => order(a) - order(b));
	// Messages read from a few common words (possible.ts) first, one per entry: the paste's own words name them.
	const messages: Suggestion[] = [];
	for (const s of possible) {
		if (messages.length >= budget.limits.maxSuggestions) break;
		if (!matchedCodes.has(s.code) && !messages.some((x) => x.path === s.path)) messages.push(s);
	}
	suggestions.unshift(...messages);
	// Then the paste read whole, in its own order (readText).
	if (short)
		for (const s of readText(scanned.text, index, budget)) {
			// Words are the weakest reading: a code near an unknown one in the paste is the answer.
			if (s.kind === 'words' && suggestions.length) break;
			if (!suggestions.some((x) => x.path === s.path)) suggestions.push(s);
		}
	const unlisted: UnlistedCode[] = [];
	for (const u of scanned.unknowns) {
		if (!u.shaped || u.product === undefined || matchedCodes.has(u.input.toUpperCase())) continue;
		const product = index.products[u.product]!.data.id;
		if (!unlisted.some((x) => x.code === u.input && x.product === product))
			unlisted.push({ code: u.input, product });
	}

	return { suggestions, unlisted };
}
