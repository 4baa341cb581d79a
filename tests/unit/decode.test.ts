/**
 * The decoder, by what a developer pastes: a message in a log line, a JSON payload, several
 * errors, a typo, text with no error in it (a code or a docs link: decode-codes.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode } from '../../src/decode/index.ts';
import { isWordChar } from '../../src/decode/normalize.ts';
import { withWords } from '../../src/decode/words.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { data, entry, paths } from './decode-fixtures.ts';

const portInUse = entry('asymmetric', 'PORT_IN_USE');

describe('a message in a line of log output', () => {
	const noisy: [string, string][] = [
		['as printed', 'Port 5432 is busy.'],
		['without its final period', 'Port 5432 is busy'],
		['after a timestamp and a level', '2025-03-01T12:00:00.123Z ERROR Port 5432 is busy.'],
		['after error:', 'error: Port 5432 is busy.'],
		['after Error:', 'Error: Port 5432 is busy.'],
		['after a cross mark', '✖ Port 5432 is busy.'],
		['after a [warn] tag', '[warn] Port 5432 is busy.'],
		[
			'in terminal colours',
			'\x1b[31m\x1b[1merror\x1b[22m\x1b[39m Port \x1b[33m5432\x1b[39m is busy.',
		],
		['after a terminal title left unterminated', '\x1b]0;build: step 3\nPort 5432 is busy.'],
		['with Windows line ends', 'starting clone\r\nPort 5432 is busy.\r\n'],
		['with spaces around it', '   \n\t Port 5432 is busy.   \n\n'],
		[
			'followed by a docs link',
			'Port 5432 is busy. https://errors.example.com/asymmetric/errors/port-in-use/',
		],
		['in the middle of a line', 'asym spin: Port 5432 is busy. (attempt 2 of 3)'],
	];
	for (const [how, text] of noisy) {
		it(`finds the entry and its value ${how}`, () => {
			const result = decode(text, data);
			assert.deepEqual(paths(result), [portInUse.path]);
			assert.deepEqual(result.matches[0]!.params, { port: '5432' });
		});
	}

	it('reads every placeholder: No free ports in 4000-4010 gives from and to', () => {
		const result = decode('No free ports in 4000-4010. Destroy a clone or widen the range.', data);
		assert.deepEqual(paths(result), [entry('asymmetric', 'NO_FREE_PORTS').path]);
		assert.deepEqual(result.matches[0]!.params, { from: '4000', to: '4010' });
		assert.equal(result.matches[0]!.via, 'message');
	});

	it('keeps values exactly as written, with spaces, quotes, dots and parentheses', () => {
		const id = 'db "prod" (v1.2) copy';
		const result = decode(`Unknown clone "${id}". List clones: asym status`, data);
		assert.deepEqual(paths(result), [entry('asymmetric', 'CLONE_NOT_FOUND').path]);
		assert.deepEqual(result.matches[0]!.params, { id });
	});

	it('reads curly quotes and apostrophes as straight ones, and keeps a curly one inside a value', () => {
		assert.deepEqual(
			paths(decode('Docker isn’t running. Start it, then retry. (asym doctor)', data)),
			[entry('asymmetric', 'DOCKER_UNAVAILABLE').path]
		);
		const result = decode('Unknown clone “Bob’s db”. List clones: asym status', data);
		assert.deepEqual(result.matches[0]!.params, { id: 'Bob’s db' });
	});

	it('reads a value that starts the message, after log noise, and a value used twice', () => {
		const health = decode(
			"2025-03-01 12:00:00 WARN my-db didn't become healthy in 30s. See logs: asym logs my-db",
			data
		);
		assert.deepEqual(paths(health), [entry('asymmetric', 'HEALTH_TIMEOUT').path]);
		assert.deepEqual(health.matches[0]!.params, { id: 'my-db', seconds: '30' });
		const seed = decode('[seed] 3 generated record(s) were rejected by validation.', data);
		assert.deepEqual(seed.matches[0]!.params, { rejected: '3' });
	});

	it('never matches a template that is nothing but a placeholder against arbitrary text', () => {
		// asymmetric ENV_SPEC_INVALID's template is `{what's wrong with the environment.yaml}`.
		for (const text of [
			'unknown key "identityy" in environment.yaml',
			'The build finished.',
			'anything at all',
		]) {
			assert.deepEqual(decode(text, data).matches, [], text);
		}
	});

	it('does not take a longer word for the end of a message without its period', () => {
		assert.deepEqual(decode('Port 5432 is busybox', data).matches, []);
	});

	it('counts the same message twice in one line', () => {
		const result = decode('Port 5432 is busy. Port 5433 is busy.', data);
		assert.equal(result.matches.length, 1);
		assert.equal(result.matches[0]!.count, 2);
		assert.deepEqual(result.matches[0]!.params, { port: '5432' });
	});
});

describe('a JSON payload', () => {
	it('reads RFC 9457 Problem Details: type URN, status, retryable, retry-after, hint, message', () => {
		const body = {
			type: 'urn:assetcore:error:SERVICE_UNAVAILABLE',
			title: 'UnavailableError',
			status: 503,
			detail: 'Queue full',
			code: 'SERVICE_UNAVAILABLE',
			retryable: true,
			retry_after_ms: 250,
			hint: 'Back off and retry',
		};
		const [m] = decode(JSON.stringify(body, null, 2), data).matches;
		assert.equal(m?.path, entry('assetcore', 'SERVICE_UNAVAILABLE').path);
		assert.equal(m.via, 'type');
		assert.equal(m.status, 503);
		assert.equal(m.retryable, true);
		assert.equal(m.retryAfterMs, 250);
		assert.equal(m.hint, 'Back off and retry');
		assert.equal(m.text, 'Queue full');
	});

	it('reads a payload embedded in a log line, pretty or minified alike', () => {
		const body = { type: 'urn:assetcore:error:SLOT_OCCUPIED', status: 409, code: 'SLOT_OCCUPIED' };
		const expected = [entry('assetcore', 'SLOT_OCCUPIED').path];
		assert.deepEqual(
			paths(decode(`2025-03-01 WARN request failed: ${JSON.stringify(body)} (retrying)`, data)),
			expected
		);
		assert.deepEqual(
			paths(decode(`request failed:\n${JSON.stringify(body, null, 4)}\n`, data)),
			expected
		);
	});

	it('reads a serialized error with its details and its cause chain, in order, without listing the causes again', () => {
		const error = {
			code: 'TASK_TIMEOUT',
			message: 'Task timed out',
			details: { nodeId: 'fetch', attempt: 2, timeoutMs: 5000 },
			cause: {
				code: 'PROCESS_TIMEOUT',
				details: { command: 'bun', args: ['run', 'x'], cwd: '/w', timeoutMs: 4000 },
				cause: { code: 'ECONNRESET', message: 'socket hang up' },
			},
		};
		const result = decode(JSON.stringify(error), data);
		assert.deepEqual(paths(result), [entry('smithers', 'TASK_TIMEOUT').path]);
		const [m] = result.matches;
		assert.deepEqual(m!.params, { nodeId: 'fetch', attempt: '2', timeoutMs: '5000' });
		assert.deepEqual(m!.detailsPresent, ['nodeId', 'attempt', 'timeoutMs']);
		assert.deepEqual(
			m!.cause?.map((c) => [c.code, c.path]),
			[
				['PROCESS_TIMEOUT', entry('smithers', 'PROCESS_TIMEOUT').path],
				['ECONNRESET', undefined],
			]
		);
		assert.deepEqual(m!.cause?.[0]?.params, {
			command: 'bun',
			args: '["run","x"]',
			cwd: '/w',
			timeoutMs: '4000',
		});
		assert.equal(m!.cause?.[1]?.text, 'socket hang up');
	});

	it('reports a known cause on its own when the error around it is not known', () => {
		const result = decode(
			JSON.stringify({
				code: 'WRAPPED',
				message: 'step failed',
				cause: { code: 'DB_WRITE_FAILED' },
			}),
			data
		);
		assert.deepEqual(paths(result), [entry('smithers', 'DB_WRITE_FAILED').path]);
	});

	it('reads each error of errors[]', () => {
		const result = decode(
			JSON.stringify({ errors: [{ code: 'TOOL_PATH_ESCAPE' }, { code: 'TOOL_FILE_TOO_LARGE' }] }),
			data
		);
		assert.deepEqual(paths(result), [
			entry('smithers', 'TOOL_PATH_ESCAPE').path,
			entry('smithers', 'TOOL_FILE_TOO_LARGE').path,
		]);
	});

	it('reads {"error":{"code":…}} with the status next to it', () => {
		const result = decode(
			JSON.stringify({ status: 404, error: { code: 'RUN_NOT_FOUND', message: 'no such run' } }),
			data
		);
		assert.deepEqual(paths(result), [
			entry('smithers', 'RUN_NOT_FOUND', 'http-run-not-found').path,
		]);
		assert.equal(result.matches[0]!.status, 404);
	});

	it('reads GraphQL errors[].extensions.code and JSON:API errors[].code with a string status', () => {
		const graphql = decode(
			JSON.stringify({
				data: null,
				errors: [{ message: 'token expired', extensions: { code: 'UNAUTHORIZED' } }],
			}),
			data
		);
		assert.deepEqual(paths(graphql), [entry('smithers', 'UNAUTHORIZED').path]);
		const jsonApi = decode(
			JSON.stringify({ errors: [{ status: '404', code: 'NOT_FOUND', title: 'Not found' }] }),
			data
		);
		assert.deepEqual(paths(jsonApi), [entry('smithers', 'NOT_FOUND', 'not-found').path]);
		assert.equal(jsonApi.matches[0]!.status, 404);
	});

	it('reads NDJSON logs and counts each error', () => {
		const lines = [
			{ level: 'error', msg: 'Port 5432 is busy.' },
			{ level: 'info', msg: 'retrying' },
			{ level: 'error', msg: 'Port 6379 is busy.' },
			{ level: 'error', code: 'DOCKER_UNAVAILABLE' },
		].map((l) => JSON.stringify(l));
		const result = decode(lines.join('\n'), data);
		assert.deepEqual(paths(result), [
			portInUse.path,
			entry('asymmetric', 'DOCKER_UNAVAILABLE').path,
		]);
		assert.equal(result.matches[0]!.count, 2);
		assert.deepEqual(result.matches[0]!.params, { port: '5432' });
	});

	it('finds an error in a string a log repeats, every time it is repeated', () => {
		// Strings that name nothing are read once per paste; one that names an error is read each time.
		const lines = Array.from({ length: 5 }, (_, n) =>
			JSON.stringify({ level: 'warn', note: 'upstream sent PORT_IN_USE', request_id: `req-${n}` })
		);
		const result = decode(lines.join('\n'), data);
		assert.deepEqual(paths(result), [portInUse.path]);
		assert.equal(result.matches[0]!.count, 5);
	});

	it('reads a message that a payload repeats as the same error each time, with its values', () => {
		// A message is read once per paste; every object that carries it is still that error.
		const message = fillTemplate(portInUse.message!, { port: '5432' });
		const result = decode(
			JSON.stringify({ errors: [{ message }, { message, status: 409 }, { message }] }),
			data
		);
		assert.deepEqual(paths(result), [portInUse.path]);
		assert.equal(result.matches[0]!.count, 3);
		assert.deepEqual(result.matches[0]!.params, { port: '5432' });
	});

	it('reads JSON held in a JSON string, and JSON escaped into a log line', () => {
		const inner = JSON.stringify({ code: 'INVALID_JSON', status: 400 });
		assert.deepEqual(paths(decode(JSON.stringify({ statusCode: 400, body: inner }), data)), [
			entry('smithers', 'INVALID_JSON', 'invalid-json').path,
		]);
		assert.deepEqual(paths(decode(`upstream said body=${JSON.stringify(inner)}`, data)), [
			entry('smithers', 'INVALID_JSON', 'invalid-json').path,
		]);
	});

	it('reads util.inspect output: unquoted keys, single quotes, an Error with a [cause]', () => {
		const inspected = [
			'SmithersErrorInstance [Error]: Run r-9 not found',
			'    at getRun (/app/run.ts:10:11) {',
			"  code: 'RUN_NOT_FOUND',",
			"  details: { runId: 'r-9' },",
			'  [cause]: Error: no row',
			'      at query (/app/db.ts:3:4) {',
			"    code: 'DB_QUERY_FAILED'",
			'  }',
			'}',
		].join('\n');
		const result = decode(inspected, data);
		assert.deepEqual(paths(result), [entry('smithers', 'RUN_NOT_FOUND', 'run-not-found').path]);
		assert.deepEqual(result.matches[0]!.params, { runId: 'r-9' });
		assert.deepEqual(
			result.matches[0]!.cause?.map((c) => c.code),
			['DB_QUERY_FAILED']
		);
	});

	it('reads a Python dict with True, False and None', () => {
		const result = decode(
			"{'code': 'SLOT_OCCUPIED', 'status': 409, 'retryable': False, 'hint': None}",
			data
		);
		assert.deepEqual(paths(result), [entry('assetcore', 'SLOT_OCCUPIED').path]);
		assert.equal(result.matches[0]!.retryable, false);
	});

	it('salvages comments, trailing commas and a payload cut off mid-way', () => {
		assert.deepEqual(
			paths(
				decode(
					'{ // from the proxy\n "code": "CONTAINER_NOT_FOUND", /* id */ "status": 404, }',
					data
				)
			),
			[entry('assetcore', 'CONTAINER_NOT_FOUND').path]
		);
		const cut = decode(
			'{"type":"urn:assetcore:error:SERVICE_UNAVAILABLE","status":503,"retryable":true,"retry_after_ms":100,"detail":"System is at cap',
			data
		);
		assert.deepEqual(paths(cut), [entry('assetcore', 'SERVICE_UNAVAILABLE').path]);
		assert.equal(cut.matches[0]!.retryAfterMs, 100);
	});

	it('treats a __proto__ key as data: nothing is polluted, nothing leaks into params', () => {
		const text =
			'{"__proto__":{"polluted":"yes"},"code":"RUN_NOT_FOUND","details":{"__proto__":{"runId":"evil"},"constructor":{"prototype":{"polluted":"yes"}},"runId":"r-1"}}';
		const result = decode(text, data);
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
		assert.equal(Object.getPrototypeOf(result.matches[0]!.params), Object.prototype);
		assert.deepEqual(result.matches[0]!.params, { runId: 'r-1' });
	});

	it('reads the message of a payload whose entry has a template, for its values', () => {
		const result = decode(
			JSON.stringify({ code: 'PORT_IN_USE', message: 'Port 8080 is busy.' }),
			data
		);
		assert.deepEqual(result.matches[0]!.params, { port: '8080' });
		assert.equal(result.matches[0]!.via, 'code');
	});
});

