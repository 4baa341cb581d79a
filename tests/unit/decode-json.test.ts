/**
 * The lenient JSON reader: standard JSON reads as JSON.parse reads it; the JSON-like text of
 * logs is salvaged; keys are data, never prototype changes; bounds hold without recursion.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLenient, type JsonNode } from '../../src/decode/json.ts';
import { Budget, LIMITS } from '../../src/decode/limits.ts';

const read = (text: string, limits = LIMITS) => {
	const budget = new Budget(limits);
	return { ...parseLenient(text, 0, budget), budget };
};

/** A parsed value as plain data, numbers as numbers, for comparing with JSON.parse. */
function plain(node: JsonNode | undefined): unknown {
	if (!node) return undefined;
	switch (node.kind) {
		case 'object': {
			const out: Record<string, unknown> = {};
			for (const [k, v] of node.fields)
				Object.defineProperty(out, k, {
					value: plain(v),
					enumerable: true,
					writable: true,
					configurable: true,
				});
			return out;
		}
		case 'array':
			return node.items.map(plain);
		case 'number':
			return Number(node.text);
		case 'literal':
			return node.text === 'null' ? null : node.text === 'true';
		default:
			return node.text;
	}
}

describe('lenient JSON', () => {
	it('reads any standard JSON object or array as JSON.parse does', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())),
				(value) => {
					const text = JSON.stringify(
						value,
						null,
						value && typeof value === 'object' && Object.keys(value).length % 2 ? 2 : undefined
					);
					const result = read(text);
					assert.deepEqual(plain(result.value), JSON.parse(text));
					assert.equal(result.end, text.length);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('reads util.inspect and Python dict syntax', () => {
		assert.deepEqual(
			plain(read("{ code: 'X', n: 1, ok: true, none: undefined, [cause]: { code: 'Y' } }").value),
			{ code: 'X', n: 1, ok: true, none: null, cause: { code: 'Y' } }
		);
		assert.deepEqual(plain(read("{'code': 'X', 'ok': False, 'v': None}").value), {
			code: 'X',
			ok: false,
			v: null,
		});
	});

	it("keeps the text before an inspected error's fields as its label", () => {
		const { value } = read("{ [cause]: Error: boom\n    at f (x.js:1:2) {\n  code: 'Y' } }");
		const cause = value?.kind === 'object' ? value.fields.get('cause') : undefined;
		assert.equal(cause?.kind, 'object');
		assert.equal(
			cause?.kind === 'object' ? cause.label : undefined,
			'Error: boom\n    at f (x.js:1:2)'
		);
	});

	it('keeps numbers as written', () => {
		const { value } = read('{"a": 1.50, "b": -0, "c": 1e3, "d": 12345678901234567890}');
		assert.deepEqual(
			value?.kind === 'object'
				? [...value.fields.values()].map((v) => (v.kind === 'number' ? v.text : ''))
				: [],
			['1.50', '-0', '1e3', '12345678901234567890']
		);
	});

	it('salvages comments, trailing commas, missing commas and a cut-off end', () => {
		assert.deepEqual(plain(read('{ // c\n "a": 1, /* d */ "b": [1, 2,], }').value), {
			a: 1,
			b: [1, 2],
		});
		assert.deepEqual(plain(read('{"a": 1 "b": 2}').value), { a: 1, b: 2 });
		const cut = read('{"a": {"b": [1, 2, "thr');
		assert.deepEqual(plain(cut.value), { a: { b: [1, 2, 'thr'] } });
		assert.equal(cut.end, '{"a": {"b": [1, 2, "thr'.length);
	});

	it('ends an unclosed string at its line end, so one stray quote does not swallow the rest', () => {
		assert.deepEqual(plain(read('{"a": "no end\n, "b": 2}').value), { a: 'no end', b: 2 });
	});

	it('tells data from prose that happens to hold a brace', () => {
		const data = read('{"code": "X"}').value;
		const prose = read('{ Port 5432 is busy. }').value;
		assert.equal(data?.kind === 'object' && data.credible, true);
		assert.equal(prose?.kind === 'object' && prose.credible, false);
	});

	it('holds __proto__ and constructor as keys, changing no prototype', () => {
		const { value } = read(
			'{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'
		);
		assert.equal(value?.kind === 'object' && value.fields.has('__proto__'), true);
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
		assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
	});

	it('skips containers deeper than maxJsonDepth without recursing, and reads on after them', () => {
		const depth = 100_000;
		const text = `[${'['.repeat(depth)}${']'.repeat(depth)}, "after"]`;
		const result = read(text);
		assert.ok(result.budget.hit.has('depth'));
		assert.equal(result.end, text.length);
		assert.equal(
			result.value?.kind === 'array' && result.value.items.at(-1)?.kind === 'string',
			true
		);
	});

	it('stops at maxJsonNodes', () => {
		const result = read(JSON.stringify(Array.from({ length: 100 }, (_, i) => i)), {
			...LIMITS,
			maxJsonNodes: 10,
		});
		assert.ok(result.budget.hit.has('nodes'));
		assert.ok(result.value?.kind === 'array' && result.value.items.length < 10);
	});
});
