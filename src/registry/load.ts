/**
 * Reads the registry from disk: every `*.yaml` file in the registry folder, in name order.
 * The folder is `content/registry/` unless `ATLAS_REGISTRY_DIR` names another (benchmarks and
 * test fixtures use that; it never writes to the real one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Registry } from './model.ts';
import { validateRegistry } from './validation.ts';

/** The project folder: the nearest one above this module with a package.json (also from Astro's bundled build output). */
function projectRoot(from: string): string {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json'))) return dir;
		if (dirname(dir) === dir) return process.cwd();
	}
}

export const PROJECT_ROOT = projectRoot(import.meta.dirname);
export const DEFAULT_REGISTRY_DIR = join(PROJECT_ROOT, 'content/registry');

export function registryDir(): string {
	return process.env.ATLAS_REGISTRY_DIR ? resolve(process.env.ATLAS_REGISTRY_DIR) : DEFAULT_REGISTRY_DIR;
}

/** The registry's files: every `*.yaml` (or `*.yml`) in the folder, in name order, as paths. */
export function registryFiles(dir: string = registryDir()): string[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
		.sort()
		.map((f) => join(dir, f));
}

/** Loads and validates the registry; throws a RegistryError naming every problem. */
export function loadRegistry(dir: string = registryDir()): Registry {
	return validateRegistry(registryFiles(dir).map((path) => ({ file: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') })));
}
