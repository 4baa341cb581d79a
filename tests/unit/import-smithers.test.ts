/**
 * The Smithers importer's reading of package code (scripts/import/), on small inline sources: message
 * parts and placeholder names, skipped sites, subclasses and helpers, HTTP bodies, the catalog and the
 * facts. The importer itself reaches the npm registry and is not run here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile, type PackageFile } from '../../scripts/import/package-modules.ts';
import {
	readCatalog,
	readCliLine,
	readConstString,
	readErrorClassName,
	readHttpBody,
	readTaggedErrorCodes,
} from '../../scripts/import/smithers-facts.ts';
import { findForwarders, forwardersIn } from '../../scripts/import/smithers-forwarders.ts';
import { readSites, type SiteOptions } from '../../scripts/import/smithers-sites.ts';

function source(text: string, path = 'src/x.js', pkg = '@smithers-orchestrator/cli'): PackageFile {
	return parseFile(pkg, '0.32.0', path, text);
}

function sites(text: string, options: SiteOptions = {}) {
	return readSites(source(text), options);
}

/** The parts of the one message in `new SmithersError("X", <message>)`. */
function parts(message: string, prelude = '') {
	const { thrown } = sites(`${prelude}\nthrow new SmithersError("X", ${message});`);
	assert.equal(thrown.length, 1);
	return thrown[0]!.parts;
}

const p = (name: string, expr: string) => ({ name, expr });

describe('message parts', () => {
	it('names a placeholder after an identifier, or the last property of a property access or optional chain', () => {
		assert.deepEqual(
			parts('`Run ${runId} timed out after ${desc.timeoutMs}ms (${c.args?.runId})`'),
			[
				'Run ',
				p('runId', 'runId'),
				' timed out after ',
				p('timeoutMs', 'desc.timeoutMs'),
				'ms (',
				p('runId2', 'c.args?.runId'),
				')',
			]
		);
	});

	it('names after a string key, a single argument that names something, or a method call’s receiver', () => {
		assert.deepEqual(
			parts(
				'`${row["frameNo"]} ${String(x)} ${JSON.stringify(opts.limit)} ${ids.join(", ")} ${y.toString()}`'
			),
			[
				p('frameNo', 'row["frameNo"]'),
				' ',
				p('x', 'String(x)'),
				' ',
				p('limit', 'JSON.stringify(opts.limit)'),
				' ',
				p('ids', 'ids.join(", ")'),
				' ',
				p('y', 'y.toString()'),
			]
		);
	});

	it('names after the first operand of ??, || and ?: that has a name, through parentheses, as and !', () => {
		assert.deepEqual(
			parts('`${"?" ?? id} ${n || fallback} ${ok ? "" : path} ${(a as string)} ${b!}`', ''),
			[
				p('id', '"?" ?? id'),
				' ',
				p('n', 'n || fallback'),
				' ',
				p('path', 'ok ? "" : path'),
				' ',
				p('a', '(a as string)'),
				' ',
				p('b', 'b!'),
			]
		);
	});

	it('calls an expression that names nothing `value`, numbering the next ones', () => {
		assert.deepEqual(parts('`${i + 1} of ${list[0]} and ${f()}`'), [
			p('value', 'i + 1'),
			' of ',
			p('value2', 'list[0]'),
			' and ',
			p('value3', 'f()'),
		]);
	});

	it('gives the same expression the same name each time', () => {
		assert.deepEqual(parts('`${id} then ${id}`'), [p('id', 'id'), ' then ', p('id', 'id')]);
	});

	it('reads a concatenation of literals, templates and expressions, merging adjacent text', () => {
		assert.deepEqual(parts('"Run " + runId + ` in ${dir}` + \' failed\' + "."'), [
			'Run ',
			p('runId', 'runId'),
			' in ',
			p('dir', 'dir'),
			' failed.',
		]);
	});

	it('takes operands added before the first text as one value, as JavaScript adds them', () => {
		assert.deepEqual(parts('a + b + " items"'), [p('value', 'a + b'), ' items']);
	});

	it('reads plain strings and no-substitution templates as text', () => {
		assert.deepEqual(parts('"Run not found"'), ['Run not found']);
		assert.deepEqual(parts('`Line one\\nline two`'), ['Line one\nline two']);
	});

	it('leaves parts out when the message is an identifier, a property or a call, keeping its source', () => {
		for (const message of ['message', 'err.message', 'describe(state)', 'a + b']) {
			const { thrown } = sites(`throw new SmithersError("X", ${message});`);
			assert.equal(thrown[0]!.source, message);
			assert.equal('parts' in thrown[0]!, false, message);
		}
	});
});

