/**
 * explain: decodes a pasted error into the matching Error Atlas entries.
 *
 *   npm run --silent explain -- [--json] [TEXT…]
 *
 * Reads standard input when no TEXT is given. Exit status: 0 when something matched, 1 when
 * nothing did, 2 on bad usage (or a registry that does not load, or output that cannot be
 * written). Links use SITE_URL.
 */
import { loadRegistry } from '../src/registry/load.ts';
import { absoluteUrl, DEFAULT_SITE_URL, productPath } from '../src/registry/urls.ts';
import { siteUrl, SiteUrlError } from '../src/site/origin.ts';
import { RegistryError } from '../src/registry/validation.ts';
import {
	decode,
	LIMITS,
	report,
	reportText,
	textEncoding,
	toDecoderData,
	type DecodeResult,
	type Report,
	type Style,
} from '../src/decode/index.ts';

const USAGE = `Usage: npm run --silent explain -- [--json] [TEXT…]

Finds the Error Atlas entries for whatever you paste: a CLI message, a JSON error body,
a log excerpt, a stack trace, a docs URL or a bare code. Reads standard input when no
TEXT is given.

Options:
  --json      print one JSON object: {"matches":[…],"suggestions":[…]}
  -h, --help  show this help

Exit status: 0 when something matched, 1 when nothing did, 2 on bad usage or when
the result cannot be written.
Environment: SITE_URL sets the links' origin, http(s) only (default ${DEFAULT_SITE_URL});
NO_COLOR or TERM=dumb turns colour off.

Examples:
  npm run --silent explain -- 'Port 5432 is busy.'
  curl -s https://api.example.com/… | npm run --silent explain -- --json`;

/** A failure the user can fix: one line, exit 2. */
class UsageError extends Error {}

/** Standard output refused what was written (a full disk, a closed pipe): the result did not reach the user. */
class OutputError extends Error {}

/**
 * Writes a line to standard output and waits until it is written: a failed write is the run's
 * failure, not an exit 0 with nothing written (console.log drops write errors).
 */
function print(text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const failed = (error: NodeJS.ErrnoException) => {
			const why = /^\w+: ([^,]+)/.exec(error.message)?.[1];
			reject(
				new OutputError(
					`could not write the result to standard output — ${error.code ?? error.message}${why ? ` (${why})` : ''}.`
				)
			);
		};
		// The stream reports a failed write as an 'error' event too, which would otherwise end the process with a stack trace.
		process.stdout.once('error', failed);
		process.stdout.write(`${text}\n`, (error) => {
			if (error) failed(error);
			else {
				process.stdout.off('error', failed);
				resolve();
			}
		});
	});
}

/** Colour only on a terminal that shows it: not when piped, not with NO_COLOR (no-color.org), not on TERM=dumb. */
function wantsColour(): boolean {
	return process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

interface Options {
	json: boolean;
	help: boolean;
	text: string[];
}

export function parseArgs(args: readonly string[]): Options {
	const options: Options = { json: false, help: false, text: [] };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			options.text.push(...args.slice(i + 1));
			break;
		}
		if (arg === '--json') options.json = true;
		else if (arg === '--help' || arg === '-h') options.help = true;
		else if (arg.startsWith('-') && arg.length > 1) {
			throw new UsageError(
				`unknown option ${arg} — the options are --json and --help; put text that starts with "-" after --.`
			);
		} else options.text.push(arg);
	}
	return options;
}

/**
 * Standard input, its start and its end: the decoder reads the first and the last half of its
 * input bound (a log ends with its error), so the middle of a longer input is not kept in memory.
 * `bytes` is the whole input's size.
 */
