/**
 * The Content Security Policy of every page, through Astro's built-in CSP (`security.csp`): Astro
 * puts a `<meta http-equiv="content-security-policy">` in each page with the hashes of the scripts
 * and styles it bundles or inlines. No 'unsafe-inline' and no 'unsafe-eval' for scripts: a string
 * that slipped through unescaped into a page could not run.
 *
 * What Astro does not hash, and how it is allowed:
 * - `<script is:inline>` bodies (Starlight's theme, sidebar and search-shortcut scripts, ours):
 *   they bypass Astro's bundler. Their text is in the components' source exactly as it reaches the
 *   page, so they are hashed here from the installed components, at config time.
 * - Pagefind compiles its search index reader from WebAssembly: 'wasm-unsafe-eval' allows
 *   WebAssembly only, not `eval` or `new Function`.
 * - `style="…"` attributes (expressive-code's token colours, Starlight's icon sizes): style
 *   attributes cannot run script, and a hash cannot name them, so `style-src-attr` allows them.
 *   `<style>` elements are still hashed.
 *
 * Where the policy goes (`cspPlacement`, after the build): a meta policy covers only what follows
 * it, and Astro writes it after Starlight's inline theme script, about 4 KB into `<head>`; so each
 * page's policy is moved to the front of its `<head>` — after `<meta charset>` alone, which must be
 * in the first 1,024 bytes and loads nothing — and the redirect pages Astro writes without one
 * (`/e/<CODE>/`, former slugs) get the site's.
 *
 * Not in a `<meta>` policy (browsers ignore them there): frame-ancestors, report-uri, sandbox. So
 * the build also writes `_headers` (the file Netlify and Cloudflare Pages read): the same policy for
 * every path, as a header, with `frame-ancestors 'none'` — no other site may frame a page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import { PROJECT_ROOT } from '../registry/load.ts';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type Hash = `sha256-${string}`;

/** `<script is:inline …>body</script>`, unless its body is filled in at render time (define:vars). */
const INLINE_SCRIPT =
	/<script\b(?=[^>]*\bis:inline\b)(?![^>]*\bdefine:vars\b)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function sha256(text: string): Hash {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function astroFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.astro'))
		.map((d) => join(d.parentPath, d.name))
		.sort();
}

/** The hashes of every static `is:inline` script body in the given folders' components. */
export function inlineScriptHashes(dirs: readonly string[]): Hash[] {
	const hashes = new Set<Hash>();
	for (const file of dirs.flatMap(astroFiles)) {
		for (const match of readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT))
			hashes.add(sha256(match[1]!));
	}
	return [...hashes].sort();
}

/** The installed Starlight, found as Node would find it from the project (its exports hide package.json). */
function starlightDir(): string {
	for (let dir = PROJECT_ROOT; ; dir = dirname(dir)) {
		const candidate = join(dir, 'node_modules/@astrojs/starlight');
		if (existsSync(join(candidate, 'package.json'))) return candidate;
		if (dirname(dir) === dir)
			throw new Error('@astrojs/starlight is not installed: run `npm install`.');
	}
}

