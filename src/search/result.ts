/**
 * How a Pagefind result is shown in the search dialog. Pagefind indexes a page's `<h1>` (the code,
 * on an entry page) as a sub-result of its own, `#_top`, and starts the page's excerpt with it: the
 * code would be read three times in one hit (title, sub-result, excerpt). Here the `#_top`
 * sub-result stands for the page itself, which Pagefind's UI shows as the hit's excerpt, and the
 * title is not repeated at the excerpt's start. Pure, so the tests can check it without a browser.
 */

/** The part of a Pagefind result the dialog shows (`PagefindSearchFragment`). */
export interface ResultData {
	url: string;
	excerpt: string;
	meta: { title?: string; [key: string]: string | undefined };
	sub_results?: { url: string; title: string; excerpt: string }[];
}

/** The anchor Starlight gives every page's `<h1>`. */
const TOP_ANCHOR = '#_top';

export function tidyResult<T extends ResultData>(result: T): T {
	const url = result.meta.url ?? result.url;
	const title = result.meta.title;
	const subs = result.sub_results?.map((s) => (s.url === url + TOP_ANCHOR ? { ...s, url, excerpt: withoutTitle(s.excerpt, title) } : s));
	// Pagefind's UI treats the first sub-result as the page itself when it has the page's address.
	const root = subs?.findIndex((s) => s.url === url) ?? -1;
	if (subs && root > 0) subs.unshift(...subs.splice(root, 1));
	return { ...result, excerpt: withoutTitle(result.excerpt, title), ...(subs ? { sub_results: subs } : {}) };
}

/** The excerpt without the title at its start (`<mark>HEALTH_TIMEOUT.</mark> asymmetric …` → `asymmetric …`). */
function withoutTitle(excerpt: string, title: string | undefined): string {
	if (!title) return excerpt;
	const plain = excerpt.replace(/^<mark>([^<]*)<\/mark>/, '$1');
	const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	for (const head of [`${escaped}. `, `${escaped} `]) {
		if (plain.startsWith(head) && plain.length > head.length) return plain.slice(head.length);
	}
	return excerpt;
}