describe('what a Problem Details payload reports for support', () => {
	const e = entry('assetcore', 'CONTAINER_NOT_FOUND');
	const example = e.examples!.find((x) => x.payload.includes('correlation_id'))!;
	const payload = JSON.parse(example.payload) as Record<string, unknown> & {
		details: Record<string, unknown>;
	};

	it('keeps its detail, its details fields as text and its correlation ids', () => {
		const m = decode(example.payload, data).matches[0]!;
		assert.equal(m.path, e.path);
		assert.equal(m.text, payload.detail);
		const reported = Object.fromEntries((m.reported ?? []).map((r) => [r.name, r.value]));
		// A field the message's template names is read as its value; the others are reported as they are.
		for (const [k, v] of Object.entries(payload.details))
			assert.equal(m.params[k] ?? reported[`details.${k}`], String(v), k);
		assert.equal(reported.server_correlation_id, payload.server_correlation_id);
		assert.equal(reported.client_correlation_id, payload.client_correlation_id);
	});
});

describe('a payload message with a docs link appended', () => {
	it('shows the message without the trailing docs link', () => {
		const e = entry('smithers', 'TASK_TIMEOUT');
		const m = decode(
			JSON.stringify({
				code: e.code,
				message: `Task fetch timed out. See https://smithers.example/errors#${e.code.toLowerCase()}`,
			}),
			data
		).matches[0]!;
		assert.equal(m.text, 'Task fetch timed out.');
	});
});

