/**
 * Links to this site's pages in text, whatever the host: an entry's page
 * (`/<product>/errors/<slug>/`) and a short link (`/e/<CODE>/`). Only a path alone or an http(s)
 * link counts: a `javascript:` or `data:` link that holds a page's path is no evidence.
 */
import type { DecoderIndex } from './lookup.ts';
import { isQuote, isSpace, isWordChar } from './normalize.ts';
import { ENTRY_SEGMENT, SHORT_LINK_PREFIX } from '../registry/urls.ts';

export interface PageRef {
	start: number;
	end: number;
	/** The entry a `/<product>/errors/<slug>/` link names. */
	entry?: number;
	/** The entries a `/e/<CODE>/` link names (several where products share the code). */
	candidates?: number[];
	/** The product of an `/errors/` link, also when its slug is unknown. */
	product?: number;
	slug?: string;
	code?: string;
}

/** The first link to a page of this site in `folded` at or after `from`, whatever the host. */
export function pageUrl(folded: string, from: number, index: DecoderIndex): PageRef | undefined {
	for (let at = from; at < folded.length;) {
		const errors = folded.indexOf(ENTRY_SEGMENT, at);
		const short = folded.indexOf(SHORT_LINK_PREFIX, at);
		if (errors < 0 && short < 0) return undefined;
		if (errors >= 0 && (short < 0 || errors < short)) {
			let p = errors;
			while (p > 0 && isSlugChar(folded.charCodeAt(p - 1))) p--;
			const productId = folded.slice(p, errors);
			const slugStart = errors + ENTRY_SEGMENT.length;
			let e = slugStart;
			while (e < folded.length && isSlugChar(folded.charCodeAt(e))) e++;
			// Less trailing dashes, counted back (`-+$` backtracks quadratically on a long run of them).
			let slugEnd = e;
			while (slugEnd > slugStart && folded.charCodeAt(slugEnd - 1) === 45) slugEnd--;
			const slug = folded.slice(slugStart, slugEnd);
			const product = index.productById.get(productId);
			if (
				product !== undefined &&
				slug &&
				(p === 0 || folded[p - 1] === '/') &&
				webLink(folded, p)
			) {
				return {
					start: p - (p > 0 ? 1 : 0),
					end: e,
					entry: index.bySlug.get(`${productId}/${slug}`),
					product,
					slug,
				};
			}
			at = slugStart;
		} else {
			const codeStart = short + SHORT_LINK_PREFIX.length;
			let e = codeStart;
			while (e < folded.length && isWordChar(folded.charCodeAt(e))) e++;
			const code = folded.slice(codeStart, e);
			if (code.length >= 2 && webLink(folded, short))
				return { start: short, end: e, candidates: index.byCode.get(code) ?? [], code };
			at = codeStart;
		}
	}
	return undefined;
}

/**
 * Whether the link whose path starts at `at` is a web link: a path alone, or after an http(s)
 * scheme. A `javascript:` or `data:` link that holds a page's path is no evidence of anything.
 */
function webLink(folded: string, at: number): boolean {
	let start = at;
	while (start > 0 && !isLinkEdge(folded.charCodeAt(start - 1))) start--;
	const token = folded.slice(start, at);
	const colon = token.indexOf(':');
	if (colon < 0) return true;
	let s = colon;
	while (s > 0 && /[a-z0-9+.-]/.test(token[s - 1]!)) s--;
	const scheme = token.slice(s, colon);
	return scheme === 'http' || scheme === 'https';
}

/** Where a link in text starts: after a space, a quote or an angle bracket. */
function isLinkEdge(c: number): boolean {
	return isSpace(c) || isQuote(c) || c === 10 || c === 60 || c === 62;
}

/** `[a-z0-9-]`, the characters of an id or slug in a (folded) URL. */
function isSlugChar(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}
