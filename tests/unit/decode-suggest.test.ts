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

const codes = [...new Set(allEntries(registry).map((e) => e.code))];
const known = new Set(codes);

/** The code with its letter at `i` changed (to X, or Q where it is X) and with it dropped: those that are not codes themselves. */
function typos(code: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < code.length; i++) {
		if (!/[A-Z]/.test(code[i]!)) continue;
		out.push(code.slice(0, i) + (code[i] === 'X' ? 'Q' : 'X') + code.slice(i + 1), code.slice(0, i) + code.slice(i + 1));
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
				assert.deepEqual(result.matches, [], `${typo} matched ${result.matches.map((m) => m.code).join(', ')}`);
				if (!result.suggestions.some((s) => s.code === code)) missed.push(`${typo} → [${result.suggestions.map((s) => s.code).join(', ')}]`);
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
			assert.deepEqual(decode(text, data).suggestions.map((s) => s.code), ['UNAUTHORIZED'], text);
		}
		for (const text of ['the UNAUTHORIZEX header was sent', '{"message":"UNAUTHORIZEX"}']) {
			assert.deepEqual(decode(text, data).suggestions, [], text);
		}
	});
});
