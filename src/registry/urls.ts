/**
 * URL rules. Published URLs are a contract: these functions are the only place they are made.
 *
 *   /<product>/                    product overview (with an anchor per code and per category)
 *   /<product>/errors/<slug>/      one entry; the slug is the code in kebab case unless set
 */

/** `PORT_IN_USE` → `port-in-use`. */
export function slugForCode(code: string): string {
	return code.toLowerCase().replaceAll('_', '-');
}

/** An entry's page slug: the one the registry gives it, else its code in kebab case. */
export function entrySlug(entry: { code: string; slug?: string | undefined }): string {
	return entry.slug ?? slugForCode(entry.code);
}

export function productPath(productId: string): string {
	return `/${productId}/`;
}

/** What stands between a product and a slug in an entry's path; the decoder finds pasted links by it. */
export const ENTRY_SEGMENT = '/errors/';

export function entryPath(productId: string, slug: string): string {
	return `/${productId}${ENTRY_SEGMENT}${slug}/`;
}

/** Whether a root-relative path is an entry's page: `/<product>/errors/<slug>/`. */
export function isEntryPath(path: string): boolean {
	const at = path.indexOf(ENTRY_SEGMENT);
	const slug = path.slice(at + ENTRY_SEGMENT.length);
	return at > 1 && !path.slice(1, at).includes('/') && /^[^/]+\/$/.test(slug);
}

/** The anchor id of a code on its product overview, so `/<product>/#PORT_IN_USE` lands. */
export function codeAnchor(code: string): string {
	return code;
}

/** A link to an anchor on a page: `/asymmetric/` + `core` → `/asymmetric/#core`. */
export function anchorPath(pagePath: string, anchor: string): string {
	return `${pagePath}#${anchor}`;
}

/** The anchor id of a product-level section heading on the overview: "Exit codes" → `exit-codes`. */
export function sectionAnchor(title: string): string {
	return title
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** The Markdown twin of a page: the same path with `.md` instead of the trailing slash. */
export function markdownPath(pagePath: string): string {
	return pagePath === '/' ? '/index.md' : `${pagePath.replace(/\/$/, '')}.md`;
}

/*
 * Finding a page (src/pages/e/, src/pages/search/):
 *
 *   /e/<CODE>/, /e/<code>/   short link to a code: its page, or a chooser where entries share the code
 *   /search/data.json        the decoder data: the decoder island, the search dialog's direct jump,
 *                            short links typed in another case
 */

/** What every short link starts with; the decoder finds pasted short links by it. */
export const SHORT_LINK_PREFIX = '/e/';

/** The short link of a code. The spellings the build writes a page at are site/short-links.ts's pageSpellings; others reach it through a redirect or the 404 page. */
export function shortLinkPath(code: string): string {
	return `${SHORT_LINK_PREFIX}${code}/`;
}

/** What follows `/e/` in a short-link path, as typed (`/e/Health_Timeout` → `Health_Timeout`); undefined for other paths. */
export function shortLinkSegment(path: string): string | undefined {
	if (!path.startsWith(SHORT_LINK_PREFIX)) return undefined;
	const segment = path.slice(SHORT_LINK_PREFIX.length).replace(/\/$/, '');
	if (!segment || segment.includes('/')) return undefined;
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** The decoder data (src/decode/data.ts): one file, fetched by whatever decodes or looks up a code in the browser. */
export const DECODER_DATA_PATH = '/search/data.json';

/** The search dialog's id: a link to this anchor, on any page, opens the dialog. */
export const SEARCH_ANCHOR = '#search';

/** The decoder page, where a pasted error is looked up. */
export const DIAGNOSE_PATH = '/diagnose/';

/*
 * Machine-readable files (src/pages/ endpoints; their file names must match these paths, which
 * tests/e2e/machine-readable.spec.ts checks by fetching every link the indexes publish):
 *
 *   /llms.txt, /<product>/llms.txt     llmstxt.org indexes: the site's, and one product's
 *   /llms-full.txt                     every entry in full, as Markdown
 *   /api/errors.json                   the whole registry as JSON
 *   /api/<product>/<slug>.json         one entry as JSON
 *   /api/<product>/errors.ts           a product's codes as a dependency-free TypeScript module
 *   /schema/<name>.schema.json         JSON Schemas: the registry files', the API files'
 */

/** The llmstxt.org index of the whole site, or of one product. */
export function llmsTxtPath(productId?: string): string {
	return productId === undefined ? '/llms.txt' : `/${productId}/llms.txt`;
}

export const LLMS_FULL_PATH = '/llms-full.txt';

export const API_REGISTRY_PATH = '/api/errors.json';

export function apiEntryPath(productId: string, slug: string): string {
	return `/api/${productId}/${slug}.json`;
}

export function typedModulePath(productId: string): string {
	return `/api/${productId}/errors.ts`;
}

export function schemaPath(name: string): string {
	return `/schema/${name}.schema.json`;
}

/** Joins a site origin (from `SITE_URL`) and a root-relative path. */
export function absoluteUrl(site: string | URL, path: string): string {
	return new URL(path, site).href;
}

/** The absolute URL of an entry's or a product's Markdown twin. */
export function twinUrl(site: string | URL, page: { path: string }): string {
	return absoluteUrl(site, markdownPath(page.path));
}

/** The site's origin: `SITE_URL` when set, else the local preview server. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** `/api/errors.json` → `api`. */
function firstSegment(path: string): string {
	return path.split('/')[1]!;
}

/**
 * First path segments the site keeps for itself (its own pages and endpoints, Astro's and
 * Pagefind's assets): a product id may not be one of them, or its pages would collide. The site's
 * own are read from the path rules above, so a new or moved rule is reserved with it.
 */
export const RESERVED_SEGMENTS: readonly string[] = [
	...new Set(
		[
			API_REGISTRY_PATH,
			apiEntryPath('_', '_'),
			typedModulePath('_'),
			schemaPath('_'),
			SHORT_LINK_PREFIX,
			DECODER_DATA_PATH,
			DIAGNOSE_PATH,
		].map(firstSegment)
	),
	'pagefind',
	'_astro',
	'404',
];
