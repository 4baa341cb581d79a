/**
 * One reading of a query on every surface: the decoder, the search dialog's jump row and a short
 * link (`/e/…`) give the same first answer for the same words. The table of queries is computed
 * from the registry: every code in other spellings, with its product's name, its word prefixes
 * and a part of it, with one typo, and each entry's message with real values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode, readQuery } from '../../src/decode/index.ts';
import { entriesByCode, entryTemplates } from '../../src/registry/model.ts';
import { fillTemplate, templateParams } from '../../src/registry/template.ts';
import { codeTargets } from '../../src/search/code-index.ts';
import { jumpFor } from '../../src/search/jump.ts';
import { shortLinkOutcome } from '../../src/search/short-link.ts';
import { allEntries, data, registry, spellings } from './decode-fixtures.ts';

const targets = codeTargets(data);
const byCode = entriesByCode(registry);
const codes = [...byCode.keys()];

/** What each surface offers first for `query`: a code, and the page where the surface names one. */
function firstAnswers(query: string) {
	const result = decode(query, data);
	const decoded = result.matches[0] ?? result.suggestions[0];
	const row = jumpFor(query, data, targets)?.rows[0];
	const link = shortLinkOutcome(query, data, targets);
	const short =
		link.kind === 'known'
			? { code: query }
			: link.kind === 'redirect'
				? { code: link.to }
				: link.suggestions[0];
	return {
		decoder: decoded && { code: decoded.code, path: decoded.path },
		jump: row && { code: row.code, path: row.path },
		short: short && { code: short.code, path: 'path' in short ? short.path : undefined },
	};
}

/** Asserts the three surfaces agree on `query`, and returns their answer's code. */
function agreed(query: string): string {
	const { decoder, jump, short } = firstAnswers(query);
	const shown = JSON.stringify({ decoder, jump, short });
	assert.ok(decoder && jump && short, `"${query}" is not answered everywhere: ${shown}`);
	assert.ok(decoder.code === jump.code && jump.code === short.code, `"${query}": ${shown}`);
	// A code two entries share is one answer; its page is the one chooser the short link opens.
	if (byCode.get(decoder.code)!.length === 1)
		assert.ok(
			decoder.path === jump.path && (short.path ?? jump.path) === jump.path,
			`"${query}": ${shown}`
		);
	return decoder.code;
}

/** The code with one letter changed near its middle, when that is no code itself. */
function typo(code: string): string | undefined {
	for (let i = Math.floor(code.length / 2); i < code.length; i++) {
		if (!/[A-Z]/.test(code[i]!)) continue;
		const t = code.slice(0, i) + (code[i] === 'X' ? 'Q' : 'X') + code.slice(i + 1);
		return byCode.has(t) ? undefined : t;
	}
	return undefined;
}

