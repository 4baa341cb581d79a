/**
 * Enter in the search dialog opens the selected jump row, else the first full-text result. An
 * Enter pressed before there is anything to open — Pagefind's field not built yet, the decoder
 * data still loading (a jump may yet come), no result shown yet — is kept, and carried out once
 * there is; it is dropped when the reader types on, presses Escape or closes the dialog, or the
 * page starts a search of its own. The rules are the pure `pendingEnter`; `setupPendingEnter` feeds it
 * the dialog's events.
 */

/** What the dialog shows at the moment an Enter is pressed or something changes. */
export interface EnterScene {
	/** What Pagefind's field holds, once it has taken over from the early field (undefined before). */
	field: string | undefined;
	/** Whether loading the decoder data has ended, loaded or failed: until then a jump may yet come. */
	codesSettled: boolean;
	/** The page of the selected jump row. */
	jump: string | undefined;
	/** The page of the first full-text result, once Pagefind shows it (not a later one that rendered first). */
	firstResult: string | undefined;
}

export type EnterEvent =
	/** Enter pressed on what a field holds (see asksToOpen). */
	| { type: 'enter'; text: string; scene: EnterScene }
	/** Something the Enter may wait for changed: the field was handed over, the codes settled, results rendered. */
	| { type: 'changed'; scene: EnterScene }
	/** The reader typed on, pressed Escape or closed the dialog, or the page started a search. */
	| { type: 'drop' };

export interface EnterStep {
	/** The text of the Enter still waiting, if one is. */
	waiting: string | undefined;
	/** The page to open now. */
	open?: string;
}

export function pendingEnter(waiting: string | undefined, event: EnterEvent): EnterStep {
	switch (event.type) {
		case 'drop':
			return { waiting: undefined };
		case 'enter':
			return carryOut(event.text, event.scene);
		case 'changed':
			return waiting === undefined ? { waiting } : carryOut(waiting, event.scene);
	}
}

function carryOut(text: string, scene: EnterScene): EnterStep {
	if (scene.field === undefined || !scene.codesSettled) return { waiting: text };
	// The field no longer holds what Enter was pressed on (moved on, or cleared): nothing to open.
	if (scene.field !== text) return { waiting: undefined };
	const open = scene.jump ?? scene.firstResult;
	return open ? { waiting: undefined, open } : { waiting: text };
}

/**
 * Whether a key pressed in a field holding `text` asks to open something: Enter, not on an empty
 * field, and not the Enter that ends an IME's composition (Safari sends that one with keyCode 229).
 */
export function asksToOpen(
	e: Pick<KeyboardEvent, 'key' | 'isComposing' | 'keyCode'>,
	text: string
): boolean {
	return e.key === 'Enter' && !e.isComposing && e.keyCode !== 229 && text.trim() !== '';
}

/**
 * Keeps the Enter of the fields given to `listen` by the rules above, reading the dialog through
 * `scene`; `changed` is called whenever what the scene reads may have changed.
 */
export function setupPendingEnter(
	scene: () => EnterScene,
	open: (page: string) => void = (page) => location.assign(page)
) {
	let waiting: string | undefined;
	const dispatch = (event: EnterEvent) => {
		const step = pendingEnter(waiting, event);
		waiting = step.waiting;
		if (step.open) open(step.open);
	};
	return {
		listen(field: HTMLInputElement) {
			field.addEventListener('keydown', (e) => {
				if (e.key === 'Escape') dispatch({ type: 'drop' });
				if (!asksToOpen(e, field.value)) return;
				e.preventDefault();
				dispatch({ type: 'enter', text: field.value, scene: scene() });
			});
			// Typing on asks for something else; the field's own hand-over (not trusted) does not.
			field.addEventListener('input', (e) => e.isTrusted && dispatch({ type: 'drop' }));
		},
		changed: () => waiting !== undefined && dispatch({ type: 'changed', scene: scene() }),
		drop: () => dispatch({ type: 'drop' }),
	};
}
