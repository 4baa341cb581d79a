/**
 * Where a short link leads, and in how many hops: one. `/e/<code>/` in any spelling a person
 * types (`/e/Port_In_Use`, `/e/port-in-use/`) names a code by its code key (the search dialog's
 * rule, src/decode/code-key.ts), and goes straight to the code's page — or, for a code several
 * entries share, to the page listing them (src/pages/e/[code].astro). The static pages of the build,
 * the redirects it writes for static hosts (src/site/host-redirects.ts) and `npm start`
 * (scripts/serve.ts) all ask this module, so they cannot disagree.
 */
import { codeKey } from '../decode/code-key.ts';
import {
	SHORT_LINK_PREFIX,
	shortLinkPath,
	shortLinkSegment,
	slugForCode,
} from '../registry/urls.ts';

/** An entry as a short link needs it: its code and its page. */
export interface CodeAddress {
	code: string;
	path: string;
}

/** Where the short link of `code` leads, given the pages of the entries that have it. */
export function shortLinkTarget(code: string, paths: readonly string[]): string {
	return paths.length === 1 ? paths[0]! : shortLinkPath(code);
}

/** Code → where its short link leads, for every code of the entries. */
export function shortLinkTargets(entries: Iterable<CodeAddress>): Map<string, string> {
	const paths = new Map<string, string[]>();
	for (const { code, path } of entries) paths.set(code, [...(paths.get(code) ?? []), path]);
	return new Map([...paths].map(([code, list]) => [code, shortLinkTarget(code, list)]));
}

/**
 * Where a request for `pathname` is sent when it is a short link to a known code in any spelling,
 * with or without its trailing slash; undefined when it is no short link, names no known code (the
 * 404 page answers it, with close codes), or is already the place its code leads to.
 */
export function shortLinkRedirect(
	pathname: string,
	targets: ReadonlyMap<string, string>
): string | undefined {
	// `/E/PORT_IN_USE`: the prefix too may be typed in another case.
	const prefix = pathname.slice(0, SHORT_LINK_PREFIX.length);
	if (prefix.toLowerCase() !== SHORT_LINK_PREFIX) return undefined;
	const typed = shortLinkSegment(SHORT_LINK_PREFIX + pathname.slice(prefix.length));
	if (typed === undefined) return undefined;
	const to = targets.get(codeKey(typed));
	return to === undefined || to === pathname ? undefined : to;
}

/** The spellings of a code's short link the build writes a page at (src/pages/e/[code].astro), which leads on by a meta refresh. */
export function pageSpellings(code: string): string[] {
	return [...new Set([code, code.toLowerCase()])];
}

/**
 * The spellings of a code's short link that a host which matches paths exactly is given a rule
 * for, most wanted first: kebab case as in page URLs (no page exists there), then those the build
 * writes a page at (pageSpellings).
 */
export function shortLinkSpellings(code: string): string[] {
	return [...new Set([slugForCode(code), ...pageSpellings(code)])];
}
