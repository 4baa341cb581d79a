/**
 * The command line of a script a user runs: `--help` (or `-h`) prints its usage and exits 0; an
 * option it does not take, an option without its value or an argument it does not expect prints
 * one line saying so, with the usage line, and exits 2. Never Node's parse error with a stack trace.
 *
 *   const { values, positionals } = commandLine('bench', USAGE, { json: { type: 'boolean' } });
 *
 * `usage` starts with its one-line synopsis (`Usage: npm run bench [-- --json]`); what follows,
 * if anything, explains it and is shown by --help only.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
	typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>;

/** An argument as a message shows it: control and format characters (a terminal escape, a bidi override) written as escapes. */
export function shown(arg: string): string {
	return arg.replace(
		/[\p{Cc}\p{Cf}\u2028\u2029]/gu,
		(c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`
	);
}

/** Node's parse error, said the way this project says things. */
function problem(error: Error & { code?: string }): string {
	const quoted = /'([^']*)'/.exec(error.message)?.[1];
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted)
		return `unknown option ${shown(quoted)}`;
	const option = /^Option '(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1];
	if (option && / argument missing/.test(error.message)) return `${shown(option)} needs a value`;
	if (option && /does not take an argument/.test(error.message))
		return `${shown(option)} takes no value`;
	return shown(error.message.split('. ')[0]!);
}

function isParseError(error: unknown): error is Error & { code: string } {
	const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
	return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** The one-line refusal of a bad command line: what is wrong, then the synopsis. */
export function usageProblem(name: string, usage: string, what: string): string {
	return `${name}: ${what} — ${usage.split('\n')[0]!.replace(/^Usage: /, 'usage: ')} (--help says more)`;
}

/** Refuses a bad command line the way `commandLine` does: one line on stderr, exit 2. */
export function refuse(name: string, usage: string, what: string): never {
	console.error(usageProblem(name, usage, what));
	process.exit(2);
}

/**
 * The script's options and positional arguments (`positionals: false`, the default, refuses any),
 * or it exits: 0 after printing the usage for --help, 2 with one line for a bad command line.
 */
export function commandLine<O extends ParseArgsOptionsConfig>(
	name: string,
	usage: string,
	options: O,
	{
		positionals = false,
		args = process.argv.slice(2),
	}: { positionals?: boolean; args?: string[] } = {}
): Parsed<O> {
	const end = args.indexOf('--');
	if ((end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
		console.log(usage);
		process.exit(0);
	}
	let parsed: Parsed<O>;
	try {
		parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as Parsed<O>;
	} catch (error) {
		if (!isParseError(error)) throw error;
		refuse(name, usage, problem(error));
	}
	if (!positionals && parsed.positionals.length)
		refuse(name, usage, `unexpected argument "${shown(parsed.positionals[0]!)}"`);
	return parsed;
}
