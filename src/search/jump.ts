/**
 * The direct jump of the search dialog: the entries to offer above the full-text results for what
 * was typed, and why. What typed text names is the decoder's one reading of a query (readQuery):
 * the code itself, what the decoder reads in it, the codes it begins, is part of, misspells or
 * writes out, the entries that use its words. Pure, so the tests can ask it what the dialog would
 * offer; the dialog drops a jump by words that the first full-text result contradicts
 * (dialog/jump-block.ts), so a jump never stands above a better answer.
 */
import { readQuery, type DecoderData, type QueryHit, type QueryKind } from '../decode/index.ts';
import { codeTargets } from './code-index.ts';
import type { CodeTarget } from './code-query.ts';

export type JumpKind = QueryKind;

export interface JumpRow extends CodeTarget, Pick<QueryHit, 'values' | 'template'> {}

export interface Jump {
	kind: JumpKind;
	rows: JumpRow[];
}

/** What the dialog says above the rows, for each kind. */
export const JUMP_TITLES: Record<JumpKind, string> = {
	code: 'Jump to',
	decoded: 'Decoded from what you typed',
	prefix: 'Codes that begin with this',
	contains: 'Codes that contain this',
	spelled: 'Did you mean',
	typo: 'Did you mean',
	words: 'Entries that use these words',
	message: 'Did you mean',
};

/** How many rows the dialog shows; the full-text results below list the rest. */
export const MAX_JUMPS = 6;

/** A jump as the dialog shows it: its heading and its first rows. */
export interface JumpView {
	title: string;
	rows: JumpRow[];
	/** Found by words only: the first full-text result, when it is another entry, is the better answer. */
	byWords: boolean;
}

export function jumpView(jump: Jump | undefined): JumpView | undefined {
	return (
		jump && {
			title: JUMP_TITLES[jump.kind],
			rows: jump.rows.slice(0, MAX_JUMPS),
			byWords: jump.kind === 'words',
		}
	);
}

/** The entries `query` names (`limit` at most), of the kind of the best of them: rows under one heading say one thing. */
export function jumpFor(
	query: string,
	data: DecoderData,
	targets: readonly CodeTarget[] = codeTargets(data),
	limit = MAX_JUMPS
): Jump | undefined {
	const hits = readQuery(query, data, limit);
	const kind = hits[0]?.kind;
	if (kind === undefined) return undefined;
	const byPath = new Map(targets.map((t) => [t.path, t]));
	const rows: JumpRow[] = [];
	for (const hit of hits) {
		const target = byPath.get(hit.path);
		if (hit.kind !== kind || !target) continue;
		const row: JumpRow = { ...target };
		if (hit.values) row.values = hit.values;
		if (hit.template !== undefined) row.template = hit.template;
		rows.push(row);
	}
	return { kind, rows };
}
