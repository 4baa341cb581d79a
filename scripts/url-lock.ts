/**
 * urls.lock, the file: every page URL Error Atlas has published, one per line, and how it compares
 * with the URLs the site produces. `npm run lock:urls` adds to it; the generator and
 * tests/unit/url-lock.test.ts refuse a registry that no longer produces a locked URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/registry/load.ts';
import type { Problem } from '../src/registry/validation.ts';

export const LOCK_FILE = join(PROJECT_ROOT, 'urls.lock');

const HEADER = `# Every page URL Error Atlas has published, one per line. Error messages already shipped link to
# these: each must stay produced (tests/unit/url-lock.test.ts checks it). Add new ones with
# \`npm run lock:urls\`; never delete a line to make a check pass — retire or rename the code instead.
`;

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

export function compareLock(
	locked: readonly string[],
	produced: readonly string[]
): LockComparison {
	const have = new Set(produced);
	const known = new Set(locked);
	return {
		missing: locked.filter((p) => !have.has(p)),
		unlocked: produced.filter((p) => !known.has(p)),
	};
}

/** How to retire or rename a code without breaking a published URL. */
export const RETIRE_ADVICE =
	'Shipped error messages link to these pages. Put the entry back and retire it properly: to retire a code, keep its entry ' +
	'and set `removed:` (since when, why) — its page stays, marked "no longer emitted", with `replacedBy:` naming the replacement if any; ' +
	"to rename a code or its slug, list the old slug in the entry's `formerSlugs:` so the old URL redirects to the new page.";

/** What is wrong and how to fix it, when published URLs are no longer produced. */
export function missingMessage(missing: readonly string[]): string {
	return `${missing.length} published URL${missing.length === 1 ? ' is' : 's are'} no longer produced: ${missing.join(', ')}\n${RETIRE_ADVICE}`;
}

/**
 * Locked pages of the registry (an entry's page, or the overview of a product with entry pages)
 * that `produced` no longer holds: one problem each, naming the product's file, for the generator
 * to refuse the registry with, as the lock test does.
 */
export function brokenPromises(
	locked: readonly string[],
	produced: readonly string[],
	registryDir: string
): Problem[] {
	const have = new Set(produced);
	const products = new Set(
		locked.flatMap((path) => /^\/([^/]+)\/errors\/[^/]+\/$/.exec(path)?.[1] ?? [])
	);
	return locked
		.filter((path) => !have.has(path) && products.has(path.split('/')[1]!))
		.map((path) => ({
			file: relative(process.cwd(), join(registryDir, `${path.split('/')[1]}.yaml`)),
			line: 1,
			column: 1,
			field: '',
			message: `${path} is published (urls.lock) and no longer produced. ${RETIRE_ADVICE}`,
		}));
}

export function unlockedMessage(unlocked: readonly string[]): string {
	return `${unlocked.length} page URL${unlocked.length === 1 ? ' is' : 's are'} not in urls.lock yet: ${unlocked.join(', ')} — run \`npm run lock:urls\` and commit urls.lock.`;
}
