/**
 * Where a code may wrap (src/site/code-wrap.ts): the parts join back to the code exactly, and
 * every break falls right after an underscore (or a URN's colon), for every code in the registry,
 * every Problem Details type, and any string.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codeWrapParts } from '../../src/site/code-wrap.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, problemType } from '../../src/registry/model.ts';

/** What must hold of a text's parts: nothing added or lost, no empty part, a break only after `_` or `:`. */
function assertWrapsAfterUnderscores(text: string) {
	const parts = codeWrapParts(text);
	assert.equal(parts.join(''), text);
	assert.ok(parts.length === 1 || parts.every((p) => p !== ''), `${text}: an empty part`);
	for (const part of parts.slice(0, -1))
		assert.ok(part.endsWith('_') || part.endsWith(':'), `${text}: a break after ${part}`);
	for (const part of parts)
		assert.ok(!/[_:]/.test(part.slice(0, -1)), `${text}: ${part} could break sooner`);
}

describe('codeWrapParts', () => {
	it('breaks every registry code after each of its underscores, and nowhere else', () => {
		for (const { code } of allEntries(loadRegistry())) {
			assertWrapsAfterUnderscores(code);
			assert.equal(codeWrapParts(code).length, code.split('_').length, code);
		}
	});

	it('breaks a Problem Details type after its colons and underscores: urn:assetcore:error: then the code', () => {
		const registry = loadRegistry();
		for (const product of registry.products) {
			for (const entry of product.errors) {
				const type = problemType(product, entry);
				if (type === undefined) continue;
				assertWrapsAfterUnderscores(type);
				assert.equal(codeWrapParts(type).length, type.split(/[_:]/).length, type);
			}
		}
	});

	it('keeps any text whole and breaks it only after underscores and colons, leading, doubled or trailing ones too', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('A', '_', ':', 'é', '\n', '😀') }),
				assertWrapsAfterUnderscores
			)
		);
	});
});
