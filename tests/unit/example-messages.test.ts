/**
 * Messages read off a product's published example responses (Asset Core's `detail` with its
 * `details`), and the decoder finding them with the user's own values: `Container 2002 not found`
 * alone, after the Problem Details title, or under an HTTP status line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode } from '../../src/decode/index.ts';
import { exampleMessages } from '../../src/registry/example-messages.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { data, entry, registry } from './decode-fixtures.ts';

const json = (body: object) => ({
	code: 'X',
	examples: [{ lang: 'json' as const, payload: JSON.stringify({ code: 'X', ...body }) }],
});

describe('a template read off a published example', () => {
	it('makes each value the detail quotes a placeholder named by its field', () => {
		assert.deepEqual(
			exampleMessages(
				json({ detail: 'Container 1001 not found', details: { container_id: 1001 } })
			),
			['Container {container_id} not found']
		);
	});
	it('tells two fields of the same value apart by the word written before it', () => {
		const body = {
			detail: 'Insufficient balance: requested 500, available 100',
			details: { class_id: 100, requested: 500, available: 100 },
		};
		assert.deepEqual(exampleMessages(json(body)), [
			'Insufficient balance: requested {requested}, available {available}',
		]);
	});
	it('leaves the detail out when nothing tells which of two fields a value is', () => {
		assert.deepEqual(
			exampleMessages(json({ detail: 'Item 7 is full', details: { slot: 7, shelf: 7 } })),
			[]
		);
	});
	it('reads no value inside a longer word or number', () => {
		assert.deepEqual(
			exampleMessages(json({ detail: 'Port 15432 is busy', details: { port: 5432 } })),
			['Port 15432 is busy']
		);
	});
	it('keeps a detail that quotes no value as it is, and reads no example of another code', () => {
		assert.deepEqual(
			exampleMessages(json({ detail: 'Failed to parse JSON body', details: { position: 42 } })),
			['Failed to parse JSON body']
		);
		assert.deepEqual(
			exampleMessages({ code: 'Y', examples: json({ detail: 'Container 1 not found' }).examples }),
			[]
		);
	});
});

describe("Asset Core's example details, decoded with the user's values", () => {
	const derived = registry.products.flatMap((p) =>
		p.errors.flatMap((e) => e.messages.filter((m) => m.fromExample).map((m) => ({ e, m })))
	);

	it('the published examples give templates, and each says it is derived from the example', () => {
		assert.ok(
			entry('assetcore', 'CONTAINER_NOT_FOUND').messages.some(
				(m) => m.text === 'Container {container_id} not found' && m.fromExample
			)
		);
		assert.ok(derived.length >= 4, `${derived.length} derived templates`);
	});

	for (const { e, m } of derived) {
		// Values no example shows, so a match can only come from the template.
		const values = Object.fromEntries(m.params.map((p, i) => [p, String(2002 + i * 111)]));
		const text = fillTemplate(m.text, values);
		const title =
			(JSON.parse(e.examples!.find((x) => x.lang === 'json')!.payload) as { title?: string })
				.title ?? 'Error';
		const pastes: [string, string][] = [
			['alone', text],
			[`after ${title}:`, `${title}: ${text}`],
			[`under an HTTP ${e.status} status line`, `HTTP/1.1 ${e.status} Whatever\n${text}`],
		];
		for (const [how, paste] of pastes) {
			it(`${e.code}: "${m.text}" ${how}`, () => {
				const result = decode(paste, data);
				assert.equal(
					result.matches[0]?.path,
					e.path,
					JSON.stringify(result.matches.map((x) => x.code))
				);
				assert.deepEqual(result.matches[0]!.params, values);
				if (m.params.length) assert.equal(result.matches[0]!.template, m.text);
			});
		}
	}

	it("Container 2002 not found no longer suggests another product's NOT_FOUND", () => {
		const result = decode('Container 2002 not found', data);
		assert.deepEqual(result.suggestions, []);
		assert.equal(result.matches[0]!.product, 'assetcore');
	});
});
