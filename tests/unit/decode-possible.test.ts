/**
 * A message whose template is a value and a few common words (`{field} is required.`) says
 * nothing of its own about which product wrote it: with no code, product name, error class or
 * docs link near it, the decoder offers it as a possible match ("did you mean"), not as an error
 * found. With any of those it is found. Either way the card shows the message as it was pasted,
 * never with punctuation the paste did not have. The templates come from the decoder's index of
 * the registry; the pastes are made from them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, decode, messageText, report } from '../../src/decode/index.ts';
import { indexOf } from '../../src/decode/lookup.ts';
import { findProduct } from '../../src/registry/model.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { data, entry, firstGroup, registry } from './decode-fixtures.ts';

const index = indexOf(data);
const weak = index.templates.templates.filter((t) => t.weak);

/** Values no message holds, one per placeholder. */
const valuesFor = (params: readonly string[]) =>
	Object.fromEntries(params.map((p, i) => [p, `v${i}q${p.length}z`]));

/** The entry's product, with the ways it names its own errors. */
function productOf(entryId: number) {
	const e = index.entries[entryId]!;
	const product = findProduct(registry, index.products[e.product]!.data.id)!;
	return { e, product };
}

describe('a message of a few common words, with nothing near it naming its product', () => {
	it('is how the registry has some templates, and not most', () => {
		assert.ok(weak.some((t) => t.text === '{field} is required.'));
		assert.ok(weak.length < index.templates.templates.length / 10, `${weak.length}`);
	});

	it("is a possible match, not an error found: the trial's pastes", () => {
		const invalidInput = entry('smithers', 'INVALID_INPUT');
		for (const paste of [
			'Error: password is required',
			'environment.yaml: services.db.image is required',
		]) {
			const result = decode(paste, data);
			assert.deepEqual(result.matches, [], paste);
			assert.equal(report(result, data).status, 'No known error found.');
			assert.ok(
				result.suggestions.some((s) => s.path === invalidInput.path && s.kind === 'message'),
				`${paste}: ${JSON.stringify(result.suggestions)}`
			);
		}
	});

	it('every such template, its message alone: a possible match', () => {
		for (const t of weak) {
			const { e } = productOf(t.entry);
			const message = fillTemplate(t.text, valuesFor(t.params));
			const result = decode(message, data);
			assert.ok(!result.matches.some((m) => m.path === e.path), `${message}`);
			assert.ok(
				result.suggestions.some((s) => s.path === e.path && s.kind === 'message'),
				`${message}: ${JSON.stringify(result.suggestions)}`
			);
		}
	});

	it("every such template, with its product's name, error class or docs link: found", () => {
		for (const t of weak) {
			const { product } = productOf(t.entry);
			const message = fillTemplate(t.text, valuesFor(t.params));
			const near = [
				`[${product.name}] ${message}`,
				...(product.emits?.errorClass ? [`${product.emits.errorClass.value}: ${message}`] : []),
				...(product.emits?.docsUrl ? [`${message} See ${product.emits.docsUrl.value}`] : []),
			];
			// Its entry, or one of its product's that throws the same words (a thrown error is not an HTTP answer).
			const same = new Set(
				weak.filter((w) => w.text === t.text).map((w) => index.entries[w.entry]!.path)
			);
			for (const paste of near) {
				const result = decode(paste, data);
				const m = result.matches.find(
					(x) => same.has(x.path) && firstGroup(result).includes(x.path)
				);
				assert.ok(m, `${paste} → ${firstGroup(result)}`);
				assert.equal(messageText(card(m, data).message!), message, paste);
			}
		}
	});
});

describe('the message a card shows', () => {
	it("is the user's own: the 'is required' of the trial, without the full stop it lacked", () => {
		const result = decode('SmithersError: password is required', data);
		assert.equal(result.matches[0]?.code, 'INVALID_INPUT');
		assert.equal(messageText(card(result.matches[0]!, data).message!), 'password is required');
	});

	it('adds no punctuation the paste lacked, for every message that ends with some', () => {
		let asked = 0;
		for (const t of index.templates.templates) {
			const { e, product } = productOf(t.entry);
			const cliLine = product.emits?.cliLine?.value;
			if (!/[.!?]$/.test(t.text) || cliLine === undefined) continue;
			const message = fillTemplate(t.text, valuesFor(t.params)).replace(/[.!?]+$/, '');
			const result = decode(fillTemplate(cliLine, { code: e.code, message }), data);
			const m = result.matches.find((x) => x.path === e.path);
			// Which of an entry's messages a paste reads is the registry self-check's; here, what is shown.
			if (!m || m.template === undefined) continue;
			asked++;
			assert.equal(messageText(card(m, data).message!), message, t.text);
		}
		assert.ok(asked > 100, `${asked}`);
	});
});
