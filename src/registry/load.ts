/**
 * Reads the registry from disk: every `*.yaml` file in the registry folder, in name order.
 * The folder is `content/registry/` unless `ATLAS_REGISTRY_DIR` names another (benchmarks and
 * test fixtures use that; it never writes to the real one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Registry } from './model.ts';
import { RegistryError, validateRegistry } from './validation.ts';

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
	return process.env.ATLAS_REGISTRY_DIR
		? resolve(process.env.ATLAS_REGISTRY_DIR)
		: DEFAULT_REGISTRY_DIR;
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
	const sources = registryFiles(dir).map((path) => ({
		file: relative(process.cwd(), path) || path,
		bytes: readFileSync(path),
	}));
	const problems = sources.flatMap(({ file, bytes }) => {
		const bad = invalidUtf8(bytes);
		return bad
			? [
					{
						file,
						...bad,
						field: '',
						message:
							'these bytes are not UTF-8 — save the file as UTF-8 (a registry file is text in UTF-8, and is published as it is).',
					},
				]
			: [];
	});
	if (problems.length) throw new RegistryError(problems);
	return validateRegistry(
		sources.map(({ file, bytes }) => ({ file, text: bytes.toString('utf8') }))
	);
}

/** Where the first byte that is not UTF-8 is, as a line and a column (in characters), or undefined when every byte is. */
function invalidUtf8(bytes: Buffer): { line: number; column: number } | undefined {
	const at = firstInvalidByte(bytes);
	if (at < 0) return undefined;
	const lineStart = bytes.lastIndexOf(10, at - 1) + 1;
	let line = 1;
	for (let i = bytes.indexOf(10); i >= 0 && i < at; i = bytes.indexOf(10, i + 1)) line++;
	return { line, column: [...bytes.subarray(lineStart, at).toString('utf8')].length + 1 };
}

/** The index of the first byte that starts no well-formed UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidByte(b: Uint8Array): number {
	for (let i = 0; i < b.length;) {
		const c = b[i]!;
		const n =
			c < 0x80
				? 1
				: c >= 0xc2 && c < 0xe0
					? 2
					: c >= 0xe0 && c < 0xf0
						? 3
						: c >= 0xf0 && c < 0xf5
							? 4
							: 0;
		if (n === 0 || i + n > b.length) return i;
		// The second byte's range is narrower after these leads: no overlong forms, surrogates or code points past U+10FFFF.
		const second = b[i + 1]!;
		const [lo, hi] =
			c === 0xe0
				? [0xa0, 0xbf]
				: c === 0xed
					? [0x80, 0x9f]
					: c === 0xf0
						? [0x90, 0xbf]
						: c === 0xf4
							? [0x80, 0x8f]
							: [0x80, 0xbf];
		if (n > 1 && (second < lo || second > hi)) return i;
		for (let k = 2; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
		i += n;
	}
	return -1;
}
