/**
 * urls.lock: every page URL the site has published, one per line. Error messages already shipped
 * link to these pages, so a URL in the lock must stay produced; tests/unit/url-lock.test.ts fails
 * when one is not, saying how to retire or rename a code without breaking its links.
 *
 * The produced URLs are computed from the registry (src/site/published.ts) and the hand-written
 * pages, not from a build, so the check is fast. Addresses that follow from an entry (its Markdown
 * twin, JSON, short link) are not listed: they stay as long as the entry's page does.
 *
 * Usage: npm run lock:urls — adds the URLs the site now produces; refuses while a locked one is gone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry, PROJECT_ROOT } from '../src/registry/load.ts';
import type { Registry } from '../src/registry/model.ts';
import { registryPagePaths } from '../src/site/published.ts';
import { RegistryError } from '../src/registry/validation.ts';
import { listFiles } from './files.ts';
import { commandLine } from './cli.ts';
import { compareLock, formatLock, LOCK_FILE, missingMessage, readLock } from './url-lock.ts';
import { BANNER } from './generate.ts';

/** `guides/intro.mdx` → `/guides/intro/`; `index.astro` → `/`. */
function pagePath(file: string): string {
	const path = file.replace(/\.(?:md|mdx|astro)$/, '').replace(/(?:^|\/)index$/, '');
	return path ? `/${path.toLowerCase()}/` : '/';
}

/**
 * The pages written by hand: docs pages without the generator's banner, and the static pages of
 * src/pages (dynamic routes, endpoints, _partials and the 404 page are not published URLs of their own).
 */
export function handWrittenPagePaths(root: string = PROJECT_ROOT): string[] {
	const docsDir = join(root, 'src/content/docs');
	const docs = listFiles(docsDir, { relative: true }).filter(
		(f) => /\.mdx?$/.test(f) && !readFileSync(join(docsDir, f), 'utf8').includes(BANNER)
	);
	const pages = listFiles(join(root, 'src/pages'), { relative: true }).filter(
		(f) => /\.(?:astro|mdx?)$/.test(f) && !/[[_]/.test(f)
	);
	return [...docs, ...pages].filter((f) => !/(?:^|\/)404\./.test(f)).map(pagePath);
}

/** Every page URL the site produces, sorted, without duplicates. */
export function producedPaths(registry: Registry, root: string = PROJECT_ROOT): string[] {
	return [...new Set([...registryPagePaths(registry), ...handWrittenPagePaths(root)])].sort();
}

/** Adds the produced URLs to the lock; refuses, naming them, while a locked URL is no longer produced. */
export function main(): boolean {
	let produced: string[];
	try {
		produced = producedPaths(loadRegistry());
	} catch (error) {
		if (!(error instanceof RegistryError)) throw error;
		console.error(`${error.message}\nurls.lock is unchanged: fix the registry first.`);
		return false;
	}
	const locked = readLock();
	const { missing, unlocked } = compareLock(locked, produced);
	if (missing.length) {
		console.error(`${missingMessage(missing)}\nurls.lock is unchanged.`);
		return false;
	}
	if (unlocked.length || !existsSync(LOCK_FILE))
		writeFileSync(LOCK_FILE, formatLock([...locked, ...unlocked]));
	console.log(`urls.lock: ${locked.length + unlocked.length} URLs, ${unlocked.length} added.`);
	return true;
}

const USAGE = `Usage: npm run lock:urls

Adds the page URLs the site now produces to urls.lock, which lists every URL the site has
published; refuses, naming them, while a URL it lists is no longer produced.`;

if (import.meta.main) {
	commandLine('lock:urls', USAGE, {});
	if (!main()) process.exit(1);
}
