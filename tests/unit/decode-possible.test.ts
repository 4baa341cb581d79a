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
import { card, decode, messageText, report, reportText } from '../../src/decode/index.ts';
import { indexOf } from '../../src/decode/lookup.ts';
import { fold } from '../../src/decode/normalize.ts';
import { GENERIC_WORDS } from '../../src/decode/possible.ts';
import { findProduct } from '../../src/registry/model.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { data, entry, firstGroup, registry } from './decode-fixtures.ts';

const index = indexOf(data);
const weak = index.templates.templates.filter((t) => t.weak);
/** The codes a weak template is a message of. */
const weakCodes = new Set(weak.map((t) => index.entries[t.entry]!.code));

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
	it('is how the registry has some templates, and not most', (t) => {
		t.diagnostic(`${weak.length} weak templates: ${weak.map((w) => w.text).join(' | ')}`);
		assert.ok(weak.some((t) => t.text === '{field} is required.'));
		assert.ok(weak.length < index.templates.templates.length / 10, `${weak.length}`);
	});

	it('is one whose every word is an everyday one: a word of its product of its own makes it found', () => {
		for (const t of weak) {
			const words = fold(t.literals.join(' ')).match(/[a-z0-9]{3,}/g) ?? [];
			for (const w of words)
				assert.ok(/^\d+$/.test(w) || GENERIC_WORDS.has(w), `${t.text}: "${w}" is its own`);
		}
		// Messages a reviewer found told only as "did you mean" when a product-wide count called their words common.
		for (const start of [
			'Telegram API',
			'GitHub request failed',
			'Duplicate Task id detected',
			'Unsupported sandbox runtime',
			'Failed to create jj workspace',
		]) {
			const templates = index.templates.templates.filter((t) => t.text.startsWith(start));
			assert.ok(templates.length, `the registry has no template "${start}…"`);
			for (const t of templates) {
				assert.ok(!t.weak, t.text);
				const { e } = productOf(t.entry);
				const message = fillTemplate(t.text, valuesFor(t.params));
				assert.ok(
					decode(message, data).matches.some((m) => m.path === e.path),
					`${message} pasted alone is not found`
				);
			}
		}
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

describe('a message of a few common words in a paste that names its product elsewhere', () => {
	it("is found: the reviewer's log of three errors is three errors", () => {
		const log = [
			'2026-12-06T10:00:00Z SmithersError [TASK_HEARTBEAT_TIMEOUT]: Task heartbeat timed out',
			'ERROR Run not found: run-7f3a',
			'ERROR Unknown task build-step',
		].join('\n');
		const result = decode(log, data);
		assert.equal(result.groups.length, 3, report(result, data).status);
		assert.deepEqual(
			result.suggestions.filter((s) => s.kind === 'message'),
			[]
		);
	});

	it('is found, for every such template, when its product is named on another line', () => {
		for (const t of weak) {
			const { product } = productOf(t.entry);
			const message = fillTemplate(t.text, valuesFor(t.params));
			// One of its product's codes that no other product has, and no such message: another error, found on a line of its own.
			const own = product.errors.find(
				(x) => index.byCode.get(fold(x.code))?.length === 1 && !weakCodes.has(x.code)
			)!;
			const elsewhere = [
				`[${product.name}] starting`,
				`ERROR ${own.code}`,
				...(product.emits?.errorClass ? [`${product.emits.errorClass.value}: boom`] : []),
				...(product.emits?.docsUrl ? [`see ${product.emits.docsUrl.value}`] : []),
			];
			const same = new Set(
				weak.filter((w) => w.text === t.text).map((w) => index.entries[w.entry]!.path)
			);
			for (const line of elsewhere) {
				const paste = `${line}\nINFO step done\nERROR ${message}`;
				const result = decode(paste, data);
				assert.ok(
					result.matches.some((m) => same.has(m.path)),
					`${JSON.stringify(paste)} → ${result.matches.map((m) => m.code)}`
				);
			}
		}
	});

	it("is told after the cards when the paste's other errors are another product's", () => {
		for (const t of weak) {
			const { e, product } = productOf(t.entry);
			const message = fillTemplate(t.text, valuesFor(t.params));
			// An error of another product, found by its code alone on its line.
			const other = index.entries.find(
				(x) =>
					x.product !== index.entries[t.entry]!.product &&
					index.byCode.get(fold(x.code))?.length === 1
			)!;
			const result = decode(`${other.code}\nError: ${message}`, data);
			assert.deepEqual(
				result.matches.map((m) => m.code),
				[other.code],
				message
			);
			const told = report(result, data);
			assert.deepEqual(told.suggestions, [], 'no "did you mean" beside an error found');
			const line = told.possibly.find((p) =>
				p.some((x) => typeof x !== 'string' && 'code' in x && x.code === e.code)
			);
			assert.ok(line, `${message}: ${JSON.stringify(told.possibly)}`);
			assert.ok(
				reportText(told).includes(`did you mean ${e.code} (${product.name})?`),
				reportText(told)
			);
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
