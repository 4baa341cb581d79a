/** The order statistics every benchmark reports its samples by, computed one way. */

/** The sample at fraction `p` (0.5: the median, 0.99: p99) of samples sorted in ascending order. */
export function percentile<T>(sorted: readonly T[], p: number): T {
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Numbers sorted in ascending order, as a new array. */
export function ascending(samples: readonly number[]): number[] {
	return [...samples].sort((a, b) => a - b);
}
