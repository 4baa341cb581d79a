/**
 * A fresh copy of the project to build elsewhere — with another registry (ATLAS_REGISTRY_DIR) or
 * from another commit — without touching the working tree's generated pages, dist/ or caches.
 * The benchmark builds its sites in such copies; the escaping test builds a fixture registry in one.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/registry/load.ts';

/** What a copy of the project leaves behind: output, caches, tests, and the generated pages it makes anew. */
const NOT_COPIED = [
	/^(node_modules|dist|\.astro|\.bench|\.git|\.shots|tests|test-results|playwright-report)(\/|$)/,
	/^src\/content\/docs\/[^/]+\/index\.mdx$/,
	/^content\/registry(\/|$)/,
];
/** Caches a build keeps in node_modules; each copy gets its own, so builds never share one. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.cache']);

/** A fresh copy of the project in `dir`: from the working tree, or from a commit with `ref`. */
export function copyProject(dir: string, ref: string | undefined): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	if (ref) {
		const tar = execFileSync('git', ['archive', '--format=tar', ref], {
			cwd: PROJECT_ROOT,
			maxBuffer: 1 << 30,
		});
		execFileSync('tar', ['-x', '-C', dir, '--exclude=tests'], { input: tar });
	} else {
		const copied = (path: string) =>
			!NOT_COPIED.some((re) => re.test(relative(PROJECT_ROOT, path)));
		// Entry by entry: the copy lives under .bench/, and fs.cp refuses to copy a folder into itself.
		for (const name of readdirSync(PROJECT_ROOT).filter((n) => copied(join(PROJECT_ROOT, n)))) {
			cpSync(join(PROJECT_ROOT, name), join(dir, name), { recursive: true, filter: copied });
		}
	}
	mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
	const modules = join(dir, 'node_modules');
	mkdirSync(modules);
	for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
		if (!PRIVATE_CACHES.has(name))
			symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(modules, name));
	}
}
