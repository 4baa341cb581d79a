/**
 * One decode: normalise (normalize.ts) → payloads (json.ts, payload.ts) → messages (templates.ts)
 * and codes and links (mentions.ts) → rank (rank.ts), "did you mean" (suggest.ts).
 */
import type { DecoderData } from './data.ts';
import { Budget, LIMITS, type Limits } from './limits.ts';
import { indexOf } from './lookup.ts';
import { rank } from './rank.ts';
import type { DecodeResult } from './result.ts';
import { codeNamed } from './query-text.ts';
import { scan, type Scanned } from './scan.ts';

/**
 * Decodes a paste against the registry's decoder data. Never throws; stays within `limits`
 * (defaults: LIMITS), and says so with `truncated` when a bound cut reading short.
 */
export function decode(text: string, data: DecoderData, limits?: Partial<Limits>): DecodeResult {
	const budget = new Budget(limits ? { ...LIMITS, ...limits } : LIMITS);
	const index = indexOf(data);
	const input = typeof text === 'string' ? text : String(text ?? '');
	const named = codeNamed(input, index);
	const scanned = named.length ? codeOnly(input, named) : scan(input, index, budget);
	return rank(scanned, index, budget, input.length);
}

/**
 * A short paste that is a code in any spelling (`image digest mismatch`, `smithers run not
 * found`) is that code: read as the code written once, not also as words some message holds.
 */
function codeOnly(text: string, ids: number[]): Scanned {
	return {
		text,
		findings: [{ pos: 0, source: 'mention', via: 'code', code: text, candidates: ids }],
		unknowns: [],
		lineStarts: [0],
		lineStatus: new Map(),
	};
}
