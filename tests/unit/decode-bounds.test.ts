/**
 * Pasted text is untrusted: the decoder stays within its bounds (input size, line length, JSON
 * depth and size, cause-chain length, findings), says so with `truncated`, handles lone
 * surrogates, and never throws — checked by example and by property (fast-check).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { adversarialShapes } from '../../scripts/bench-corpus.ts';
import {
	decode,
	LIMITS,
	type Bound,
	type DecodeResult,
	type Limits,
} from '../../src/decode/index.ts';
import { labelMessage } from '../../src/decode/error-object.ts';
import { inputNote } from '../../src/decode/text.ts';
import { parseTemplate } from '../../src/registry/template.ts';
import { allEntries, data, entry, paths, registry } from './decode-fixtures.ts';

const portInUse = entry('asymmetric', 'PORT_IN_USE');

describe('bounds', () => {
	it('reads the first and the last half of maxInputChars of a paste (a log ends with its error), at line ends, and says so', () => {
		const filler = 'nothing to see here\n'.repeat(LIMITS.maxInputChars / 16);
		const text = `Port 1111 is busy.\n${filler}Port 3333 is busy.\n${filler}Port 2222 is busy.`;
		const result = decode(text, data);
		assert.equal(result.truncated, true);
		assert.deepEqual(result.truncatedBy, ['input']);
		assert.equal(result.inputChars, text.length);
		// The first and the last are read; the one in the middle is not.
		assert.equal(result.matches[0]!.count, 2);
		assert.deepEqual(result.matches[0]!.params, { port: '1111' });
		assert.deepEqual(decode(`${filler}${filler}Port 2222 is busy.`, data).matches[0]?.params, {
			port: '2222',
		});
		const half = LIMITS.maxInputChars / 2;
		assert.equal(
			inputNote(text.length),
			`read the first and last ${half / 1024} KiB of ${(text.length / 1e6).toFixed(1)} MB`
		);
	});

	it('scans maxLineChars of a line for messages, and says so', () => {
		const long = 'y'.repeat(LIMITS.maxLineChars);
		assert.deepEqual(paths(decode(`Port 1 is busy. ${long}`, data)), [portInUse.path]);
		const late = decode(`${long} Port 1 is busy.`, data);
		assert.deepEqual(late.matches, []);
		assert.deepEqual(late.truncatedBy, ['line']);
	});

	it('says so when a JSON message is longer than maxLineChars, and it is read in part', () => {
		const body = JSON.stringify({
			code: 'PORT_IN_USE',
			message: `${'y'.repeat(LIMITS.maxLineChars)} Port 1 is busy.`,
		});
		const result = decode(body, data);
		assert.deepEqual(paths(result), [portInUse.path]);
		assert.deepEqual(result.truncatedBy, ['line']);
	});

	it('follows JSON to maxJsonDepth and skips what is deeper, still reading what follows', () => {
		const deep = (levels: number, inner: string) =>
			'{"a":'.repeat(levels) + inner + '}'.repeat(levels);
		const tooDeep = decode(deep(LIMITS.maxJsonDepth + 10, '{"code":"SLOT_EMPTY"}'), data);
		assert.deepEqual(tooDeep.matches, []);
		assert.deepEqual(tooDeep.truncatedBy, ['depth']);
		const after = decode(`[${deep(LIMITS.maxJsonDepth + 10, '1')}, {"code":"SLOT_EMPTY"}]`, data);
		assert.deepEqual(paths(after), [entry('assetcore', 'SLOT_EMPTY').path]);
		assert.equal(after.truncated, true);
	});

	it('reads at most maxJsonNodes values', () => {
		const result = decode(
			JSON.stringify({ filler: Array.from({ length: 50 }, (_, i) => i), code: 'SLOT_EMPTY' }),
			data,
			{ maxJsonNodes: 20 }
		);
		assert.deepEqual(result.truncatedBy, ['nodes']);
	});

	it('reads at most maxJsonNodes values over many small payloads, and says so', () => {
		// Each `["x"]` is two values: the bound is reached exactly between two payloads.
		const result = decode('["x"]\n'.repeat(LIMITS.maxJsonNodes), data);
		assert.deepEqual(result.truncatedBy, ['nodes']);
	});

	it('reads a flat list on a line (`[warn]`, `[1, 2]`) as text, not as a payload: it costs no JSON values', () => {
		const result = decode('[warn] [1, 2]\n'.repeat(50) + '[PORT_IN_USE]', data, {
			maxJsonNodes: 1,
		});
		assert.equal(result.truncated, false);
		assert.deepEqual(
			result.matches.map((m) => m.code),
			['PORT_IN_USE']
		);
	});

	it('follows a cause chain for maxCauseChain links', () => {
		let error: Record<string, unknown> = { code: 'DB_QUERY_FAILED' };
		for (let i = 0; i < LIMITS.maxCauseChain + 5; i++)
			error = { code: 'DB_WRITE_FAILED', cause: error };
		const result = decode(JSON.stringify({ code: 'TASK_ABORTED', cause: error }), data);
		assert.equal(result.matches[0]!.code, 'TASK_ABORTED');
		assert.equal(result.matches[0]!.cause?.length, LIMITS.maxCauseChain);
		assert.deepEqual(result.truncatedBy, ['cause']);
	});

	it('counts at most maxFindings errors', () => {
		const result = decode('{"code":"SLOT_EMPTY"}\n'.repeat(30), data, { maxFindings: 10 });
		assert.equal(result.matches[0]!.count, 10);
		assert.deepEqual(result.truncatedBy, ['findings']);
	});

	it('takes no value longer than maxValueChars', () => {
		assert.deepEqual(
			decode(`Port ${'9'.repeat(LIMITS.maxValueChars + 1)} is busy.`, data).matches,
			[]
		);
		assert.deepEqual(
			decode(`Port ${'9'.repeat(LIMITS.maxValueChars)} is busy.`, data).matches[0]!.params.port
				?.length,
			LIMITS.maxValueChars
		);
	});

	it('replaces lone surrogates, in text and in JSON escapes, so results are well-formed', () => {
		const text = decode('Port \ud800 is busy.', data);
		assert.deepEqual(text.matches[0]!.params, { port: '\ufffd' });
		const json = decode('{"code":"PORT_IN_USE","message":"Port \\udc00 is busy."}', data);
		assert.deepEqual(json.matches[0]!.params, { port: '\ufffd' });
	});

	it('strips an error class before a util.inspect message, however long the label', () => {
		assert.deepEqual(
			decode("Error: Port 5432 is busy. {\n  code: 'PORT_IN_USE'\n}", data).matches[0]?.params,
			{ port: '5432' }
		);
		const cases: [string, string][] = [
			['Error: Port 5432 is busy.', 'Port 5432 is busy.'],
			['<ref *1> my.pkg.PortError [PORT_IN_USE]: boom\n    at x (y.js:1:1)', 'boom'],
			['SmithersErrorInstance:   boom', 'boom'],
			['$x.TypeErrors: boom', 'boom'],
			['Error.prefix: boom', 'Error.prefix: boom'],
			['TypeError [X] boom', 'TypeError [X] boom'],
			['TypeError [X: boom', 'TypeError [X: boom'],
			[`${'Error'.repeat(399)}x: boom`, 'boom'],
			[`${'Error'.repeat(399)}x`, `${'Error'.repeat(399)}x`],
			[
				`${'Error'.repeat(399)}x [${'Error'.repeat(399)}`,
				`${'Error'.repeat(399)}x [${'Error'.repeat(399)}`,
			],
		];
		for (const [label, message] of cases) assert.equal(labelMessage(label), message, label);
	});

	it('reads a status written next to a payload, and nothing from a long run of spaces', () => {
		const body = '{"code":"INVALID_REQUEST"}';
		for (const line of [
			'HTTP/1.1 400 Bad Request',
			'status: 400',
			'status   =   400',
			'statusCode=400',
			'"status": "400"',
		]) {
			assert.equal(decode(`${line} ${body}`, data).matches[0]?.status, 400, line);
		}
		assert.equal(
			decode(`status${' '.repeat(LIMITS.maxLineChars)}400 ${body}`, data).matches[0]?.status,
			undefined
		);
	});

	it('reads a docs link whose slug ends in dashes, and one with a long run of them', () => {
		assert.deepEqual(
			paths(decode('https://errors.example.com/asymmetric/errors/port-in-use---', data)),
			[portInUse.path]
		);
		const long = `https://errors.example.com/asymmetric/errors/port-${'-'.repeat(100_000)}x`;
		assert.deepEqual(decode(JSON.stringify({ type: long }), data).matches, []);
		assert.deepEqual(decode(long, data).matches, []);
	});

	it('stays linear on a near miss: no backtracking on a long line of almost-messages', () => {
		// A regular expression with one `(.+?)` per placeholder takes seconds on this; here it is one pass.
		const manyDashes = `No free ports in ${'4000-'.repeat(1500)}`;
		const result = decode(manyDashes, data);
		assert.deepEqual(result.matches, []);
		// The work is counted, not timed. Each almost-message is looked at, once: ten times as many cost
		// at most ten times the checks, however many the line holds…
		const almost = 'No free ports in 4000-4001. Destroy a clone or widen the ';
		const [one, ten, hundred] = [1, 10, 100].map((n) => templateChecks(almost.repeat(n)));
		assert.ok(one! >= 1, 'the almost-message calls up its template');
		assert.ok(ten! <= 10 * one!, `10 almost-messages took ${ten} checks, 1 took ${one}`);
		assert.ok(hundred! <= 10 * ten!, `100 almost-messages took ${hundred} checks, 10 took ${ten}`);
		assert.ok(
			hundred! >= 100,
			`100 almost-messages took ${hundred} checks: some were not looked at`
		);
		// …and one with a long run of would-be values costs no more than one with a single value.
		assert.ok(
			templateChecks(manyDashes) <= templateChecks('No free ports in 4000-'),
			'every dash was tried as the end of a value'
		);
	});
});

describe("adversarial shapes (the benchmark's, scripts/bench-decode.ts)", () => {
	// What each 1 MiB shape runs into. Timing is the benchmark's business; here, every shape is read
	// to a consistent result, and a shape that meets a bound says which.
	const expected: Record<string, Bound[] | undefined> = {
		// Its line of every template's near miss is longer than maxLineChars.
		mixed: ['depth', 'line'],
		'util.inspect labels': ['line'],
		'NDJSON, one object a line': undefined,
		'one large errors[]': undefined,
		'lines of [x]': undefined,
		'lines of ["x"]': ['nodes'],
		'status, long spaces': undefined,
		'docs link, long dashes': undefined,
		// Each line has more than maxLinePairs would-be pairs: read to the bound, which says so.
		'code lines of unclosed pairs': ['line'],
		// Values one a line: more of them than a paste's values may be.
		'labels without a stack, in a list': ['nodes'],
		'labels without a stack, as values': undefined,
		'labels without a stack, with messages': undefined,
	};
	for (const { name, text } of adversarialShapes(registry)) {
		it(name, () => {
			const result = decode(text, data);
			checkResult(result, LIMITS);
			assert.deepEqual(result.truncatedBy, expected[name]);
			assert.deepEqual(result.suggestions, []);
		});
	}
});

/**
 * The template checks decoding `text` takes (the budget's count of a literal compared at one
 * position): the least `maxTemplateChecks` it stays within.
 */
