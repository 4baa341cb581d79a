/**
 * The `explain` CLI as a user runs it: TEXT or standard input in; the entry, its absolute URL,
 * the message with the user's values and what to do out; `--json` as one object; exit 0 with a
 * match, 1 without, 2 on bad usage with one line saying what is wrong.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { absoluteUrl } from '../../src/registry/urls.ts';
import { decode, LIMITS, report, statusLine } from '../../src/decode/index.ts';
import { allEntries, data, entry, registry } from './decode-fixtures.ts';

const SITE = 'https://errors.example.com';

function explain(
	args: string[],
	options: { input?: string | Buffer; env?: Record<string, string> } = {}
) {
	const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/explain.ts'), ...args], {
		input: options.input ?? '',
		encoding: 'utf8',
		env: { ...process.env, SITE_URL: SITE, NO_COLOR: '', ...options.env },
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const noFreePorts = entry('asymmetric', 'NO_FREE_PORTS');

describe('explain', () => {
	it('explains a message given as TEXT: entry, values, what to do, absolute URL, no colour when piped', () => {
		const { code, stdout, stderr } = explain([
			'No',
			'free',
			'ports',
			'in',
			'4000-4010.',
			'Destroy',
			'a',
			'clone',
			'or',
			'widen',
			'the',
			'range.',
		]);
		assert.equal(code, 0, stderr);
		assert.match(stdout, /^NO_FREE_PORTS\b/m);
		assert.ok(stdout.includes('No free ports in 4000-4010. Destroy a clone or widen the range.'));
		assert.ok(stdout.includes(`What to do: ${noFreePorts.fix}`));
		assert.ok(stdout.includes(absoluteUrl(SITE, noFreePorts.path)));
		assert.ok(!stdout.includes('\x1b'));
	});

	it('reads standard input when no TEXT is given', () => {
		const body = JSON.stringify({
			type: 'urn:assetcore:error:SERVICE_UNAVAILABLE',
			status: 503,
			retryable: true,
			retry_after_ms: 100,
		});
		const { code, stdout } = explain([], { input: `${body}\n` });
		assert.equal(code, 0);
		assert.match(stdout, /^SERVICE_UNAVAILABLE\b/m);
		const { facts } = report(decode(body, data), data).groups[0]!.cards[0]!;
		assert.deepEqual(
			facts.map((f) => f.value),
			['503', 'yes', '100 ms']
		);
		for (const { label, value } of facts)
			assert.ok(stdout.includes(`  ${label}: ${value}\n`), stdout);
	});

	it('reads the end of a log longer than the input bound on standard input, where its error is, and says what it read', () => {
		const filler = 'step ok\n'.repeat((LIMITS.maxInputChars * 5) / 8);
		const { code, stdout, stderr } = explain([], {
			input: `${filler}No free ports in 4000-4010. Destroy a clone or widen the range.\n`,
		});
		assert.equal(code, 0, stderr);
		assert.match(stdout, /^NO_FREE_PORTS\b/m);
		assert.match(stderr, /read the first and last 512 KiB of 5\.2 MB/);
	});

	it("reads a UTF-16 log with its byte order mark on standard input (PowerShell's >), short or longer than the bound", () => {
		const line = 'No free ports in 4000-4010. Destroy a clone or widen the range.\n';
		const utf16 = (text: string) =>
			Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		for (const text of [line, `${'étape ok\n'.repeat((LIMITS.maxInputChars * 3) / 9)}${line}`]) {
			const { code, stdout, stderr } = explain([], { input: utf16(text) });
			assert.equal(code, 0, stderr);
			assert.match(stdout, /^NO_FREE_PORTS\b/m);
			assert.match(stdout, /4000/);
		}
	});

	it('shows what a Problem Details payload reports for support: detail, details fields, correlation ids', () => {
		const e = entry('assetcore', 'CONTAINER_NOT_FOUND');
		const example = e.examples!.find((x) => x.payload.includes('correlation_id'))!;
		const payload = JSON.parse(example.payload) as Record<string, string> & {
			details: Record<string, unknown>;
		};
		const { code, stdout } = explain([example.payload]);
		assert.equal(code, 0);
		assert.ok(stdout.includes(payload.detail!));
		// A field the message's template names is read into it (the message line shows it); the others are listed.
		const { params } = (
			JSON.parse(explain(['--json', example.payload]).stdout) as {
				matches: { params: Record<string, string> }[];
			}
		).matches[0]!;
		for (const [k, v] of Object.entries(payload.details))
			assert.ok(
				stdout.includes(`details.${k}: ${v}`) || params[k] === String(v),
				`${k}: ${stdout}`
			);
		assert.ok(stdout.includes(`server_correlation_id: ${payload.server_correlation_id}`), stdout);
		assert.ok(stdout.includes(`client_correlation_id: ${payload.client_correlation_id}`), stdout);
	});

	it('prints exactly one JSON object with --json, in the documented shape', () => {
		const { code, stdout } = explain(['--json', 'Port 5432 is busy.']);
		assert.equal(code, 0);
		assert.equal(stdout.trim().split('\n').length, 1);
		assert.deepEqual(JSON.parse(stdout), {
			matches: [
				{
					product: 'asymmetric',
					code: 'PORT_IN_USE',
					url: entry('asymmetric', 'PORT_IN_USE').path,
					pageUrl: absoluteUrl(SITE, entry('asymmetric', 'PORT_IN_USE').path),
					params: { port: '5432' },
					via: 'message',
					count: 1,
				},
			],
			suggestions: [],
		});
	});

	it('gives each match and suggestion its page on SITE_URL with --json, as the human output does', () => {
		const match = JSON.parse(explain(['--json', 'Port 5432 is busy.']).stdout) as {
			matches: { url: string; pageUrl: string }[];
		};
		assert.equal(match.matches[0]!.pageUrl, absoluteUrl(SITE, match.matches[0]!.url));
		const other = JSON.parse(
			explain(['--json', 'Port 5432 is busy.'], {
				env: { SITE_URL: 'https://elsewhere.example.org' },
			}).stdout
		) as typeof match;
		assert.equal(
			other.matches[0]!.pageUrl,
			absoluteUrl('https://elsewhere.example.org', match.matches[0]!.url)
		);
		const near = JSON.parse(explain(['--json', 'PORT_IN_USEE']).stdout) as {
			suggestions: { url: string; pageUrl: string }[];
		};
		assert.equal(near.suggestions[0]!.pageUrl, absoluteUrl(SITE, near.suggestions[0]!.url));
	});

	it('lists every candidate of an ambiguous code and says nothing decides', () => {
		const { code, stdout } = explain(['INVALID_REQUEST']);
		const all = allEntries(registry).filter((e) => e.code === 'INVALID_REQUEST');
		assert.equal(code, 0);
		assert.ok(all.length >= 2);
		assert.match(
			stdout,
			new RegExp(
				`names ${all.length} entries, and nothing in what you pasted tells which one it is`
			)
		);
		for (const e of all) assert.ok(stdout.includes(absoluteUrl(SITE, e.path)), e.path);
	});

	it('exits 1 when nothing matches, with "did you mean" suggestions', () => {
		const human = explain(['PORT_IN_USEE']);
		assert.equal(human.code, 1);
		assert.equal(human.stdout.split('\n')[0], statusLine(decode('PORT_IN_USEE', data)));
		const name = registry.products.find((p) => p.id === 'asymmetric')!.name;
		assert.ok(
			human.stdout.includes(
				`Did you mean PORT_IN_USE (${name})? ${absoluteUrl(SITE, entry('asymmetric', 'PORT_IN_USE').path)}`
			)
		);
		const json = explain(['--json', 'all good here']);
		assert.equal(json.code, 1);
		assert.deepEqual(JSON.parse(json.stdout), { matches: [], suggestions: [] });
	});

	it('shows pasted control characters as text, never sends them to the terminal', () => {
		const { stdout } = explain(['Unknown clone "a\x07b". List clones: asym status']);
		assert.ok(stdout.includes('a\\x07b'));
		assert.ok(!stdout.includes('\x07'));
	});

	it('takes text that starts with "-" after --', () => {
		const { code, stdout } = explain(['--json', '--', '-> PORT_IN_USE']);
		assert.equal(code, 0);
		assert.equal(JSON.parse(stdout).matches[0].code, 'PORT_IN_USE');
	});

	// /dev/full is Linux's always-full device, on every machine this project runs on.
	it('fails, in one line, when its output cannot be written (a full disk), and says so', () => {
		for (const args of [['Port 5432 is busy.'], ['--json', 'Port 5432 is busy.']]) {
			const full = openSync('/dev/full', 'w');
			try {
				const run = spawnSync(
					process.execPath,
					[join(PROJECT_ROOT, 'scripts/explain.ts'), ...args],
					{
						stdio: ['ignore', full, 'pipe'],
						encoding: 'utf8',
						env: { ...process.env, SITE_URL: SITE },
					}
				);
				assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
				assert.match(
					run.stderr,
					/^explain: could not write the result to standard output — ENOSPC \(no space left on device\)\.\n$/
				);
			} finally {
				closeSync(full);
			}
		}
	});

	/** explain on a terminal: `script` gives it one (util-linux, in Debian's essential bsdutils). */
	const onTerminal = (env: Record<string, string>) =>
		spawnSync(
			'script',
			[
				'-qec',
				`${JSON.stringify(process.execPath)} ${JSON.stringify(join(PROJECT_ROOT, 'scripts/explain.ts'))} 'Port 5432 is busy.'`,
				'/dev/null',
			],
			{
				encoding: 'utf8',
				env: { ...process.env, SITE_URL: SITE, NO_COLOR: '', ...env },
			}
		).stdout;
	it("colours a terminal's output, unless NO_COLOR is set or the terminal is dumb", () => {
		assert.match(onTerminal({ TERM: 'xterm-256color' }), /\x1b\[1mPORT_IN_USE/);
		assert.doesNotMatch(onTerminal({ TERM: 'xterm-256color', NO_COLOR: '1' }), /\x1b\[/);
		const dumb = onTerminal({ TERM: 'dumb' });
		assert.match(dumb, /^PORT_IN_USE/m);
		assert.doesNotMatch(dumb, /\x1b\[/);
	});

	it('shows help with --help and exits 0', () => {
		const { code, stdout } = explain(['--help']);
		assert.equal(code, 0);
		assert.match(stdout, /^Usage: npm run --silent explain -- \[--json\] \[TEXT…\]/);
	});

	const misuse: [string, string[], Record<string, string> | undefined, RegExp][] = [
		['an unknown option', ['--colour', 'x'], undefined, /^explain: unknown option --colour — /],
		['empty input', ['   '], undefined, /^explain: the input is empty — /],
		[
			'a SITE_URL that is not a URL',
			['x'],
			{ SITE_URL: 'not a url' },
			/^explain: SITE_URL "not a url" is not a URL — /,
		],
		[
			'a javascript: SITE_URL',
			['Port 5432 is busy.'],
			{ SITE_URL: 'javascript:alert(1)' },
			/^explain: SITE_URL "javascript:alert\(1\)" is a javascript: URL — /,
		],
		[
			'a data: SITE_URL',
			['Port 5432 is busy.'],
			{ SITE_URL: 'data:text/html,hi' },
			/^explain: SITE_URL "data:text\/html,hi" is a data: URL — /,
		],
		[
			'a file: SITE_URL',
			['Port 5432 is busy.'],
			{ SITE_URL: 'file:///srv/site' },
			/^explain: SITE_URL "file:\/\/\/srv\/site" is a file: URL — /,
		],
		[
			'a SITE_URL with credentials, without echoing them',
			['Port 5432 is busy.'],
			{ SITE_URL: 'https://user:secret@errors.example.com' },
			/^explain: SITE_URL "https:\/\/…@errors\.example\.com\/" has a user name or password in it, /,
		],
		[
			'a bad SITE_URL under --json too',
			['--json', 'Port 5432 is busy.'],
			{ SITE_URL: 'javascript:alert(1)' },
			/^explain: SITE_URL "javascript:alert\(1\)" is a javascript: URL — /,
		],
	];
	for (const [what, args, env, message] of misuse) {
		it(`exits 2 with one line naming ${what}`, () => {
			const { code, stdout, stderr } = explain(args, { env });
			assert.equal(code, 2);
			assert.equal(stdout, '');
			assert.match(stderr, message);
			assert.equal(stderr.trim().split('\n').length, 1);
			assert.ok(!stderr.includes('secret'), 'a password in SITE_URL is not echoed');
		});
	}
});