describe('sites', () => {
	it('reads code, message source and 1-based line of `new`', () => {
		const { thrown, skipped } = sites(
			'// one\n\nthrow new SmithersError(\n  "RUN_NOT_FOUND",\n  `Run ${runId} not found`, { runId });'
		);
		assert.deepEqual(skipped, []);
		assert.deepEqual(thrown, [
			{
				code: 'RUN_NOT_FOUND',
				kind: 'SmithersError',
				source: '`Run ${runId} not found`',
				parts: ['Run ', p('runId', 'runId'), ' not found'],
				at: '@smithers-orchestrator/cli@0.32.0 src/x.js:3',
			},
		]);
	});

	it('records a site whose code is not a literal as skipped, saying what it is', () => {
		const { thrown, skipped } = sites('throw new SmithersError(err.code ?? "X", "boom");');
		assert.deepEqual(thrown, []);
		assert.deepEqual(skipped, [
			{
				at: '@smithers-orchestrator/cli@0.32.0 src/x.js:1',
				reason: 'code is not a literal: err.code ?? "X"',
			},
		]);
	});

	it('reads HttpError with its status, and a class imported under another name', () => {
		const { thrown } = sites(
			'import { SmithersErrorInstance as E } from "smithers-orchestrator";\nthrow new HttpError(409, "RUN_NOT_ACTIVE", "Run is not active");\nthrow new HttpError(status, "X", "y");\nthrow new E("Y", "z");'
		);
		assert.deepEqual(
			thrown.map((t) => [t.kind, t.code, t.status]),
			[
				['HttpError', 'RUN_NOT_ACTIVE', 409],
				['HttpError', 'X', undefined],
				['SmithersError', 'Y', undefined],
			]
		);
	});

	it('reads HTTP bodies only when asked, with a status stated beside them', () => {
		const text = [
			'sendJson(res, 404, { error: { code: "NOT_FOUND", message: "Run not found" } });',
			'return c.json({ error: { code: "UNAUTHORIZED", message: `No token for ${id}` } }, 401);',
			'return new Response(JSON.stringify({ ok: false, error: { code: "GONE", message: "gone" } }), { status: 410 });',
			'respond(status, { error: { code: "LATER", message: "later" } });',
			'return { error: { code: err.code, message: err.message } };',
		].join('\n');
		assert.deepEqual(sites(text).thrown, []);
		const { thrown, skipped } = sites(text, { bodies: true });
		assert.deepEqual(
			thrown.map((t) => [t.kind, t.code, t.status, t.at.split(':')[1]]),
			[
				['body', 'NOT_FOUND', 404, '1'],
				['body', 'UNAUTHORIZED', 401, '2'],
				['body', 'GONE', 410, '3'],
				['body', 'LATER', undefined, '4'],
			]
		);
		assert.deepEqual(
			skipped.map((s) => s.reason),
			['code is not a literal: err.code']
		);
	});

	it('reads calls to subclasses and helpers that pass their parameters on', () => {
		const text = [
			'class IntegrationError extends SmithersError {',
			'  constructor(reason, message) { super("INTEGRATION_ERROR", message, { reason }); }',
			'}',
			'function invalid(message = "Invalid") { throw new SmithersError("INVALID_INPUT", message); }',
			'function lint(code, id) { return new SmithersError(code, `Machine ${id} is not supported`); }',
			'throw new IntegrationError("bad", `Source ${id} failed`);',
			'invalid("Port must be a number");',
			'invalid();',
			'throw lint("XSTATE_BAD", machine);',
		].join('\n');
		const file = source(text);
		const forwarders = findForwarders([file]);
		assert.deepEqual(
			forwarders.map((f) => [f.kind, f.name]),
			[
				['class', 'IntegrationError'],
				['function', 'invalid'],
				['function', 'lint'],
			]
		);
		const { thrown, skipped } = readSites(file, {
			forwarders: forwardersIn(file, forwarders, () => undefined),
		});
		assert.deepEqual(
			thrown.map((t) => [t.code, t.source, t.at.split(':')[1]]),
			[
				['INTEGRATION_ERROR', 'message', '2'],
				['INVALID_INPUT', 'message', '4'],
				['INTEGRATION_ERROR', '`Source ${id} failed`', '6'],
				['INVALID_INPUT', '"Port must be a number"', '7'],
				['INVALID_INPUT', '"Invalid"', '8'],
				['XSTATE_BAD', '`Machine ${id} is not supported`', '9'],
			]
		);
		assert.deepEqual(
			skipped.map((s) => [s.reason, s.at.split(':')[1]]),
			[['code is not a literal: code', '5']]
		);
	});
});

