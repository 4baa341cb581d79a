/**
 * The registry self-check: every entry of the real registry is found from what a user would
 * paste — its message filled with sample values, its published example payloads, its code, its
 * page URL — and found first. Two templates or codes that collide fail here the day they are added.
 * The entries come from the registry itself; the expected values are the samples put in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode } from '../../src/decode/index.ts';
import { entriesByCode, problemType, type RegistryEntry } from '../../src/registry/model.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { absoluteUrl, DEFAULT_SITE_URL } from '../../src/registry/urls.ts';
import {
	allEntries,
	data,
	firstGroup,
	matchable,
	paths,
	registry,
	samples,
} from './decode-fixtures.ts';

const byCode = entriesByCode(registry);
const shared = (e: RegistryEntry) => byCode.get(e.code)!.length > 1;

describe('registry self-check: every entry is found first', () => {
	const entries = allEntries(registry);
	it('covers the whole registry', () => assert.ok(entries.length > 0));

	for (const e of entries) {
		describe(`${e.product} ${e.code} (${e.slug})`, () => {
			if (e.message !== undefined && matchable(e.message)) {
				for (const style of ['plain', 'awkward'] as const) {
					it(`from its message with ${style} values, alone and in a log line`, () => {
						const values = samples(e, style);
						const message = fillTemplate(e.message!, values);
						for (const text of [message, `2025-03-01T10:00:00Z ERROR ${message}`]) {
							const result = decode(text, data);
							assert.deepEqual(paths(result), [e.path], text);
							assert.deepEqual(result.matches[0]!.params, values, text);
						}
					});
				}
			} else if (e.message !== undefined) {
				it('is never found from its message, which is only a placeholder', () => {
					assert.deepEqual(decode(fillTemplate(e.message!, samples(e, 'plain')), data).matches, []);
				});
			}

			(e.examples ?? []).forEach((example, i) => {
				it(`from its published example ${i + 1}${example.caption ? ` (${example.caption})` : ''}`, () => {
					assert.deepEqual(firstGroup(decode(example.payload, data)), [e.path]);
				});
			});

			it('from its code, bare and lower-case', () => {
				for (const text of [e.code, e.code.toLowerCase()]) {
					const group = firstGroup(decode(text, data));
					if (shared(e)) assert.ok(group.includes(e.path), `${text} → ${group.join(', ')}`);
					else assert.deepEqual(group, [e.path], text);
				}
			});

			it('from its page URL', () => {
				assert.deepEqual(paths(decode(absoluteUrl(DEFAULT_SITE_URL, e.path), data)), [e.path]);
			});

			it('from a JSON body with its code and what the registry knows of it', () => {
				const product = registry.products.find((p) => p.id === e.product)!;
				const body: Record<string, unknown> = { code: e.code };
				const type = problemType(product, e);
				if (type) body.type = type;
				if (e.status !== undefined) body.status = e.status;
				const required = (e.details ?? []).filter((d) => !d.optional);
				if (required.length)
					body.details = Object.fromEntries(required.map((d, i) => [d.name, `d${i}`]));
				const result = decode(JSON.stringify(body), data);
				// The body tells this entry from another with the same code when the registry gives
				// them a different product type prefix, a different status, or details only this one has.
				const decided = byCode
					.get(e.code)!
					.every(
						(o) =>
							o === e ||
							(type !== undefined && o.product !== e.product) ||
							(e.status !== undefined && o.status !== e.status) ||
							(required.length > 0 &&
								!required.every((d) => o.details?.some((x) => x.name === d.name)))
					);
				if (decided) assert.deepEqual(firstGroup(result), [e.path], JSON.stringify(body));
				else assert.ok(firstGroup(result).includes(e.path), JSON.stringify(body));
				if (required.length) {
					assert.deepEqual(
						result.matches[0]!.params,
						Object.fromEntries(required.map((d, i) => [d.name, `d${i}`]))
					);
				}
			});
		});
	}
});