async function readStdin(): Promise<{ text: string; bytes: number }> {
	// Enough bytes for each half of the decoder's input in any encoding.
	const keep = LIMITS.maxInputChars * 2;
	const head: Buffer[] = [];
	const tail: Buffer[] = [];
	let headSize = 0;
	let tailSize = 0;
	let bytes = 0;
	for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
		bytes += chunk.length;
		if (headSize < keep) {
			head.push(chunk);
			headSize += chunk.length;
			continue;
		}
		tail.push(chunk);
		tailSize += chunk.length;
		while (tail.length > 1 && tailSize - tail[0]!.length >= keep) tailSize -= tail.shift()!.length;
	}
	const start = Buffer.concat(head);
	// UTF-16 with its byte order mark (PowerShell's `>`), as a file dropped on the decoder is read.
	const encoding = textEncoding(start);
	let end = Buffer.concat(tail);
	// The end read from a whole UTF-16 unit on.
	if (encoding !== 'utf-8' && (bytes - end.length) % 2) end = end.subarray(1);
	const read = (b: Uint8Array) => new TextDecoder(encoding).decode(b);
	return { text: read(start) + (end.length ? read(end) : ''), bytes };
}

/** Bold codes, cyan values, dim links, yellow warnings. */
const COLOUR: Style = {
	code: (s) => `\x1b[1m${s}\x1b[22m`,
	value: (s) => `\x1b[1;36m${s}\x1b[22;39m`,
	dim: (s) => `\x1b[2m${s}\x1b[22m`,
	warn: (s) => `\x1b[33m${s}\x1b[39m`,
};

/** The human output: the report as text, and where every code is listed when nothing matched. */
export function human(told: Report, site: string, style?: Style): string {
	// What a bound left unread goes to standard error (main), so a pipe gets the result alone.
	const text = reportText({ ...told, notes: [] }, { style });
	return told.groups.length
		? text
		: `${text}\nEvery documented code is listed at ${absoluteUrl(site, '/')}`;
}

/**
 * The `--json` object: matches in the issue's shape (`url` is the page path, `pageUrl` the page on
 * SITE_URL, as the human output links it), suggestions, and codes the product throws but does not list
 * (their product's overview).
 */
export function jsonResult(result: DecodeResult, site: string | URL): object {
	const matches = result.matches.map(({ path, group: _group, text, ...m }) => {
		const { product, code, params, via, ...rest } = m;
		return {
			product,
			code,
			url: path,
			pageUrl: absoluteUrl(site, path),
			params,
			via,
			...rest,
			...(text === undefined ? {} : { message: text }),
		};
	});
	const suggestions = result.suggestions.map(({ path, ...s }) => ({
		...s,
		url: path,
		pageUrl: absoluteUrl(site, path),
	}));
	return {
		matches,
		suggestions,
		...(result.unlisted.length
			? {
					unlisted: result.unlisted.map((u) => ({
						...u,
						pageUrl: absoluteUrl(site, productPath(u.product)),
					})),
				}
			: {}),
		...(result.truncated ? { truncated: true, truncatedBy: result.truncatedBy } : {}),
	};
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	if (options.help) {
		await print(USAGE);
		return 0;
	}
	const site = siteUrl().href;
	let input: string;
	let inputSize = 0;
	if (options.text.length) input = options.text.join(' ');
	else if (process.stdin.isTTY) {
		throw new UsageError(
			`nothing to explain — pass the error as TEXT (npm run --silent explain -- 'Port 5432 is busy.') or pipe it on standard input.`
		);
	} else ({ text: input, bytes: inputSize } = await readStdin());
	if (!input.trim())
		throw new UsageError('the input is empty — pass the error text as TEXT or on standard input.');

	const data = toDecoderData(loadRegistry());
	const result = decode(input, data);
	const told = report(result, data, { site, inputChars: inputSize, text: input });
	await print(
		options.json
			? JSON.stringify(jsonResult(result, site))
			: human(told, site, wantsColour() ? COLOUR : undefined)
	);
	if (!options.json) for (const note of told.notes) console.error(`explain: ${note}`);
	return result.matches.length ? 0 : 1;
}

if (import.meta.main) {
	main().then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			if (
				error instanceof UsageError ||
				error instanceof SiteUrlError ||
				error instanceof OutputError
			)
				console.error(`explain: ${error.message}`);
			else if (error instanceof RegistryError) console.error(`explain: ${error.message}`);
			else
				console.error(
					`explain: unexpected failure — ${error instanceof Error ? error.stack : String(error)}`
				);
			process.exitCode = 2;
		}
	);
}
