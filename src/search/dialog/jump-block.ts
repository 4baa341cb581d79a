/**
 * The direct jump in the search dialog: the entries src/search/jump.ts offers for what the field
 * holds, as rows between the field and Pagefind's results. The first row is selected and the
 * arrow keys move the selection; Enter opens it (pending-enter.ts). The rows follow the field,
 * also when Pagefind empties it itself (Escape, its clear button).
 */
import { codeWrapNodes } from '../../site/code-wrap.ts';
import { linkWithValues } from '../../decode/share-fragment.ts';
import { visibleText } from '../../decode/text.ts';
import { isEntryPath } from '../../registry/urls.ts';
import type { JumpView } from '../jump.ts';

/** `block` is Search.astro's `.atlas-jump`; `find` says what to offer for a query. */
export function setupJumpBlock(block: HTMLElement, find: (query: string) => JumpView | undefined) {
	const title = block.querySelector('.atlas-jump-title')!;
	const list = block.querySelector('.atlas-jump-list')!;
	const template = block.querySelector('template')!;
	const hint = block.querySelector('.atlas-jump-hint')!;
	let jump: JumpView | undefined;
	let selected = 0;

	const render = () => {
		const rows = jump?.rows ?? [];
		list.replaceChildren(
			...rows.map((t, i) => {
				const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
				const row = item.querySelector('a')!;
				// The values read go with the link, in its fragment: the page shows the user's own error.
				row.href = linkWithValues({ path: t.path, params: t.values ?? {}, template: t.template });
				// A `<wbr>` after each underscore: the code wraps only there, as on the pages.
				row.querySelector('code')!.replaceChildren(...codeWrapNodes(t.code));
				row.querySelector('.atlas-jump-where')!.textContent = [t.product, t.category]
					.filter(Boolean)
					.join(' · ');
				row.querySelector('.atlas-jump-summary')!.textContent = t.summary;
				const values = Object.entries(t.values ?? {});
				const valuesEl = row.querySelector<HTMLElement>('.atlas-jump-values')!;
				// Values come from what was typed: their direction controls shown, never applied.
				valuesEl.textContent = visibleText(
					values.map(([name, value]) => `${name} = ${value}`).join(' · ')
				);
				valuesEl.hidden = values.length === 0;
				if (i === selected) row.setAttribute('aria-current', 'true');
				return item;
			})
		);
		const current = rows[selected];
		block.hidden = !current;
		if (jump) title.textContent = jump.title;
		hint.textContent = current
			? `Enter opens ${current.code} (${current.product})${rows.length > 1 ? '; ↑ ↓ choose another' : ''}.`
			: '';
	};

	/** Offers what `query` jumps to, the first row selected. */
	const show = (query: string) => {
		jump = find(query);
		selected = 0;
		render();
	};

	return {
		show,
		/**
		 * Drops a jump found by words only when the first full-text result (`first`, its URL) is
		 * another entry's page: Pagefind ranks words better, and the two must not disagree.
		 */
		reconcile(first: string | undefined) {
			if (!jump?.byWords || first === undefined) return;
			const path = new URL(first, location.href).pathname;
			if (isEntryPath(path) && !jump.rows.some((r) => r.path === path)) {
				jump = undefined;
				render();
			}
		},
		/** The page of the selected row. */
		selected: () => {
			const row = jump?.rows[selected];
			return (
				row && linkWithValues({ path: row.path, params: row.values ?? {}, template: row.template })
			);
		},
		/** Puts the block between Pagefind's field and its results, in `ui` (Pagefind's UI, built), and ties it to the field. */
		mount(ui: Element) {
			const input = ui.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
			const drawer = ui.querySelector('.pagefind-ui__drawer');
			if (!input || !drawer) return;
			drawer.before(block);
			input.setAttribute('aria-describedby', hint.id);
			input.addEventListener('input', () => show(input.value));
			// Pagefind empties the field itself on Escape and on its clear button, without an input event.
			const afterClear = () => setTimeout(() => show(input.value));
			input.addEventListener('keydown', (e) => e.key === 'Escape' && afterClear());
			ui.querySelector('.pagefind-ui__search-clear')?.addEventListener('click', afterClear);
			input.addEventListener('keydown', (e) => {
				const rows = jump?.rows ?? [];
				if (rows.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
					e.preventDefault();
					selected = (selected + (e.key === 'ArrowDown' ? 1 : rows.length - 1)) % rows.length;
					render();
				}
			});
		},
	};
}