function templateChecks(text: string): number {
	let [low, high] = [0, LIMITS.maxTemplateChecks];
	while (low < high) {
		const mid = (low + high) >> 1;
		if (decode(text, data, { maxTemplateChecks: mid }).truncatedBy?.includes('work')) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** Pieces of pastes: registry text, JSON punctuation, codes, keys the decoder reads, control characters. */
const fragments = [
	...allEntries(registry).flatMap((e) => [
		e.code,
		e.path,
		...(e.message
			? parseTemplate(e.message).map((s) => (s.kind === 'text' ? s.text : '5432'))
			: []),
	]),
	...registry.products.flatMap((p) => [p.id, p.name, p.typePrefix ?? '']),
	// Documented details fields, as a log line writes them next to a code (`nodeId=…`, `attempt: …`).
	...allEntries(registry).flatMap((e) =>
		(e.details ?? []).flatMap((d) => [`${d.name}=`, `${d.name}: `])
	),
	'="',
	'=',
	'{',
	'}',
	'[',
	']',
	'"',
	"'",
	':',
	',',
	'\\',
	'\\"',
	'\n',
	'\r\n',
	' ',
	'//',
	'/*',
	'*/',
	'code',
	'"code":',
	'cause',
	'[cause]: ',
	'details',
	'errors',
	'extensions',
	'type',
	'status',
	'404',
	'true',
	'None',
	'__proto__',
	'constructor',
	'prototype',
	'/e/',
	'/errors/',
	'https://x.example',
	'Error [',
	'✖ ',
	'\x1b[31m',
	'\x1b]8;;',
	'\ud800',
	'\udfff',
	'\u2019',
];
const piece = fc.oneof(
	fc.constantFrom(...fragments),
	fc.string({ maxLength: 12 }),
	fc.string({
		unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
		maxLength: 6,
	})
);
const paste = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));
const smallLimits: Partial<Limits> = {
	maxInputChars: 300,
	maxLineChars: 80,
	maxJsonDepth: 4,
	maxJsonNodes: 40,
	maxCauseChain: 2,
	maxFindings: 5,
	maxTemplateChecks: 200,
};

