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
 * Not in a `<meta>` policy (browsers ignore them there): frame-ancestors, report-uri, sandbox.
 * A host that can send headers should send the same policy as a header, with frame-ancestors.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroUserConfig } from 'astro';
import { PROJECT_ROOT } from '../registry/load.ts';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type Hash = `sha256-${string}`;

/** `<script is:inline …>body</script>`, unless its body is filled in at render time (define:vars). */
const INLINE_SCRIPT = /<script\b(?=[^>]*\bis:inline\b)(?![^>]*\bdefine:vars\b)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

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
		for (const match of readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)) hashes.add(sha256(match[1]!));
	}
	return [...hashes].sort();
}

/** The installed Starlight, found as Node would find it from the project (its exports hide package.json). */
function starlightDir(): string {
	for (let dir = PROJECT_ROOT; ; dir = dirname(dir)) {
		const candidate = join(dir, 'node_modules/@astrojs/starlight');
		if (existsSync(join(candidate, 'package.json'))) return candidate;
		if (dirname(dir) === dir) throw new Error('@astrojs/starlight is not installed: run `npm install`.');
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
		],
		scriptDirective: {
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: inlineScriptHashes([starlightDir(), join(PROJECT_ROOT, 'src')]),
		},
		styleDirective: {
			resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}
