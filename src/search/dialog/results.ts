/**
 * What the search dialog changes in Pagefind's results each time Pagefind renders them, watched
 * by one observer of its UI:
 *
 * - Pagefind lists filter values in byte order, so the lower-case product `asymmetric` comes
 *   after every capitalised one: they are put in case-insensitive order. Its UI gives each row the
 *   same value on every render (it lists every value, with its count), so moving rows leaves each
 *   with its own checkbox and count.
 * - A result's title is its page's heading: on an entry page, a code, which Pagefind shows as one
 *   unbreakable word, wider than a phone's dialog. Each title gets its wrap points once shown.
 *   Results are keyed by page, and a page's title never changes, so Pagefind has no later text
 *   to put in the title it rendered. Sub-results' titles (section headings, which change with the
 *   query) are left as they are.
 */
import { codeWrapNodes, codeWrapParts } from '../../site/code-wrap.ts';

const byLabel = (a: Element, b: Element) =>
	(a.querySelector('input')?.value ?? '').localeCompare(
		b.querySelector('input')?.value ?? '',
		undefined,
		{ sensitivity: 'base' }
	);

function sortFilterValues(ui: Element) {
	for (const group of ui.querySelectorAll('.pagefind-ui__filter-group')) {
		const rows = [...group.querySelectorAll(':scope > .pagefind-ui__filter-value')];
		const sorted = rows.toSorted(byLabel);
		if (sorted.some((row, i) => row !== rows[i])) group.append(...sorted);
	}
}

function wrapResultTitles(ui: Element) {
	for (const link of ui.querySelectorAll(
		'.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link'
	)) {
		const title = link.textContent ?? '';
		// A title with no wrap point is left as it is: rewriting it would wake the observer again.
		if (!link.querySelector('wbr') && codeWrapParts(title).length > 1)
			link.replaceChildren(...codeWrapNodes(title));
	}
}

/** After each change to Pagefind's UI `ui` (`#starlight__search`), tidies it, then calls `onRender`. */
export function setupResults(ui: Element, onRender: () => void) {
	new MutationObserver(() => {
		sortFilterValues(ui);
		wrapResultTitles(ui);
		onRender();
	}).observe(ui, { childList: true, subtree: true });
}

/** The page of the first full-text result Pagefind shows (not a later one that rendered first). */
export function firstResult(ui: Element): string | undefined {
	return ui.querySelector<HTMLAnchorElement>(
		'.pagefind-ui__results > .pagefind-ui__result:first-child .pagefind-ui__result-title > .pagefind-ui__result-link'
	)?.href;
}
