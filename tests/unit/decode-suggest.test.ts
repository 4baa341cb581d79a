/**
 * "Did you mean" over the whole registry: every code, mistyped by one letter (a letter changed
 * or a letter dropped, at every position), is offered as a suggestion and never matched. A code
 * that the bigram prefilter cannot reach (one that repeats a bigram: TOO in TOOL_FILE_TOO_LARGE,
 * SS in MISMATCH) fails here by name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode } from '../../src/decode/index.ts';
import { allEntries, data, registry } from './decode-fixtures.ts';
import { entryTemplates } from '../../src/registry/model.ts';

const codes = [...new Set(allEntries(registry).map((e) => e.code))];
const entryOfPath = (path: string) => allEntries(registry).find((e) => e.path === path);
const known = new Set(codes);

/** The code with its letter at `i` changed (to X, or Q where it is X) and with it dropped: those that are not codes themselves. */
function typos(code: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < code.length; i++) {
		if (!/[A-Z]/.test(code[i]!)) continue;
		out.push(
			code.slice(0, i) + (code[i] === 'X' ? 'Q' : 'X') + code.slice(i + 1),
			code.slice(0, i) + code.slice(i + 1)
		);
	}
	return out.filter((t) => !known.has(t) && t.length >= 4);
}

describe('did you mean: every code one typo away is suggested', () => {
	it('covers the whole registry', () => assert.ok(codes.length > 100));

	for (const code of codes) {
		it(code, () => {
			const missed: string[] = [];
			for (const typo of typos(code)) {
				const result = decode(typo, data);
				assert.deepEqual(
					result.matches,
					[],
					`${typo} matched ${result.matches.map((m) => m.code).join(', ')}`
				);
				if (!result.suggestions.some((s) => s.code === code))
					missed.push(`${typo} → [${result.suggestions.map((s) => s.code).join(', ')}]`);
			}
			assert.deepEqual(missed, [], `${code} is not suggested for:\n${missed.join('\n')}`);
		});
	}

	it('suggests at distance 1 first, before codes two edits away', () => {
		const result = decode('TOOL_FILE_TOO_LARGX', data);
		assert.equal(result.suggestions[0]?.code, 'TOOL_FILE_TOO_LARGE');
		assert.equal(result.suggestions[0]?.distance, 1);
	});

	it('reads an upper-case word without `_` as a code only where it is given as one', () => {
		for (const text of ['UNAUTHORIZEX', "err.code === 'UNAUTHORIZEX'", '{"code":"UNAUTHORIZEX"}']) {
			assert.deepEqual(
				decode(text, data).suggestions.map((s) => s.code),
				['UNAUTHORIZED'],
				text
			);
		}
		for (const text of ['the UNAUTHORIZEX header was sent', '{"message":"UNAUTHORIZEX"}']) {
			assert.deepEqual(decode(text, data).suggestions, [], text);
		}
	});
});

describe('did you mean: a code spelled out in words in a short note', () => {
	const words = (code: string) => code.toLowerCase().replaceAll('_', ' ');
	// A code whose words are a message of the product's own (`Task aborted`, `Run not found`) is found as that message instead.
	const messages = new Set(
		allEntries(registry).flatMap((e) =>
			entryTemplates(e).map((m) => m.toLowerCase().replace(/[.!]$/, ''))
		)
	);
	const spelled = codes.filter((c) => c.includes('_') && !messages.has(words(c)));

	it("finds a code written as words that are one of its product's messages as that message", () => {
		const own = codes.filter((c) => c.includes('_') && messages.has(words(c)));
		assert.ok(own.length > 0);
		for (const code of own) {
			const found = decode(`It failed: ${words(code)} again, twice.`, data).matches.map(
				(m) => m.template ?? entryOfPath(m.path)?.message
			);
			assert.ok(
				found.some((t) => t?.toLowerCase().replace(/[.!]$/, '') === words(code)),
				`${code}: ${found.join(', ')}`
			);
		}
	});

	it('offers every code of two words or more, written as words in a sentence, unless the words are read as a message the product throws', () => {
		const missed: string[] = [];
		let read = 0;
		for (const code of spelled) {
			const result = decode(`It failed: ${words(code)} again, twice.`, data);
			// `human task validation failed` is `Task {nodeId} failed.` with nodeId = validation: a message, with its value.
			if (result.matches.length && result.matches.every((m) => m.via === 'message')) read++;
			else if (
				result.matches.length ||
				!result.suggestions.some((s) => s.code === code && s.input === words(code))
			)
				missed.push(code);
		}
		assert.deepEqual(missed, []);
		assert.ok(read < spelled.length / 10, `${read} of ${spelled.length} read as messages`);
	});

	it('offers only the longest code where one spelled code holds another (CONTAINER_NOT_FOUND, not NOT_FOUND)', () => {
		const pairs = spelled.flatMap((long) =>
			spelled.filter((short) => long.endsWith(`_${short}`)).map((short) => [long, short] as const)
		);
		assert.ok(pairs.length > 0);
		for (const [long, short] of pairs) {
			const offered = decode(`${words(long)} for id 7`, data).suggestions.map((s) => s.code);
			assert.ok(
				offered.includes(long) && !offered.includes(short),
				`${long}: ${offered.join(', ')}`
			);
		}
	});

	it('reads hyphens and dots as the separators they are in a slug or a dotted name', () => {
		const code = spelled[0]!;
		for (const sep of ['-', '.']) {
			assert.ok(
				decode(`see ${code.toLowerCase().replaceAll('_', sep)}`, data).suggestions.some(
					(s) => s.code === code
				),
				sep
			);
		}
	});

	it('does not read a long paste, a log, for words that spell a code', () => {
		const code = spelled[0]!;
		const log = `${'2026-11-21T02:14:07Z INFO request served\n'.repeat(20)}${words(code)}`;
		assert.deepEqual(decode(log, data).suggestions, []);
	});
});
