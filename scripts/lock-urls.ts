/**
 * urls.lock: every page URL the site has published, one per line. Error messages already shipped
 * link to these pages, so a URL in the lock must stay produced; tests/unit/url-lock.test.ts fails
 * when one is not, saying how to retire or rename a code without breaking its links.
 *
 * The produced URLs are computed from the registry (src/registry/published.ts) and the hand-written
 * pages, not from a build, so the check is fast. Addresses that follow from an entry (its Markdown
 * twin, JSON, short link) are not listed: they stay as long as the entry's page does.
 *
 * Usage: npm run lock:urls — adds the URLs the site now produces; refuses while a locked one is gone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry, PROJECT_ROOT } from '../src/registry/load.ts';
import type { Registry } from '../src/registry/model.ts';
import { registryPagePaths } from '../src/registry/published.ts';
import { RegistryError } from '../src/registry/validation.ts';
import { listFiles } from './files.ts';
import { BANNER } from './generate.ts';

export const LOCK_FILE = join(PROJECT_ROOT, 'urls.lock');

const HEADER = `# Every page URL Error Atlas has published, one per line. Error messages already shipped link to
# these: each must stay produced (tests/unit/url-lock.test.ts checks it). Add new ones with
# \`npm run lock:urls\`; never delete a line to make a check pass — retire or rename the code instead.
`;

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
	const docs = listFiles(docsDir, { relative: true }).filter((f) => /\.mdx?$/.test(f) && !readFileSync(join(docsDir, f), 'utf8').includes(BANNER));
	const pages = listFiles(join(root, 'src/pages'), { relative: true }).filter((f) => /\.(?:astro|mdx?)$/.test(f) && !/[[_]/.test(f));
	return [...docs, ...pages].filter((f) => !/(?:^|\/)404\./.test(f)).map(pagePath);
}

/** Every page URL the site produces, sorted, without duplicates. */
export function producedPaths(registry: Registry, root: string = PROJECT_ROOT): string[] {
	return [...new Set([...registryPagePaths(registry), ...handWrittenPagePaths(root)])].sort();
}

export function readLock(file: string = LOCK_FILE): string[] {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !l.startsWith('#'));
}

export function formatLock(paths: readonly string[]): string {
	return `${HEADER}${[...paths].sort().join('\n')}\n`;
}

export interface LockComparison {
	/** Locked URLs the site no longer produces: broken promises. */
	missing: string[];
	/** Produced URLs not yet in the lock. */
	unlocked: string[];
}

export function compareLock(locked: readonly string[], produced: readonly string[]): LockComparison {
	const have = new Set(produced);
	const known = new Set(locked);
	return { missing: locked.filter((p) => !have.has(p)), unlocked: produced.filter((p) => !known.has(p)) };
}

/** What is wrong and how to fix it, when published URLs are no longer produced. */
export function missingMessage(missing: readonly string[]): string {
	return (
		`${missing.length} published URL${missing.length === 1 ? ' is' : 's are'} no longer produced: ${missing.join(', ')}\n` +
		'Shipped error messages link to these pages. Put the entry back and retire it properly: to retire a code, keep its entry ' +
		'and set `removed:` (since when, why) — its page stays, marked "no longer emitted", with `replacedBy:` naming the replacement if any; ' +
		'to rename a code or its slug, list the old slug in the entry\'s `formerSlugs:` so the old URL redirects to the new page.'
	);
}

export function unlockedMessage(unlocked: readonly string[]): string {
	return `${unlocked.length} page URL${unlocked.length === 1 ? ' is' : 's are'} not in urls.lock yet: ${unlocked.join(', ')} — run \`npm run lock:urls\` and commit urls.lock.`;
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
	if (unlocked.length || !existsSync(LOCK_FILE)) writeFileSync(LOCK_FILE, formatLock([...locked, ...unlocked]));
	console.log(`urls.lock: ${locked.length + unlocked.length} URLs, ${unlocked.length} added.`);
	return true;
}

if (import.meta.main) {
	if (!main()) process.exit(1);
}
