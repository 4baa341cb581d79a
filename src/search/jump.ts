/**
 * The direct jump of the search dialog: the entries to offer above the full-text results for what
 * was typed, and why. In order of certainty: the code itself (in any spelling); codes it begins,
 * when written like a code; what the decoder reads in it (a message with real values, a JSON
 * body, a `type` URI, a docs URL); and, when nothing matched, the decoder's "did you mean". Pure,
 * so the tests can ask it what the dialog would offer.
 */
import { decode, type DecoderData } from '../decode/index.ts';
import { codeTargets } from './code-index.ts';
import { looksLikeCode, matchCodes, type CodeTarget } from './code-query.ts';

export type JumpKind = 'code' | 'prefix' | 'decoded' | 'suggested';

export interface JumpRow extends CodeTarget {
	/** Values the decoder read from the text, by placeholder or `details` field. */
	values?: Record<string, string>;
}

export interface Jump {
	kind: JumpKind;
	rows: JumpRow[];
}

/** What the dialog says above the rows, for each kind. */
export const JUMP_TITLES: Record<JumpKind, string> = {
	code: 'Jump to',
	prefix: 'Codes that begin with this',
	decoded: 'Decoded from what you typed',
	suggested: 'Did you mean',
};

/** How many rows the dialog shows; the full-text results below list the rest. */
export const MAX_JUMPS = 6;

/** A jump as the dialog shows it: its heading and its first rows. */
export interface JumpView {
	title: string;
	rows: JumpRow[];
}

export function jumpView(jump: Jump | undefined): JumpView | undefined {
	return jump && { title: JUMP_TITLES[jump.kind], rows: jump.rows.slice(0, MAX_JUMPS) };
}

/** Below this, typed text is too short to decode to anything but noise. */
const MIN_DECODE_LENGTH = 4;

export function jumpFor(
	query: string,
	data: DecoderData,
	targets: readonly CodeTarget[] = codeTargets(data)
): Jump | undefined {
	const { exact, prefix } = matchCodes(query, targets);
	if (exact.length) return { kind: 'code', rows: exact };
	if (looksLikeCode(query) && prefix.length) return { kind: 'prefix', rows: prefix };
	if (query.trim().length < MIN_DECODE_LENGTH) return undefined;

	const result = decode(query, data);
	const byPath = new Map(targets.map((t) => [t.path, t]));
	const rows: JumpRow[] = [];
	for (const match of result.matches) {
		const target = byPath.get(match.path);
		if (!target || rows.some((r) => r.path === match.path)) continue;
		rows.push(Object.keys(match.params).length ? { ...target, values: match.params } : target);
	}
	if (rows.length) return { kind: 'decoded', rows };
	const suggested = result.suggestions.flatMap((s) => byPath.get(s.path) ?? []);
	return suggested.length ? { kind: 'suggested', rows: [...new Set(suggested)] } : undefined;
}