/** What holds for any result: consistent, bounded, serialisable, naming only real entries. */
function checkResult(result: DecodeResult, limits: Limits): void {
	const pagePaths = new Set(allEntries(registry).map((e) => e.path));
	assert.equal(result.truncated, (result.truncatedBy?.length ?? 0) > 0);
	assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
	const seen = new Set<number>();
	result.groups.forEach((g, gi) => {
		assert.ok(g.count >= 1 && g.count <= limits.maxFindings);
		for (const i of g.matches) {
			assert.ok(!seen.has(i));
			seen.add(i);
			assert.equal(result.matches[i]!.group, gi);
			assert.equal(result.matches[i]!.count, g.count);
		}
	});
	assert.equal(seen.size, result.matches.length);
	for (const m of result.matches) {
		assert.ok(pagePaths.has(m.path));
		for (const v of Object.values(m.params))
			assert.ok(typeof v === 'string' && v.length <= limits.maxValueChars);
		assert.ok((m.cause?.length ?? 0) <= limits.maxCauseChain);
	}
	for (const s of result.suggestions) assert.ok(pagePaths.has(s.path));
}

describe('properties', () => {
	it('never throws and gives a consistent result on any paste', () => {
		fc.assert(
			fc.property(paste, (text) => checkResult(decode(text, data), LIMITS)),
			{ numRuns: 400 }
		);
	});

	it('stays within small bounds, and flags a paste longer than the input bound', () => {
		const limits = { ...LIMITS, ...smallLimits };
		fc.assert(
			fc.property(paste, (text) => {
				const result = decode(text, data, smallLimits);
				checkResult(result, limits);
				if (text.length > limits.maxInputChars) assert.ok(result.truncatedBy?.includes('input'));
			}),
			{ numRuns: 400 }
		);
	});

	it('returns values that are in the paste, for pastes without escapes or colour codes', () => {
		const plain = fc
			.array(
				fc.oneof(
					fc.constantFrom(...fragments.filter((f) => !/[\\\x1b\r\ud800-\udfff]/.test(f))),
					fc.string({ maxLength: 8 })
				),
				{ maxLength: 40 }
			)
			.map((p) => p.join(''));
		fc.assert(
			fc.property(plain, (text) => {
				for (const m of decode(text, data).matches) {
					for (const v of Object.values(m.params))
						assert.ok(text.includes(v), `${JSON.stringify(v)} not in ${JSON.stringify(text)}`);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('decodes the same paste the same way every time', () => {
		fc.assert(
			fc.property(paste, (text) => assert.deepEqual(decode(text, data), decode(text, data))),
			{ numRuns: 100 }
		);
	});
});
