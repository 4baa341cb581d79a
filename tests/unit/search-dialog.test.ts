/**
 * The search dialog's rules that need no browser: how much of a direct jump the dialog shows under
 * which heading (src/search/jump.ts). The browser tests (tests/e2e/search.spec.ts) drive the same
 * rules through the real dialog.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JUMP_TITLES, MAX_JUMPS, jumpView, type JumpKind, type JumpRow } from '../../src/search/jump.ts';

describe('the direct jump as the dialog shows it', () => {
	const rows: JumpRow[] = Array.from({ length: MAX_JUMPS + 3 }, (_, i) => ({ code: `CODE_${i}`, product: 'p', path: `/p/errors/code-${i}/`, summary: '' }));

	it('shows at most MAX_JUMPS rows, the first ones', () => {
		assert.deepEqual(jumpView({ kind: 'prefix', rows })?.rows, rows.slice(0, MAX_JUMPS));
		assert.deepEqual(jumpView({ kind: 'code', rows: rows.slice(0, 2) })?.rows, rows.slice(0, 2));
	});

	it('heads the rows by the kind of jump, "Jump to" for a code', () => {
		for (const kind of Object.keys(JUMP_TITLES) as JumpKind[]) assert.equal(jumpView({ kind, rows })?.title, JUMP_TITLES[kind]);
		assert.equal(jumpView({ kind: 'code', rows })?.title, 'Jump to');
	});

	it('shows nothing when there is nothing to jump to', () => {
		assert.equal(jumpView(undefined), undefined);
	});
});