export function csp(): CspConfig {
	return {
		algorithm: 'SHA-256',
		directives: [
			"default-src 'self'",
			// Said outright, though default-src says it too: the decoder and the search dialog fetch
			// /search/data.json (and Pagefind its index) from this site, and from nowhere else.
			"connect-src 'self'",
			"img-src 'self' data:",
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			// Trusted Types: a string reaches an HTML or script sink only through the site's one policy,
			// src/components/TrustedTypes.astro (Pagefind's UI sets HTML and starts a worker by URL).
			"require-trusted-types-for 'script'",
			'trusted-types default',
		],
		scriptDirective: {
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: inlineScriptHashes([starlightDir(), join(PROJECT_ROOT, 'src')]),
		},
		styleDirective: {
			// Style elements and stylesheets: 'self' and hashes, which Astro writes when no other source
			// is given here. Naming 'self' too would make Astro warn that it does not reach style-src-attr.
			resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}

/** The policy element as Astro writes it; its content holds no `"` (sources are single-quoted). */
const POLICY_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;

/** Where a page's `<head>` starts, after its `<meta charset>`: the doctype, `<html>` and `<head>` tags may be implied (Astro's redirect pages). */
const HEAD_START =
	/^\s*(?:<!doctype html>)?\s*(?:<html\b[^>]*>)?\s*(?:<head>)?\s*(?:<meta charset="utf-8"\/?>)?/i;

/** A page's policy, as its meta element carries it. */
export function pagePolicy(html: string): string | undefined {
	return POLICY_META.exec(html)?.[1];
}

/** The page with its policy first in `<head>`, or, when it has none, `policy` there. */
export function policyFirst(html: string, policy: string): string {
	const meta =
		POLICY_META.exec(html)?.[0] ??
		`<meta http-equiv="content-security-policy" content="${policy}">`;
	const rest = html.replace(POLICY_META, '');
	const start = HEAD_START.exec(rest)![0].length;
	return rest.slice(0, start) + meta + rest.slice(start);
}

/** `a 'x'; b 'y';` → directive name → sources, in order. */
function directives(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const d of policy.split(';')) {
		const [name, ...sources] = d.trim().split(/\s+/);
		if (name)
			out.set(name, [
				...(out.get(name) ?? []),
				...sources.filter((s) => !out.get(name)?.includes(s)),
			]);
	}
	return out;
}

/**
 * One policy that allows what each page's allows: the policy of every page when they agree (they
 * do today), else each directive with the sources of all. A header and a meta policy both apply,
 * so the header must allow what any page needs; each page's own meta still narrows it.
 */
export function sitePolicy(policies: Iterable<string>): string {
	const distinct = new Set(policies);
	if (distinct.size === 1) return [...distinct][0]!;
	const merged = new Map<string, string[]>();
	for (const policy of distinct) {
		for (const [name, sources] of directives(policy))
			merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
	}
	return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Cloudflare Pages ignores a `_headers` line longer than this. */
export const HEADER_LINE_LIMIT = 2000;

/** The headers file's name in the build's output folder, where Netlify and Cloudflare read it. */
export const HEADERS_FILE = '_headers';

/** The `_headers` file: the site's policy for every path, with what only a header can say. */
export function headersFile(policy: string): string {
	const line = `  Content-Security-Policy: ${policy.replace(/[\s;]+$/, '')}; frame-ancestors 'none'`;
	if (line.length > HEADER_LINE_LIMIT) {
		throw new Error(
			`the Content-Security-Policy line of _headers is ${line.length} characters, over the ${HEADER_LINE_LIMIT} Cloudflare Pages reads — allow fewer inline scripts and styles by hash (src/integrations/csp.ts).`
		);
	}
	return `# Written by the build (src/integrations/csp.ts), read by Netlify and Cloudflare Pages: every page's\n# Content Security Policy as a header, with frame-ancestors, which a <meta> policy cannot carry.\n/*\n${line}\n`;
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html'))
		.map((d) => join(d.parentPath, d.name))
		.sort();
}

/** After the build: every page's policy first in its `<head>`, one in the redirect pages, and `_headers`. */
export function cspPlacement(): AstroIntegration {
	return {
		name: 'atlas:csp-placement',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const pages = htmlFiles(out).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
				const site = sitePolicy(
					pages.map((p) => pagePolicy(p.html)).filter((p) => p !== undefined)
				);
				if (!site)
					throw new Error(
						'no page of the build carries a Content-Security-Policy: is security.csp set in astro.config.ts?'
					);
				let given = 0;
				for (const { file, html } of pages) {
					if (!pagePolicy(html)) given++;
					const placed = policyFirst(html, site);
					if (placed !== html) writeFileSync(file, placed);
				}
				writeFileSync(join(out, HEADERS_FILE), headersFile(site));
				logger.info(
					`the policy is first in the <head> of ${pages.length} pages (${given} redirect pages given it); _headers sends it with frame-ancestors 'none'`
				);
			},
		},
	};
}
