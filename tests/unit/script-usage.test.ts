/**
 * Every script a user runs — each npm script, and each file of scripts/ that runs as a program —
 * answers --help with its usage (exit 0) and an option it does not take with one line naming it
 * (exit 2), before doing any work, never with a stack trace. The scripts are read from
 * package.json and scripts/, so a new one is checked too.
 *
 * The npm scripts that end in Astro's or Playwright's own command (`astro build`, `playwright
 * test`) pass their options on to it, and that command answers them: they are listed, not run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/registry/load.ts';

const scripts = (
	JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
	}
).scripts;

/** `[node scripts/generate.ts &&] astro build`: options after `--` reach the tool's own command line. */
const PASSES_ON = /^(?:node scripts\/(?:generate|browser)\.ts && )?(?:astro|playwright) [a-z]+$/;

/** Files of scripts/ that run as programs, and how a user names them. */
const programs = readdirSync(join(PROJECT_ROOT, 'scripts'))
	.filter(
		(f) =>
			f.endsWith('.ts') &&
			/^if \(import\.meta\.main\)/m.test(readFileSync(join(PROJECT_ROOT, 'scripts', f), 'utf8'))
	)
	.map((f) => `scripts/${f}`);

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: PROJECT_ROOT,
			env: { ...process.env, NO_COLOR: '1' },
			timeout: 60_000,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d));
		child.stderr.on('data', (d: Buffer) => (stderr += d));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

const npm = process.env.npm_execpath;
const viaNpm = (name: string, args: string[]) =>
	npm?.endsWith('js')
		? run(process.execPath, [npm, 'run', '--silent', name, '--', ...args])
		: run('npm', ['run', '--silent', name, '--', ...args]);

const STACK = /^\s+at .+[:(]/m;

function answersHelp({ code, stdout, stderr }: Run, what: string): void {
	assert.equal(code, 0, `${what} --help: exit ${code}\n${stdout}${stderr}`);
	assert.match(stdout, /^Usage: /, `${what} --help prints its usage`);
	assert.ok(
		stdout.trim().split('\n').length <= 30,
		`${what} --help: a short block, not ${stdout.split('\n').length} lines`
	);
	assert.doesNotMatch(stdout + stderr, STACK);
}

function refusesUnknown({ code, stdout, stderr }: Run, what: string): void {
	assert.equal(code, 2, `${what} --no-such-option: exit ${code}\n${stdout}${stderr}`);
	assert.equal(stdout, '', `${what} --no-such-option does nothing`);
	assert.match(stderr, /^[\w:-]+: unknown option --no-such-option — /, what);
	assert.equal(stderr.trim().split('\n').length, 1, `${what}: one line, not\n${stderr}`);
	assert.doesNotMatch(stderr, STACK);
}

describe('every npm script', { concurrency: true }, () => {
	it("passes options on only where its last step is Astro's or Playwright's own command", () => {
		assert.deepEqual(
			Object.keys(scripts)
				.filter((name) => PASSES_ON.test(scripts[name]!))
				.sort(),
			['build', 'check', 'dev', 'preview', 'test:e2e']
		);
	});
	for (const name of Object.keys(scripts).filter((n) => !PASSES_ON.test(scripts[n]!))) {
		it(`npm run ${name} answers --help and an unknown option with its usage`, async () => {
			const [help, unknown] = await Promise.all([
				viaNpm(name, ['--help']),
				viaNpm(name, ['--no-such-option']),
			]);
			answersHelp(help, name);
			refusesUnknown(unknown, name);
		});
	}
});

describe('every program in scripts/', { concurrency: true }, () => {
	for (const file of programs) {
		it(`node ${file} answers --help and an unknown option with its usage`, async () => {
			const [help, unknown] = await Promise.all([
				run(process.execPath, [file, '--help']),
				run(process.execPath, [file, '--no-such-option']),
			]);
			answersHelp(help, file);
			refusesUnknown(unknown, file);
		});
	}
});