describe('catalog and facts', () => {
	it('reads the catalog in source order, with the line of each code and details as written', () => {
		const file = source(
			'// header\nexport const smithersErrorDefinitions = {\n  RUN_NOT_FOUND: {\n    category: "engine",\n    when: `No run.`,\n    details: "{ runId }",\n  },\n  INVALID_INPUT: { category: "engine", when: "Input fails." },\n};',
			'src/smithersErrorDefinitions.js',
			'@smithers-orchestrator/errors'
		);
		assert.deepEqual(readCatalog(file), [
			{ code: 'RUN_NOT_FOUND', category: 'engine', when: 'No run.', details: '{ runId }', line: 3 },
			{ code: 'INVALID_INPUT', category: 'engine', when: 'Input fails.', line: 8 },
		]);
		assert.throws(
			() =>
				readCatalog(
					source('export const smithersErrorDefinitions = { X: { category: "a", when: w } };')
				),
			/X\.when to be a string literal/
		);
	});

	it('reads the reference URL and the error class’s default name', () => {
		assert.deepEqual(
			readConstString(
				source(
					'\nexport const ERROR_REFERENCE_URL = "https://smithers.sh/reference/errors";',
					'src/ERROR_REFERENCE_URL.js'
				),
				'ERROR_REFERENCE_URL'
			),
			{
				value: 'https://smithers.sh/reference/errors',
				at: '@smithers-orchestrator/cli@0.32.0 src/ERROR_REFERENCE_URL.js:2',
			}
		);
		const cls =
			'export class SmithersError extends Error {\n  constructor(code, summary, details, options) {\n    super(summary);\n    this.name = options.name ?? "SmithersError";\n  }\n}';
		assert.deepEqual(readErrorClassName(source(cls, 'src/SmithersError.js')), {
			value: 'SmithersError',
			at: '@smithers-orchestrator/cli@0.32.0 src/SmithersError.js:4',
		});
	});

	it('reads incur’s formatHumanError into the CLI line and the codes printed plainly', () => {
		const incur = [
			'function other() {}',
			'function formatHumanError(error) {',
			"    const prefix = error.code === 'UNKNOWN' || error.code === 'COMMAND_NOT_FOUND'",
			"        ? 'Error'",
			'        : `Error (${error.code})`;',
			'    let out = `${prefix}: ${error.message}`;',
			'    return out;',
			'}',
		].join('\n');
		assert.deepEqual(readCliLine(parseFile('incur', '0.4.26', 'dist/Cli.js', incur)), {
			value: 'Error ({code}): {message}',
			plainFor: ['COMMAND_NOT_FOUND', 'UNKNOWN'],
			at: 'incur@0.4.26 dist/Cli.js:2',
		});
		assert.throws(
			() => readCliLine(source(incur.replace("? 'Error'", "? 'Failed'"))),
			/plain line to read "Error: \{message\}", not "Failed: \{message\}"/
		);
	});

	it('reads the code each tagged error stands for, by tag, in source order', () => {
		const file = source(
			'\nexport const smithersTaggedErrorCodes = /** @type {const} */ ({\n  TaskAborted: "TASK_ABORTED",\n  RunNotFound: "RUN_NOT_FOUND",\n});',
			'src/smithersTaggedErrorCodes.js',
			'@smithers-orchestrator/errors'
		);
		const read = readTaggedErrorCodes(file);
		assert.deepEqual(read, {
			value: { TaskAborted: 'TASK_ABORTED', RunNotFound: 'RUN_NOT_FOUND' },
			at: '@smithers-orchestrator/errors@0.32.0 src/smithersTaggedErrorCodes.js:2',
		});
		assert.deepEqual(Object.keys(read.value), ['TaskAborted', 'RunNotFound']);
		assert.throws(
			() => readTaggedErrorCodes(source('export const smithersTaggedErrorCodes = { A: code };')),
			/smithersTaggedErrorCodes\.A to be a string literal/
		);
	});

	it('reads the HTTP body sent for an HttpError, marking a field a call can leave out', () => {
		const server = [
			'class HttpError extends Error {',
			'  constructor(status, code, message, details) { super(message); this.status = status; this.code = code; this.details = details; }',
			'}',
			'function f() { throw new HttpError(404, "RUN_NOT_FOUND", "Run not found"); }',
			'try { f(); } catch (err) {',
			'  if (err instanceof HttpError) {',
			'    sendJson(res, err.status, { error: { code: err.code, message: err.message, details: err.details } });',
			'  }',
			'}',
		].join('\n');
		assert.deepEqual(readHttpBody(source(server, 'src/index.js')), {
			value: ['error.code', 'error.message', 'error.details?'],
			at: '@smithers-orchestrator/cli@0.32.0 src/index.js:7',
		});
		const always = server.replace('"Run not found")', '"Run not found", {})');
		assert.deepEqual(readHttpBody(source(always, 'src/index.js')).value, [
			'error.code',
			'error.message',
			'error.details',
		]);
	});
});
