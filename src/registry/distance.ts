/**
 * Edit distance, for "did you mean" (registry field names, unknown codes in a paste). Its own
 * module, free of dependencies, because the browser decoder uses it too.
 */

/**
 * Levenshtein distance: insertions, deletions and substitutions, each costing 1. With `limit`,
 * any distance above it is reported as `limit + 1`, and the work stops as soon as it is certain:
 * comparing a typo with thousands of codes then costs little.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0]!;
		prev[0] = i;
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j]!;
			prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = up;
			if (prev[j]! < best) best = prev[j]!;
		}
		if (best > limit) return limit + 1;
	}
	return Math.min(prev[b.length]!, limit + 1);
}
