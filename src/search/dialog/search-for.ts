/**
 * Opens the site's search dialog on a search, as if typed: what a page asks for when what the
 * user brought found nothing there (a short link to no code, a paste that decodes to nothing).
 * Search.astro listens; set on the element too for a click before its script is up.
 */
export function askSearch(term: string): void {
	const dialog = document.querySelector<HTMLElement>('site-search');
	if (!dialog) return;
	dialog.dataset.searchFor = term;
	dialog.dispatchEvent(new CustomEvent('atlas:search-for', { detail: term }));
}
