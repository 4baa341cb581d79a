/**
 * The browser's loader of the decoder data (src/decode/load-data.ts): one fetch per
 * page however many parts ask, a failure said plainly and tried again on the next ask, and a file
 * of another shape refused rather than decoded against.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDecoderData } from '../../src/decode/load-data.ts';
import { data } from './decode-fixtures.ts';

let n = 0;
/** A URL no other test has loaded: the loader keeps what it fetched for the page's life. */
const fresh = () => `/search/data.json?test=${++n}`;

function server(answers: (() => Response)[]) {
	const asked: string[] = [];
	return {
		asked,
		get: async (url: string) => {
			asked.push(url);
			const answer = answers.shift();
			if (!answer) throw new TypeError('Failed to fetch');
			return answer();
		},
	};
}

const ok = () =>
	new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });

describe('loadDecoderData', () => {
	it('fetches once and shares the data with every caller', async () => {
		const url = fresh();
		const s = server([ok]);
		const [a, b] = await Promise.all([loadDecoderData(url, s.get), loadDecoderData(url, s.get)]);
		const c = await loadDecoderData(url, s.get);
		assert.deepEqual(s.asked, [url]);
		assert.equal(a, b);
		assert.equal(a, c);
		assert.deepEqual(a, data);
	});

	it('says what went wrong, and tries again on the next call', async () => {
		const url = fresh();
		const s = server([() => new Response('gone', { status: 404, statusText: 'Not Found' })]);
		await assert.rejects(loadDecoderData(url, s.get), /answered 404 Not Found/);
		await assert.rejects(loadDecoderData(url, s.get), /Failed to fetch/);
		const again = server([ok]);
		assert.deepEqual(await loadDecoderData(url, again.get), data);
		assert.equal(s.asked.length, 2);
	});

	it('refuses a file that is not decoder data of this version', async () => {
		for (const body of ['{"v":999,"products":[]}', '{"products":{}}', 'null']) {
			const s = server([() => new Response(body)]);
			await assert.rejects(loadDecoderData(fresh(), s.get), /is not decoder data of version/, body);
		}
	});
});
