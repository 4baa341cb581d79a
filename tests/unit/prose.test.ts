/** Registry prose (src/registry/prose.ts): what is code and what is text, as every renderer shows it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proseCode, proseParts } from '../../src/registry/prose.ts';

describe('registry prose', () => {
	it('makes each backtick pair a code span and leaves everything else as written', () => {
		assert.deepEqual(proseParts('Set `maxBodyBytes` or <Task> {port} & `runId`.'), [
			{ text: 'Set ', code: false },
			{ text: 'maxBodyBytes', code: true },
			{ text: ' or <Task> {port} & ', code: false },
			{ text: 'runId', code: true },
			{ text: '.', code: false },
		]);
	});

	it('keeps an unpaired backtick as a backtick, not the start of code', () => {
		assert.deepEqual(proseParts('a `b` c `d'), [
			{ text: 'a ', code: false },
			{ text: 'b', code: true },
			{ text: ' c ', code: false },
			{ text: '`d', code: false },
		]);
		assert.deepEqual(proseCode('run `asym up` then `retry'), ['asym up']);
	});
});
