/**
 * The search dialog's rules that need no browser: what Enter opens and when (a kept Enter,
 * src/search/dialog/pending-enter.ts), and how much of a direct jump the dialog shows under which
 * heading (src/search/jump.ts). The browser tests (tests/e2e/search.spec.ts) drive the same rules
 * through the real dialog.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	asksToOpen,
	pendingEnter,
	type EnterEvent,
	type EnterScene,
} from '../../src/search/dialog/pending-enter.ts';
import {
	JUMP_TITLES,
	MAX_JUMPS,
	jumpView,
	type JumpKind,
	type JumpRow,
} from '../../src/search/jump.ts';

const TYPED = 'port in use';
const JUMP = '/asymmetric/errors/port-in-use/';
const RESULT = '/asymmetric/';

/** The dialog once everything is in: Pagefind's field holds what was typed, the codes are loaded, nothing shown yet. */
const ready: EnterScene = {
	field: TYPED,
	codesSettled: true,
	jump: undefined,
	firstResult: undefined,
};

/** Runs the events from no Enter waiting; returns the pages opened, in order, and what is left waiting. */
function run(...events: EnterEvent[]): { opened: string[]; waiting: string | undefined } {
	let waiting: string | undefined;
	const opened: string[] = [];
	for (const event of events) {
		const step = pendingEnter(waiting, event);
		waiting = step.waiting;
		if (step.open) opened.push(step.open);
	}
	return { opened, waiting };
}

const enter = (scene: Partial<EnterScene>, text = TYPED): EnterEvent => ({
	type: 'enter',
	text,
	scene: { ...ready, ...scene },
});
const changed = (scene: Partial<EnterScene>): EnterEvent => ({
	type: 'changed',
	scene: { ...ready, ...scene },
});

describe('Enter in the search dialog', () => {
	it('opens the selected jump row rather than the first result', () => {
		assert.deepEqual(run(enter({ jump: JUMP, firstResult: RESULT })), {
			opened: [JUMP],
			waiting: undefined,
		});
	});

	it('opens the first result when there is nothing to jump to', () => {
		assert.deepEqual(run(enter({ firstResult: RESULT })), { opened: [RESULT], waiting: undefined });
	});

	it('waits while the codes are loading, though a result is shown: the jump they bring is what opens', () => {
		const loading = { codesSettled: false, firstResult: RESULT };
		assert.deepEqual(run(enter(loading)), { opened: [], waiting: TYPED });
		assert.deepEqual(run(enter(loading), changed({ jump: JUMP, firstResult: RESULT })).opened, [
			JUMP,
		]);
		// Loaded with no jump for it, or failed to load: the first result.
		assert.deepEqual(run(enter(loading), changed({ firstResult: RESULT })).opened, [RESULT]);
	});

	it("waits until Pagefind's field has taken over what was typed, then opens", () => {
		assert.deepEqual(run(enter({ field: undefined, firstResult: RESULT })), {
			opened: [],
			waiting: TYPED,
		});
		const early = enter({ field: undefined, codesSettled: false });
		assert.deepEqual(run(early), { opened: [], waiting: TYPED });
		assert.deepEqual(run(early, changed({ codesSettled: false })).opened, []);
		assert.deepEqual(run(early, changed({ codesSettled: false }), changed({ jump: JUMP })).opened, [
			JUMP,
		]);
	});

	it('waits for the first result when there is nothing yet, and opens it once shown', () => {
		const waited = run(enter({}), changed({}), changed({}));
		assert.deepEqual(waited, { opened: [], waiting: TYPED });
		assert.deepEqual(run(enter({}), changed({}), changed({ firstResult: RESULT })).opened, [
			RESULT,
		]);
	});

	it('opens nothing once the field no longer holds what Enter was pressed on, even when results come', () => {
		assert.deepEqual(
			run(
				enter({}),
				changed({ field: 'port in use and more', firstResult: RESULT }),
				changed({ firstResult: RESULT })
			),
			{
				opened: [],
				waiting: undefined,
			}
		);
		assert.deepEqual(
			run(enter({ codesSettled: false }), changed({ field: '', firstResult: RESULT })).opened,
			[]
		);
	});

	it('is dropped when the reader types on, presses Escape, closes the dialog or the page searches: a later result opens nothing', () => {
		assert.deepEqual(
			run(enter({}), { type: 'drop' }, changed({ jump: JUMP, firstResult: RESULT })),
			{ opened: [], waiting: undefined }
		);
	});

	it('opens once: what renders after it opened opens nothing more', () => {
		assert.deepEqual(
			run(enter({ firstResult: RESULT }), changed({ jump: JUMP, firstResult: RESULT })).opened,
			[RESULT]
		);
	});

	it('does nothing on a change when no Enter is waiting', () => {
		assert.deepEqual(run(changed({ jump: JUMP, firstResult: RESULT })), {
			opened: [],
			waiting: undefined,
		});
	});

	it('keeps the latest Enter: pressed again on other text, that text is what must still be in the field', () => {
		const again = enter({ field: undefined }, 'image not found');
		assert.deepEqual(run(enter({ field: undefined }), again), {
			opened: [],
			waiting: 'image not found',
		});
		assert.deepEqual(
			run(
				enter({ field: undefined }),
				again,
				changed({ field: 'image not found', firstResult: RESULT })
			).opened,
			[RESULT]
		);
	});
});

describe('which keys ask to open something', () => {
	const key = (key: string, more: { isComposing?: boolean; keyCode?: number } = {}) => ({
		key,
		isComposing: false,
		keyCode: 13,
		...more,
	});

	it('Enter on text does', () => {
		assert.equal(asksToOpen(key('Enter'), TYPED), true);
	});

	it('Enter on an empty or blank field does not', () => {
		for (const text of ['', '   ', '\t'])
			assert.equal(asksToOpen(key('Enter'), text), false, JSON.stringify(text));
	});

	it("the Enter that ends an input method's composition does not (Chromium: isComposing; Safari: keyCode 229)", () => {
		assert.equal(asksToOpen(key('Enter', { isComposing: true }), TYPED), false);
		assert.equal(asksToOpen(key('Enter', { keyCode: 229 }), TYPED), false);
	});

	it('other keys do not', () => {
		for (const name of ['ArrowDown', 'Escape', 'a'])
			assert.equal(asksToOpen(key(name, { keyCode: 0 }), TYPED), false, name);
	});
});

describe('the direct jump as the dialog shows it', () => {
	const rows: JumpRow[] = Array.from({ length: MAX_JUMPS + 3 }, (_, i) => ({
		code: `CODE_${i}`,
		product: 'p',
		path: `/p/errors/code-${i}/`,
		summary: '',
	}));

	it('shows at most MAX_JUMPS rows, the first ones', () => {
		assert.deepEqual(jumpView({ kind: 'prefix', rows })?.rows, rows.slice(0, MAX_JUMPS));
		assert.deepEqual(jumpView({ kind: 'code', rows: rows.slice(0, 2) })?.rows, rows.slice(0, 2));
	});

	it('heads the rows by the kind of jump, "Jump to" for a code', () => {
		for (const kind of Object.keys(JUMP_TITLES) as JumpKind[])
			assert.equal(jumpView({ kind, rows })?.title, JUMP_TITLES[kind]);
		assert.equal(jumpView({ kind: 'code', rows })?.title, 'Jump to');
	});

	it('shows nothing when there is nothing to jump to', () => {
		assert.equal(jumpView(undefined), undefined);
	});
});
