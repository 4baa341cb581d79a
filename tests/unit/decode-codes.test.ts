/**
 * The decoder, given a code or a docs link: a code alone or in a line in any spelling, a link to
 * an entry's page, and a code several entries share — which of them the paste's other hints pick,
 * and each one shown when nothing does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode } from '../../src/decode/index.ts';
import { allEntries, data, entry, firstGroup, paths, registry } from './decode-fixtures.ts';

const portInUse = entry('asymmetric', 'PORT_IN_USE');

describe('a code or a docs link', () => {
	const runtime = entry('smithers', 'TASK_TIMEOUT');
	const written: [string, string][] = [
		['bare', 'TASK_TIMEOUT'],
		['in lower case', 'task_timeout'],
		['in brackets', 'step failed [TASK_TIMEOUT]'],
		['as Node writes a coded error', 'Error [TASK_TIMEOUT]: the step took too long'],
		['at a line start', 'TASK_TIMEOUT: the step took too long'],
		['as a code field in a stack trace', "    at run (/app/x.ts:1:2) { code: 'TASK_TIMEOUT' }"],
		['compared in code', 'if (err.code === "TASK_TIMEOUT") retry()'],
	];
	for (const [how, text] of written) {
		it(`finds a code written ${how}`, () =>
			assert.deepEqual(paths(decode(text, data)), [runtime.path]));
	}

	it('tells a code written as one from the same word in prose', () => {
		assert.deepEqual(decode('unauthorized access to the dashboard', data).matches, []);
		assert.deepEqual(paths(decode("{ code: 'unauthorized' }", data)), [
			entry('smithers', 'UNAUTHORIZED').path,
		]);
	});

	it('finds a docs URL of this site, on any host, and a short link', () => {
		const http = entry('smithers', 'RUN_NOT_FOUND', 'http-run-not-found');
		for (const url of [
			`https://errors.example.com${http.path}`,
			`see ${http.path} for details`,
			`http://localhost:4321${http.path.slice(0, -1)}`,
		]) {
			const result = decode(url, data);
			assert.deepEqual(paths(result), [http.path], url);
			assert.equal(result.matches[0]!.via, 'url');
		}
		assert.deepEqual(paths(decode('https://errors.example.com/e/TOOL_GREP_FAILED/', data)), [
			entry('smithers', 'TOOL_GREP_FAILED').path,
		]);
	});

	it('suggests the page for a docs URL whose slug is mistyped', () => {
		const result = decode('/asymmetric/errors/port-in-uze/', data);
		assert.deepEqual(result.matches, []);
		assert.deepEqual(
			result.suggestions.map((s) => s.path),
			[portInUse.path]
		);
	});
});

describe('a code that several entries share', () => {
	const smithersRequest = entry('smithers', 'INVALID_REQUEST', 'invalid-request');
	const assetRequest = entry('assetcore', 'INVALID_REQUEST');
	const runtimeRun = entry('smithers', 'RUN_NOT_FOUND', 'run-not-found');
	const httpRun = entry('smithers', 'RUN_NOT_FOUND', 'http-run-not-found');

	it('returns every candidate, marked ambiguous, when nothing decides', () => {
		const result = decode('INVALID_REQUEST', data);
		assert.deepEqual(
			new Set(firstGroup(result)),
			new Set(
				allEntries(registry)
					.filter((e) => e.code === 'INVALID_REQUEST')
					.map((e) => e.path)
			)
		);
		assert.ok(result.matches.every((m) => m.ambiguous && m.group === 0));
		assert.equal(result.groups.length, 1);
		assert.deepEqual(
			new Set(firstGroup(decode('RUN_NOT_FOUND', data))),
			new Set([runtimeRun.path, httpRun.path])
		);
	});

	it('lets the Problem Details type prefix decide', () => {
		assert.deepEqual(
			paths(decode('{"type":"urn:assetcore:error:INVALID_REQUEST","status":400}', data)),
			[assetRequest.path]
		);
	});

	it('lets the status decide, in the payload or in the log line', () => {
		assert.deepEqual(paths(decode('{"code":"RUN_NOT_FOUND","status":404}', data)), [httpRun.path]);
		assert.deepEqual(
			paths(decode('HTTP/1.1 404 Not Found {"error":{"code":"RUN_NOT_FOUND"}}', data)),
			[httpRun.path]
		);
	});

	it('lets a status on the lines before a body decide: a request line with its status, a status line and headers', () => {
		const body = '{"error":{"code":"RUN_NOT_FOUND"}}';
		assert.deepEqual(
			paths(decode(`POST http://localhost:7331/v1/runs -> ${httpRun.status}\n${body}`, data)),
			[httpRun.path]
		);
		const pretty = JSON.stringify(JSON.parse(body), null, 2);
		assert.deepEqual(
			paths(
				decode(
					`HTTP/1.1 ${httpRun.status} Not Found\nContent-Type: application/json\n\n${pretty}`,
					data
				)
			),
			[httpRun.path]
		);
	});

	it('lets an error type the product documents decide for its thrown (runtime) entry', () => {
		const sections = JSON.stringify(registry.products.find((p) => p.id === 'smithers')!.sections);
		for (const name of ['SmithersError', 'SmithersErrorInstance'])
			assert.ok(sections.includes(`\`${name}\``), `${name} is in the Smithers reference`);
		assert.deepEqual(paths(decode('SmithersError: RUN_NOT_FOUND', data)), [runtimeRun.path]);
		assert.deepEqual(
			paths(decode('SmithersErrorInstance [RUN_NOT_FOUND]: Run r-1 was not found', data)),
			[runtimeRun.path]
		);
		assert.deepEqual(
			paths(
				decode(
					"SmithersErrorInstance [RUN_NOT_FOUND]: Run r-1 was not found\n    at run (file.js:1:1) {\n  code: 'RUN_NOT_FOUND'\n}",
					data
				)
			),
			[runtimeRun.path]
		);
	});

	it('ranks first the candidate whose own text names a term the message quotes', () => {
		const smithersLarge = entry('smithers', 'PAYLOAD_TOO_LARGE');
		const term = /`(\w+)`/.exec(smithersLarge.when!)![1]!;
		assert.ok(!JSON.stringify(entry('assetcore', 'PAYLOAD_TOO_LARGE')).includes(term));
		assert.equal(
			paths(decode(`PAYLOAD_TOO_LARGE: body exceeds ${term} (1048576)`, data))[0],
			smithersLarge.path
		);
		assert.equal(
			paths(
				decode(
					JSON.stringify({
						error: { code: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds ${term}` },
					}),
					data
				)
			)[0],
			smithersLarge.path
		);
	});

	it('lets the documented details decide', () => {
		const result = decode('{"code":"RUN_NOT_FOUND","details":{"runId":"r-42"}}', data);
		assert.deepEqual(paths(result), [runtimeRun.path]);
		assert.deepEqual(result.matches[0]!.params, { runId: 'r-42' });
	});

	it('lets a product named on the same line decide', () => {
		const smithers = allEntries(registry).filter(
			(e) => e.code === 'INVALID_REQUEST' && e.product === 'smithers'
		);
		assert.ok(smithers.includes(smithersRequest));
		assert.deepEqual(
			new Set(paths(decode('smithers server: INVALID_REQUEST', data))),
			new Set(smithers.map((e) => e.path))
		);
		assert.deepEqual(paths(decode('Asset Core said INVALID_REQUEST', data)), [assetRequest.path]);
	});

	it('ranks by a weak hint without dropping the other candidate', () => {
		// Problem Details fields point to the product that answers with them, but do not prove it.
		const result = decode(
			'{"code":"PAYLOAD_TOO_LARGE","status":413,"detail":"too big","retryable":false}',
			data
		);
		assert.deepEqual(paths(result), [
			entry('assetcore', 'PAYLOAD_TOO_LARGE').path,
			entry('smithers', 'PAYLOAD_TOO_LARGE').path,
		]);
	});

	it("never matches a code under another product's type prefix", () => {
		const result = decode('{"type":"urn:assetcore:error:RUN_NOT_FOUND"}', data);
		assert.deepEqual(result.matches, []);
	});
});
