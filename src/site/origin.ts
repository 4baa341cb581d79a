/**
 * SITE_URL: the origin every absolute URL of the site starts with (canonical links, llms.txt, the
 * JSON API, the typed modules) and that `explain` links to. Every reader takes it from here — the
 * build through astro.config.ts (the endpoints and pages get it as `Astro.site`), and the CLI — so a
 * value is refused the same way everywhere, in one line: an http(s) origin, without a user name or
 * password (every page would publish them), or nothing for the local preview server.
 */
import { DEFAULT_SITE_URL } from '../registry/urls.ts';

/** A SITE_URL that cannot be the site's origin; the message says what is wrong and what to do. */
export class SiteUrlError extends Error {}

const EXAMPLE = 'https://errors.example.com';
const FIX = `set it to the site's origin, such as ${EXAMPLE}, or unset it for ${DEFAULT_SITE_URL}`;

function cut(text: string): string {
	const chars = [...text];
	return chars.length > 90 ? `${chars.slice(0, 89).join('')}…` : text;
}

/** The value as a message shows it: quoted, cut, with control and format characters (a terminal escape, a bidi override) written as escapes. */
function shown(value: string): string {
	return `"${cut(value).replace(/[\p{Cc}\p{Cf}\u2028\u2029"\\]/gu, (c) => (c === '"' || c === '\\' ? `\\${c}` : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`))}"`;
}

/** The site's origin from SITE_URL (`value`), or the local preview server's when it is unset or empty. */
export function siteUrl(value: string | undefined = process.env.SITE_URL): URL {
	if (!value) return new URL(DEFAULT_SITE_URL);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new SiteUrlError(`SITE_URL ${shown(value)} is not a URL — ${FIX}.`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new SiteUrlError(
			`SITE_URL ${shown(value)} is a ${url.protocol} URL — the site's links must be http(s): ${FIX}.`
		);
	}
	if (url.username || url.password) {
		// Shown without them: a password does not belong in a build log either.
		throw new SiteUrlError(
			`SITE_URL ${shown(`${url.protocol}//…@${url.host}${url.pathname}`)} has a user name or password in it, which every page would publish — remove it: ${cut(url.origin)}.`
		);
	}
	if (url.pathname !== '/' || url.search || url.hash) {
		throw new SiteUrlError(
			`SITE_URL ${shown(value)} is not an origin — the site is built for the root of its host: set it to ${cut(url.origin)}.`
		);
	}
	return new URL(url.origin);
}
