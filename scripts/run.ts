/**
 * The npm scripts that run other commands one after another: `test`, `start`, `test:unit`. Written
 * as `a && b && c` in package.json, an argument after `npm test --` would reach only the last step,
 * after every other had run (`npm test -- --help` ran the whole suite, then printed npm's help).
 * Here each answers --help and refuses an option it does not take before it runs anything.
 *
 * Each step runs with this process's standard streams; the first that fails ends the run with its
 * exit status. Ctrl-C and termination signals are passed on to the step running.
 *
 *   node scripts/run.ts <script> [arguments]   (what `npm run <script> -- [arguments]` runs)
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { commandLine, refuse, shown } from './cli.ts';

const ROOT = join(import.meta.dirname, '..');
const SERVE = join(ROOT, 'scripts/serve.ts');
const PRETTIER = join(ROOT, 'node_modules/prettier/bin/prettier.cjs');

/** A command: the program, then its arguments. */
type Step = readonly [string, ...string[]];

/** Another npm script, through the npm that runs this one. */
function npmRun(script: string): Step {
	const npm = process.env.npm_execpath;
	return npm && /\.[cm]?js$/.test(npm)
		? [process.execPath, npm, 'run', script]
		: ['npm', 'run', script];
}

interface Script {
	usage: string;
	/** Whether it takes files or folders after its options. */
	positionals?: boolean;
	steps: (positionals: readonly string[]) => Step[];
}

export const SCRIPTS: Record<string, Script> = {
	test: {
		usage: `Usage: npm test

Every test: the tree's formatting (format:check), the unit tests, a build, a second build
compared with it file by file (check:reproducible), then the browser tests against it. Stops at
the first that fails.
To run one half: npm run test:unit, or npm run test:e2e after a build.`,
		steps: () => [
			npmRun('format:check'),
			npmRun('test:unit'),
			npmRun('build'),
			npmRun('check:reproducible'),
			npmRun('test:e2e'),
		],
	},
	start: {
		usage: `Usage: npm start

Generates and builds the site, then serves dist/ on http://localhost:4321 as a static host
would (scripts/serve.ts: an address without its trailing slash, in another case, or a short link
in any spelling redirects to its page; the _headers file's policy is sent). Ctrl-C stops it.`,
		steps: () => [npmRun('build'), [process.execPath, SERVE, '--port', '4321']],
	},
	format: {
		usage: `Usage: npm run format

Formats the tree with Prettier (.prettierrc.json: Starlight's settings, with the Astro plugin;
.prettierignore lists what is kept as received or written by tools).`,
		steps: () => [[process.execPath, PRETTIER, '--write', '--log-level', 'warn', '.']],
	},
	'format:check': {
		usage: `Usage: npm run format:check

Fails, naming each file, when a file is not formatted as npm run format would write it.`,
		steps: () => [[process.execPath, PRETTIER, '--check', '.']],
	},
	'test:unit': {
		usage: `Usage: npm run test:unit [-- FILE…]

The unit tests (node:test): every tests/unit/*.test.ts, or only the files named.`,
		positionals: true,
		steps: (files) => [
			[process.execPath, '--test', ...(files.length ? files : ['tests/unit/**/*.test.ts'])],
		],
	},
};

/** Runs a step to its end, passing on the signals that would stop this process; its exit status. */
function runStep([command, ...args]: Step): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
		const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
		const pass = (signal: NodeJS.Signals) => child.kill(signal);
		for (const s of signals) process.on(s, pass);
		const done = (status: number) => {
			for (const s of signals) process.off(s, pass);
			resolve(status);
		};
		child.on('error', (error) => {
			console.error(`run: could not start ${command} — ${error.message}`);
			done(1);
		});
		child.on('exit', (code, signal) =>
			done(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15))
		);
	});
}

const USAGE = `Usage: node scripts/run.ts <script> [arguments]

Runs one of the npm scripts made of several steps (${Object.keys(SCRIPTS).join(', ')}) as npm runs it:
npm run <script> -- --help says what each does.`;

if (import.meta.main) {
	const [name = '', ...args] = process.argv.slice(2);
	const script = SCRIPTS[name];
	if (!script) {
		// --help, or an option where the script's name goes.
		commandLine('run', USAGE, {}, { args: name.startsWith('-') ? [name] : [] });
		refuse('run', USAGE, name ? `no script "${shown(name)}"` : 'name a script');
	}
	const { positionals } = commandLine(
		name,
		script.usage,
		{},
		{ args, positionals: script.positionals ?? false }
	);
	for (const step of script.steps(positionals)) {
		const status = await runStep(step);
		if (status !== 0) process.exit(status);
	}
}
