/**
 * The URLs that agents and tools read: every site URL named in the llms*.txt files and in the JSON
 * files of the built site must resolve to a file of the built site, anchors included. Reads whatever
 * of those files the build produced, so it covers what is added later without being told.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { canonicalOrigin } from './site-links.ts';

export interface DanglingUrl {
	/** The file that names the URL, relative to the built site. */
	file: string;
	url: string;
	reason: string;
}

/**
 * The files agents and tools read: every llms*.txt and every JSON file of the built site, wherever
 * they are, except the build's own assets (_astro/) and the search index (pagefind/).
 */
export function machineFiles(dist: string): string[] {
	return readdirSync(dist, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && (/^llms.*\.txt$/.test(d.name) || d.name.endsWith('.json')))
		.map((d) => join(d.parentPath, d.name))
		.filter((f) => !/^(?:_astro|pagefind)\//.test(relative(dist, f)))
		.sort();
}

/**
 * The URLs a text names: absolute ones, and root-relative Markdown link targets. Bare `/paths` in
 * prose are not taken: registry text quotes API paths (`POST /v1/commit`) that are not ours.
 */
function urlsInText(text: string): string[] {
	const absolute = text.match(/https?:\/\/[^\s"'<>()\]`]+/g) ?? [];
	const linked = [...text.matchAll(/\]\((\/[^\s)]*)\)/g)].map((m) => m[1]!);
	return [...absolute.map((u) => u.replace(/[.,;:]+$/, '')), ...linked];
}

/** Keys whose string values are links; a root-relative string elsewhere is data, not a URL. */
const LINK_KEY = /(?:url|href|path|link|page)s?$/i;

/** The URLs a JSON document names: absolute URL strings anywhere, root-relative ones under link keys. */
function urlsInJson(value: unknown, key = '', out: string[] = []): string[] {
	if (typeof value === 'string') {
		if (/^https?:\/\//.test(value) || (LINK_KEY.test(key) && /^\/(?!\/)/.test(value)))
			out.push(value);
	} else if (Array.isArray(value)) value.forEach((v) => urlsInJson(v, key, out));
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) urlsInJson(v, k, out);
	return out;
}

/** Why `path` (with an optional `#anchor`) does not resolve in `dist`, or undefined when it does. */
export function unresolved(distDir: string, pathWithAnchor: string): string | undefined {
	const dist = resolve(distDir);
	const [rawPath = '/', anchor] = pathWithAnchor.split('#', 2);
	let path: string;
	try {
		path = decodeURIComponent(rawPath.split('?')[0]!);
	} catch {
		return 'not valid percent-encoding';
	}
	const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
	if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
		const dir = join(dist, path);
		return !path.endsWith('/') && existsSync(join(dir, 'index.html'))
			? `a page, whose URL ends with a slash: ${path}/`
			: 'no such file in the built site';
	}
	if (anchor && file.endsWith('.html') && !readFileSync(file, 'utf8').includes(`id="${anchor}"`)) {
		return `the page has no element with id "${anchor}"`;
	}
	return undefined;
}

/** Every site URL in the machine-readable files of `dist` that does not resolve to a built file. */
export function danglingUrls(distDir: string): DanglingUrl[] {
	const dist = resolve(distDir);
	const origin = canonicalOrigin(readFileSync(join(dist, 'index.html'), 'utf8'));
	const out: DanglingUrl[] = [];
	for (const file of machineFiles(dist)) {
		const text = readFileSync(file, 'utf8');
		const urls = file.endsWith('.json') ? urlsInJson(JSON.parse(text)) : urlsInText(text);
		for (const url of new Set(urls)) {
			let path: string;
			if (url.startsWith('/')) path = url;
			else {
				const u = new URL(url);
				if (u.origin !== origin) continue;
				path = u.pathname + u.hash;
			}
			const reason = unresolved(dist, path);
			if (reason) out.push({ file: relative(dist, file), url, reason });
		}
	}
	return out;
}

export function formatDanglingUrls(dangling: DanglingUrl[]): string {
	return dangling.map((d) => `${d.file} names ${d.url}: ${d.reason}`).join('\n');
}