describe('several errors in one paste', () => {
	it('finds each, in order, with counts', () => {
		const log = [
			'12:00:01 ERROR Port 5432 is busy.',
			'12:00:02 WARN {"code":"TOOL_GREP_FAILED"}',
			'12:00:03 ERROR Port 5433 is busy.',
			"12:00:04 ERROR Docker isn't running. Start it, then retry. (asym doctor)",
		].join('\n');
		const result = decode(log, data);
		assert.deepEqual(paths(result), [
			portInUse.path,
			entry('smithers', 'TOOL_GREP_FAILED').path,
			entry('asymmetric', 'DOCKER_UNAVAILABLE').path,
		]);
		assert.deepEqual(
			result.matches.map((m) => m.count),
			[2, 1, 1]
		);
	});

	it('counts a message and the error object printed after it once', () => {
		const inspected =
			"Error: Port 5432 is busy.\n    at listen (/app/a.js:1:1)\n    at main (/app/b.js:2:2) {\n  code: 'PORT_IN_USE'\n}";
		const result = decode(inspected, data);
		assert.deepEqual(paths(result), [portInUse.path]);
		assert.equal(result.matches[0]!.count, 1);
		assert.deepEqual(result.matches[0]!.params, { port: '5432' });
	});
});

describe('no known error', () => {
	it('suggests the nearest codes for a mistyped one, and matches nothing', () => {
		const result = decode('failed with TASK_TIMOUT', data);
		assert.deepEqual(result.matches, []);
		assert.equal(result.suggestions[0]?.path, entry('smithers', 'TASK_TIMEOUT').path);
		assert.equal(result.suggestions[0]?.input, 'TASK_TIMOUT');
	});

	it('suggests nothing for a code that is close to none', () => {
		const result = decode('ANTHROPIC_API_KEY is not set', data);
		assert.deepEqual(result.matches, []);
		assert.deepEqual(result.suggestions, []);
	});

	it('finds nothing in text without an error', () => {
		for (const text of [
			'',
			'   ',
			'The deploy finished in 3.2s.',
			'Everything is fine { really } [ok]',
			'{"ok":true,"items":[1,2,3]}',
		]) {
			const result = decode(text, data);
			assert.deepEqual(result.matches, [], text);
			assert.deepEqual(result.suggestions, [], text);
			assert.equal(result.truncated, false);
		}
	});
});

describe('words', () => {
	it('are the runs of isWordChar, the one definition of a code or template character', () => {
		let text = '';
		for (let c = 1; c < 0x3000; c++) text += String.fromCharCode(c, 32);
		const found = withWords(text, (w) =>
			Array.from({ length: w.count }, (_, k) => text.slice(w.start[k], w.end[k]))
		);
		const expected = [...text].filter((c) => c !== ' ' && isWordChar(c.charCodeAt(0)));
		assert.deepEqual(found, expected);
	});

	it('are lent to each caller on its own: a call inside another leaves the outer words as they were', () => {
		const outer = withWords('alpha beta gamma', (w) => {
			const before = Array.from({ length: w.count }, (_, k) => [w.start[k], w.end[k]]);
			withWords('x yy zzz wwww vvvvv', () => undefined);
			return { before, after: Array.from({ length: w.count }, (_, k) => [w.start[k], w.end[k]]) };
		});
		assert.deepEqual(outer.after, outer.before);
	});
});
