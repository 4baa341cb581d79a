/**
 * Fetching published npm packages as they are: `npm pack` into a folder, `tar` to extract, `npm view`
 * to resolve a range. Each failure is a StepError naming the command and why it failed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A step that failed: what was run, and why. */
export class StepError extends Error {
	readonly step: string;
	readonly hint: string;
	constructor(step: string, reason: string, hint: string) {
		super(`${step} failed: ${reason}`);
		this.step = step;
		this.hint = hint;
	}
}

export const REGISTRY_HINT = 'the importer needs the npm registry; the build and tests do not';

/** The first line of a failed command's stderr (npm's `npm error …`), or the error's message. */
function reason(error: unknown): string {
	const stderr = (error as { stderr?: Buffer | string }).stderr?.toString() ?? '';
	const line = stderr
		.split('\n')
		.map((l) => l.replace(/^npm (?:error|ERR!)\s*/, '').trim())
		.find((l) => l && !/^(?:code|errno|syscall|A complete log)/.test(l));
	return line ?? (error instanceof Error ? error.message : String(error));
}

function run(step: string, command: string, args: string[], hint: string): string {
	try {
		return execFileSync(command, args, {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 1024 * 1024,
		});
	} catch (error) {
		throw new StepError(step, reason(error), hint);
	}
}

/** A package fetched and extracted: its folder (the tarball's `package/`) and its package.json. */
export interface Extracted {
	name: string;
	version: string;
	dir: string;
	manifest: Record<string, unknown>;
}

/** `npm pack` each spec into `tmp`, extract each tarball into its own folder. */
export function packAndExtract(specs: readonly string[], tmp: string): Extracted[] {
	const step = `npm pack ${specs.length === 1 ? specs[0] : `${specs[0]} and ${specs.length - 1} more`}`;
	const out = run(
		step,
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', tmp, ...specs],
		REGISTRY_HINT
	);
	let packed: { filename: string; name: string; version: string }[];
	try {
		packed = JSON.parse(out) as typeof packed;
	} catch {
		throw new StepError(
			step,
			'npm printed no JSON list of tarballs',
			'check that npm is npm ≥ 7 (`npm --version`)'
		);
	}
	return packed.map((p) => {
		const dir = join(tmp, 'x', p.filename.replace(/\.tgz$/, ''));
		mkdirSync(dir, { recursive: true });
		run(
			`tar -xzf ${p.filename}`,
			'tar',
			['-xzf', join(tmp, p.filename), '-C', dir],
			'check that `tar` is installed and the temp folder is writable'
		);
		const root = join(dir, 'package');
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
			string,
			unknown
		>;
		return { name: p.name, version: p.version, dir: root, manifest };
	});
}

/** `1.2.3` < `1.2.10`; a prerelease before its release. */
export function compareVersions(a: string, b: string): number {
	const parse = (v: string) => {
		const [core = '', pre] = v.split('-', 2);
		return { nums: core.split('.').map(Number), pre };
	};
	const [x, y] = [parse(a), parse(b)];
	for (let i = 0; i < 3; i++) {
		const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
		if (d !== 0) return d;
	}
	if (x.pre === y.pre) return 0;
	if (x.pre === undefined) return 1;
	if (y.pre === undefined) return -1;
	return x.pre < y.pre ? -1 : 1;
}

/** The highest published version of `name` within `range` (`npm view name@range version --json`). */
export function highestVersion(name: string, range: string): string {
	const step = `npm view ${name}@${range} version`;
	const out = run(
		step,
		'npm',
		['view', `${name}@${range}`, 'version', '--json'],
		REGISTRY_HINT
	).trim();
	let versions: string[];
	try {
		const parsed = JSON.parse(out) as unknown;
		versions = (Array.isArray(parsed) ? parsed : [parsed]).filter(
			(v): v is string => typeof v === 'string'
		);
	} catch {
		versions = [];
	}
	const highest = versions.sort(compareVersions).at(-1);
	if (!highest)
		throw new StepError(
			step,
			`no published version matches ${range}`,
			'check the range in the package that depends on it'
		);
	return highest;
}
