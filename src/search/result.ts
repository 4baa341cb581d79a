/**
 * How a Pagefind result is shown in the search dialog. Pagefind indexes a page's `<h1>` (the code,
 * on an entry page) as a sub-result of its own, `#_top`, whose excerpt begins with it again: the
 * code would be read three times in one hit. Here that sub-result goes. When other sections of the
 * page matched, they are the hit's lines; when only the top did, it stands for the page itself,
 * which Pagefind's UI shows as the page's excerpt, without the title at its start. Pure, so the
 * tests can check it without a browser.
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
	const subs = result.sub_results;
	if (!subs?.some((s) => s.url === url + TOP_ANCHOR)) return result;
	const others = subs.filter((s) => s.url !== url + TOP_ANCHOR);
	if (others.length) return { ...result, sub_results: others };
	// Pagefind's UI shows the page's excerpt when the first sub-result has the page's own address.
	const excerpt = withoutTitle(result.excerpt, result.meta.title);
	return { ...result, excerpt, sub_results: [{ ...subs[0]!, url, excerpt }] };
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
