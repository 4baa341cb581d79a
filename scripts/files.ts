import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir`, at any depth, in no particular order: absolute paths, or with `relative`
 * paths from `dir` written with `/` on every platform. None when `dir` does not exist.
 */
export function listFiles(dir: string, options: { relative?: boolean } = {}): string[] {
	if (!existsSync(dir)) return [];
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name));
	return options.relative ? files.map((f) => relative(dir, f).split(sep).join('/')) : files;
}
