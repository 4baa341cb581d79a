/**
 * Reproducible builds: builds the site a second time, into a folder of its own, and compares it
 * file by file with dist/ (the build `npm run build` just made from the same commit). Any file
 * that is missing, extra or different fails the check, naming it.
 *
 * Nothing is allowed to differ (MAY_DIFFER is empty). Sources of difference removed rather than allowed:
 * - code highlighting that depended on timing (ec.config.mjs lifts Shiki's time limit);
 * - build dates: none in any page (no lastUpdated, no sitemap lastmod).
 *
 * Usage: npm run check:reproducible   (after `npm run build`)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../src/registry/load.ts';
import { commandLine } from './cli.ts';

/**
 * Paths (relative to the built site) allowed to differ between two builds, each with its reason.
 * None: every file of the site is the same from one build to the next.
 */
export const MAY_DIFFER: readonly { pattern: RegExp; why: string }[] = [];

/** Every file of a folder, by path relative to it (with `/`), with the SHA-256 of its bytes. */
export function fileHashes(dir: string): Map<string, string> {
	const hashes = new Map<string, string>();
	for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!d.isFile()) continue;
		const file = join(d.parentPath, d.name);
		hashes.set(
			relative(dir, file).split(sep).join('/'),
			createHash('sha256').update(readFileSync(file)).digest('hex')
		);
	}
	return hashes;
}

export interface TreeDifference {
	path: string;
	problem: 'only in the first build' | 'only in the second build' | 'differs';
}

/** The files that differ between two builds, leaving out the paths that may. */
export function compareBuilds(
	first: string,
	second: string,
	mayDiffer = MAY_DIFFER
): TreeDifference[] {
	const a = fileHashes(first);
	const b = fileHashes(second);
	const out: TreeDifference[] = [];
	for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
		if (mayDiffer.some((m) => m.pattern.test(path))) continue;
		if (!b.has(path)) out.push({ path, problem: 'only in the first build' });
		else if (!a.has(path)) out.push({ path, problem: 'only in the second build' });
		else if (a.get(path) !== b.get(path)) out.push({ path, problem: 'differs' });
	}
	return out;
}

export function formatDifferences(differences: readonly TreeDifference[]): string {
	const shown = differences.slice(0, 20).map((d) => `  ${d.path}: ${d.problem}`);
	if (differences.length > 20) shown.push(`  … and ${differences.length - 20} more`);
	return shown.join('\n');
}

/** Builds the site into `outDir`; `output` is what the build printed. */
export type Build = (outDir: string) => { ok: boolean; output: string };

/** The site's own build: `astro build` into another folder, from the same sources. */
const astroBuild: Build = (outDir) => {
	const build = spawnSync(
		process.execPath,
		[join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
		{
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
		}
	);
	return { ok: build.status === 0, output: `${build.stdout}${build.stderr}` };
};

export interface CheckOptions {
	/** The build to compare with: dist/. */
	dist?: string;
	/** Where the second build goes. Inside the project by default, so that Astro keeps its prerender folder there too and not in the shared .astro/. */
	second?: string;
	/** How the second build is made: `astro build` (tests give a build of their own). */
	build?: Build;
}

/** The check `npm run check:reproducible` runs: builds again and compares with dist/; true when every file is the same. */
export function main({
	dist = join(PROJECT_ROOT, 'dist'),
	second = join(PROJECT_ROOT, '.astro/reproducible'),
	build = astroBuild,
}: CheckOptions = {}): boolean {
	if (!existsSync(join(dist, 'index.html'))) {
		console.error('check:reproducible: dist/ has no build — run `npm run build` first.');
		return false;
	}
	rmSync(second, { recursive: true, force: true });
	const started = performance.now();
	const built = build(second);
	if (!built.ok) {
		console.error(`${built.output}\ncheck:reproducible: the second build failed (above).`);
		return false;
	}
	const differences = compareBuilds(dist, second);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (differences.length) {
		console.error(
			`check:reproducible: two builds of the same sources differ in ${differences.length} file${differences.length === 1 ? '' : 's'}:\n` +
				`${formatDifferences(differences)}\n` +
				'If dist/ was built before your last edit, run `npm run build` and check again; otherwise find what the build takes ' +
				'from outside the sources (time, randomness, machine load, file order) and remove it. ' +
				`The second build is in ${relative(PROJECT_ROOT, second)}/ to compare.`
		);
		return false;
	}
	rmSync(second, { recursive: true, force: true });
	console.log(
		`check:reproducible: a second build is identical to dist/, file for file (${fileHashes(dist).size} files, ${seconds} s).`
	);
	return true;
}

const USAGE = `Usage: npm run check:reproducible   (after npm run build)

Builds the site a second time, into .astro/reproducible/, and compares it with dist/ file by
file; names each file that is missing, extra or different.`;

if (import.meta.main) {
	commandLine('check:reproducible', USAGE, {});
	if (!main()) process.exit(1);
}
