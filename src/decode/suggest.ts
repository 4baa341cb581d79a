/**
 * "Did you mean": the known codes (or page slugs) closest to an unknown one, by edit distance.
 * Codes are pre-filtered by shared bigrams (each edit changes at most two), so a registry of
 * thousands of codes is not compared in full for every typo.
 */
import { editDistance } from '../registry/distance.ts';
import type { Unknown } from './finding.ts';
import { bigramsOf, type DecoderIndex } from './lookup.ts';
import type { Suggestion } from './result.ts';

/** Suggestions per unknown code. */
const PER_INPUT = 3;

/** How far a suggestion may be: a typo or two, more for longer codes. */
function maxDistance(length: number): number {
	return Math.max(1, Math.floor(length / 4));
}

export function suggest(unknown: Unknown, index: DecoderIndex): Suggestion[] {
	const limit = maxDistance(unknown.input.length);
	const close: { id: number; distance: number }[] = [];
	if (unknown.slug) {
		const slug = unknown.input.toLowerCase();
		for (const e of index.entries) {
			if (e.product !== unknown.product || Math.abs(e.slug.length - slug.length) > limit) continue;
			const distance = editDistance(slug, e.slug);
			if (distance <= limit) close.push({ id: e.id, distance });
		}
	} else {
		const input = unknown.input.toUpperCase();
		const shared = new Map<number, number>();
		for (const g of bigramsOf(input)) for (const c of index.bigrams.get(g) ?? []) shared.set(c, (shared.get(c) ?? 0) + 1);
		const codes: { code: string; distance: number }[] = [];
		for (const [c, count] of shared) {
			const code = index.codes[c]!;
			if (Math.abs(code.length - input.length) > limit || count < Math.max(code.length, input.length) - 1 - 2 * limit) continue;
			const distance = editDistance(input, code);
			if (distance <= limit && distance > 0) codes.push({ code, distance });
		}
		for (const { code, distance } of codes) {
			for (const id of index.byCode.get(code.toLowerCase()) ?? []) {
				if (unknown.product === undefined || index.entries[id]!.product === unknown.product) close.push({ id, distance });
			}
		}
	}
	close.sort((a, b) => a.distance - b.distance || a.id - b.id);
	return close.slice(0, PER_INPUT).map(({ id, distance }) => {
		const e = index.entries[id]!;
		return { input: unknown.input, product: index.products[e.product]!.data.id, code: e.code, path: e.path, distance };
	});
}
