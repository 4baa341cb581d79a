/**
 * Checks a served site's links with linkinator, a maintained link checker: it starts from every
 * page of the built site (so pages no link leads to are checked too), follows every internal
 * link, and checks that each page answers and each `#anchor` names an element of the page it
 * points to. Links to the site's own origin (canonical URLs,
 * Open Graph) are checked against the served copy; links elsewhere are left alone (no network).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';

export interface BrokenLink {
	/** The page the link is on. */
	page: string;
	link: string;
	reason: string;
}

/** The site origin a built site was made for, from its home page's canonical link. */
export function canonicalOrigin(homeHtml: string): string | undefined {
	const href = /<link rel="canonical" href="([^"]+)"/.exec(homeHtml)?.[1];
	return href ? new URL(href).origin : undefined;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The URL path of every HTML page of a built site: `a/index.html` → `/a/`, `404.html` → `/404.html`. */
export function pagePaths(dist: string): string[] {
	return readdirSync(dist, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html'))
		.map((d) =>
			`/${relative(dist, join(d.parentPath, d.name)).split(sep).join('/')}`.replace(
				/(^|\/)index\.html$/,
				'$1'
			)
		)
		.sort();
}

/**
 * Every broken internal link and anchor of the site served at `base` (built for `siteOrigin`),
 * starting from `pages` (paths) and following every internal link from there.
 */
export async function brokenLinks(
	base: string,
	pages: readonly string[],
	siteOrigin?: string
): Promise<BrokenLink[]> {
	const origin = new URL(base).origin;
	const result = await new LinkChecker().check({
		path: pages.map((p) => new URL(p, base).href),
		recurse: true,
		checkFragments: true,
		concurrency: 20,
		timeout: 10_000,
		urlRewriteExpressions:
			siteOrigin && siteOrigin !== origin
				? [{ pattern: new RegExp(`^${escapeRegExp(siteOrigin)}(?=/|$)`), replacement: origin }]
				: [],
		linksToSkip: async (link: string) => new URL(link).origin !== origin,
	});
	const local = (url: string | undefined) =>
		url?.startsWith(origin) ? url.slice(origin.length) || '/' : (url ?? '(start)');
	return result.links
		.filter((l) => l.state === LinkState.BROKEN)
		.map((l) => ({
			page: local(l.parent),
			link: local(l.url),
			reason: l.failureDetails?.some((d) => d instanceof Error && d.message.includes('Fragment'))
				? 'no element has this id'
				: `HTTP ${l.status ?? 'error'}`,
		}));
}

/** One line per broken link, grouped by what is wrong, for a test failure. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
	return broken.map((b) => `${b.page} links to ${b.link}: ${b.reason}`).join('\n');
}
