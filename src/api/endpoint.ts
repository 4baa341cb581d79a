/**
 * What the static endpoints under src/pages/ share: the site every absolute URL starts with, and
 * a response with the right media type (which `astro dev` sends; a static host picks its own from
 * the file extension).
 */
import { DEFAULT_SITE_URL } from '../registry/urls.ts';

/** Astro's `site` (from `SITE_URL`); astro.config.ts always sets it, the default is a safety net. */
export function siteOf(site: URL | undefined): URL {
	return site ?? new URL(DEFAULT_SITE_URL);
}

export const MEDIA = {
	markdown: 'text/markdown; charset=utf-8',
	text: 'text/plain; charset=utf-8',
	json: 'application/json; charset=utf-8',
	schema: 'application/schema+json; charset=utf-8',
	typescript: 'text/plain; charset=utf-8',
} as const;

export function respond(body: string, type: (typeof MEDIA)[keyof typeof MEDIA]): Response {
	return new Response(body, { headers: { 'content-type': type } });
}