describe('one reading of a query: the decoder, the jump row and short links agree', () => {
	it('covers the whole registry', () => assert.ok(codes.length > 200));

	it('answers a code in every spelling, and with its product named, with that code', () => {
		for (const code of codes) {
			for (const spelling of spellings(code)) assert.equal(agreed(spelling), code, spelling);
			for (const product of new Set(byCode.get(code)!.map((e) => e.product))) {
				const name = registry.products.find((p) => p.id === product)!.name;
				const query = `${name} ${code.toLowerCase().replaceAll('_', ' ')}`;
				assert.equal(agreed(query), code, query);
				const hits = readQuery(query, data);
				assert.ok(
					hits.every((h) => h.product === product),
					`${query}: ${JSON.stringify(hits)}`
				);
			}
		}
	});

	it('answers the first words of a code with a code that begins with them', () => {
		let asked = 0;
		for (const code of codes) {
			const words = code.split('_');
			for (let n = 1; n < words.length; n++) {
				const prefix = words.slice(0, n).join('_');
				if (byCode.has(prefix) || prefix.length < 3) continue;
				for (const query of [prefix, prefix.toLowerCase()]) {
					asked++;
					assert.ok(agreed(query).startsWith(`${prefix}_`), query);
				}
			}
		}
		assert.ok(asked > 100);
	});

	it('answers a part of a code (its last words, or its start cut mid-word) with a code that holds it', () => {
		let asked = 0;
		for (const code of codes) {
			const words = code.split('_');
			const parts = [code.slice(0, Math.max(4, code.length - 3))];
			if (words.length >= 3) parts.push(words.slice(1).join('_'));
			for (const part of parts) {
				if (byCode.has(part)) continue;
				asked++;
				const query = part.toLowerCase().replaceAll('_', ' ');
				const answer = agreed(query);
				// Words that are also a message (`task validation failed`: "Task {id} failed") are that message.
				if (!decode(query, data).matches.length)
					assert.ok(answer.includes(part), `${part} → ${answer}`);
			}
		}
		assert.ok(asked > 200);
	});

	it('answers a code with one typo, offering the code itself', () => {
		let asked = 0;
		for (const code of codes) {
			const t = typo(code);
			if (!t || t.length < 4) continue;
			asked++;
			agreed(t);
			const hits = readQuery(t, data, 6).map((h) => h.code);
			assert.ok(hits.includes(code), `${t} → ${hits.join(', ')}`);
		}
		assert.ok(asked > 200);
	});

	it('answers a message with real values with its entry, the values read', () => {
		let asked = 0;
		let decoded = 0;
		for (const e of allEntries(registry)) {
			for (const template of entryTemplates(e)) {
				const params = templateParams(template);
				if (!params.length) continue;
				const values = Object.fromEntries(params.map((p, i) => [p, `v${i + 1}x${e.code.length}`]));
				const text = fillTemplate(template, values);
				const hits = readQuery(text, data, 6);
				// Whether each message is found is the registry self-check's (decode-registry.test.ts);
				// here, that every surface gives the same answer for those that are.
				const hit = hits.find((h) => h.path === e.path);
				if (!hit) continue;
				asked++;
				agreed(text);
				// The values as the message shows them: two templates of one entry may say the same words
				// with other names (`{clientExport}`, `{commandExport}`), or two values side by side (`{runId}{dbHint}`).
				if (hit.kind === 'decoded') {
					decoded++;
					assert.equal(
						Object.values(hit.values ?? {}).join(''),
						Object.values(values).join(''),
						text
					);
				}
			}
		}
		assert.ok(asked > 50 && decoded > asked * 0.9, `${decoded} of ${asked} decoded`);
	});
});

describe('words of an entry find it', () => {
	it('its own description or trigger, typed, names it among the first three (nearly always first)', () => {
		const texts = allEntries(registry).flatMap((e) =>
			[e.description, e.when]
				.filter((t): t is string => t !== undefined && t.split(' ').length >= 4)
				.map((text) => ({ e, text }))
		);
		const missed = texts.filter(
			({ e, text }) => !readQuery(text, data, 3).some((h) => h.path === e.path)
		);
		const first = texts.filter(({ e, text }) => readQuery(text, data, 3)[0]?.path === e.path);
		assert.ok(texts.length > 100);
		// A text that is also another entry's message or code in words is answered with that: a few.
		assert.ok(
			missed.length <= texts.length * 0.02 && first.length >= texts.length * 0.95,
			`${first.length} first, ${missed.length} missed of ${texts.length}:\n${missed.map(({ e, text }) => `${e.code}: ${text}`).join('\n')}`
		);
	});
});

describe('an entry thrown in hundreds of places does not take every query in words', () => {
	// The entry with the most messages uses most words there are; words are scored one text at a time.
	const busiest = allEntries(registry).reduce((a, b) =>
		entryTemplates(b).length > entryTemplates(a).length ? b : a
	);
	it(`answers words a user types about another entry with that entry, not ${busiest.code}`, () => {
		const shape = allEntries(registry).find((e) => e.code === 'UNREGISTERED_CLASS_SHAPE')!;
		for (const [text, code] of [
			['Error: port 5432 is already in use', 'PORT_IN_USE'],
			[shape.description!, shape.code],
		] as const) {
			const hits = readQuery(text, data);
			assert.equal(hits[0]?.code, code, `${text} → ${hits.map((h) => h.code).join(', ')}`);
		}
	});
});
