/**
 * The redirects a static host serves as real HTTP redirects, written by the build as `_redirects`
 * (src/integrations/redirects.ts): the file Netlify, Cloudflare Pages and Cloudflare Workers'
 * static assets read, one `from to status` rule a line. Without it a host answers a short link in
 * a spelling the build wrote no page for with the 404 page (whose script sends it on), and the
 * spellings it did write with a page that leads on by a meta refresh.
 *
 * What those hosts do, and what follows for the rules:
 * - Cloudflare matches a rule's path exactly (case and trailing slash), and follows a rule even
 *   where a file exists: so each spelling gets a rule with and without its slash.
 * - Netlify matches with or without the trailing slash, and serves an existing file instead of an
 *   unforced rule ("shadowing"). Forcing (`301!`) is Netlify's alone: Cloudflare ignores a rule
 *   whose status is not a number. So rules are unforced; on Netlify the spellings the build wrote
 *   a page for keep their meta refresh, and the others redirect.
 * - Neither documents case-insensitive matching, and a code key cannot be written as a splat or
 *   placeholder rule; so each spelling people type is a rule of its own, and any other reaches the
 *   404 page's script.
 * - Cloudflare reads at most 2,000 static rules (and 100 dynamic ones; none are written): rules are
 *   listed most wanted first, and those past the limit are left out, with a line in the build log.
 */
import { allEntries, type Registry } from '../registry/model.ts';
import { entryRedirects } from './published.ts';
import { shortLinkSpellings, shortLinkTargets } from './short-links.ts';
import { shortLinkPath } from '../registry/urls.ts';

export interface Redirect {
	from: string;
	to: string;
}

/** The static rules Cloudflare reads from a `_redirects` file; it skips the rest. */
export const STATIC_RULE_LIMIT = 2000;

/** The file's name in the build's output folder. */
export const REDIRECTS_FILE = '_redirects';

const withoutSlash = (path: string) => path.replace(/\/$/, '');

/**
 * Every redirect the registry asks of a host, most wanted first: the former URLs of renamed pages
 * (published promises), then short links — each code's first spelling before any code's second —
 * each with and without its trailing slash. None leads to itself, with or without the slash.
 */
export function hostRedirects(registry: Registry): Redirect[] {
	const rules = new Map<string, string>();
	const add = (from: string, to: string) => {
		if (withoutSlash(from) !== withoutSlash(to) && !rules.has(from)) rules.set(from, to);
	};
	for (const [from, to] of Object.entries(entryRedirects(registry))) {
		add(from, to);
		add(withoutSlash(from), to);
	}
	const links = [...shortLinkTargets(allEntries(registry))].map(([code, to]) => ({
		to,
		spellings: shortLinkSpellings(code),
	}));
	const most = Math.max(0, ...links.map((l) => l.spellings.length));
	for (let i = 0; i < most; i++) {
		for (const slash of [true, false]) {
			for (const { to, spellings } of links) {
				const spelling = spellings[i];
				if (spelling === undefined) continue;
				const path = shortLinkPath(spelling);
				add(slash ? path : withoutSlash(path), to);
			}
		}
	}
	return [...rules].map(([from, to]) => ({ from, to }));
}

/** The `_redirects` file of the rules that fit the limit, and how many were left out. */
export function redirectsFile(
	rules: readonly Redirect[],
	limit = STATIC_RULE_LIMIT
): { text: string; written: number; left: number } {
	const kept = rules.slice(0, limit);
	const text = [
		'# Written by the build (src/site/host-redirects.ts), read by Netlify and Cloudflare Pages:',
		'# short links in the spellings people type, and renamed pages, as permanent redirects.',
		...kept.map((r) => `${r.from} ${r.to} 301`),
		'',
	].join('\n');
	return { text, written: kept.length, left: rules.length - kept.length };
}
