/**
 * Share links and what a result shows: a shared link carries the product, the code and the
 * values only, reopens the same result, and is read back as untrusted input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode, LIMITS, readQuery, searchWords } from '../../src/decode/index.ts';
import {
	fragmentTemplate,
	fragmentValues,
	linkWithValues,
} from '../../src/decode/share-fragment.ts';
import { entryTemplates } from '../../src/registry/model.ts';
import { fillTemplate, templateParams } from '../../src/registry/template.ts';
import { describe as describeMatch, fillFix } from '../../src/decode/present.ts';
import { openShare, shareFragment } from '../../src/decode/share.ts';
import { allEntries, data, entry, registry } from './decode-fixtures.ts';

describe('share links', () => {
	it('reopen the same result for every entry, with its values', () => {
		for (const e of allEntries(registry)) {
			const params = Object.fromEntries(
				[...e.params, ...(e.details ?? []).map((d) => d.name)].map((name, i) => [
					name,
					`value ${i} & "more"`,
				])
			);
			const fragment = shareFragment(
				{ product: e.product, code: e.code, path: e.path, params },
				data
			);
			const opened = openShare(`#${fragment}`, data);
			assert.equal(opened?.path, e.path, fragment);
			assert.deepEqual(opened?.params, params);
		}
	});

	it('carry the product, the code and the values, never the pasted text', () => {
		const paste = '2025-03-01 ERROR secret-host-42: Port 5432 is busy. token=abc123';
		const match = decode(paste, data).matches[0]!;
		const fragment = shareFragment(match, data);
		const query = new URLSearchParams(fragment);
		assert.deepEqual([...query.keys()].sort(), ['c', 'p', 'v.port']);
		assert.ok(!fragment.includes('secret') && !fragment.includes('token'));
	});

	it('name the page where a product has the code twice', () => {
		const http = entry('smithers', 'RUN_NOT_FOUND', 'http-run-not-found');
		const fragment = shareFragment(
			{ product: 'smithers', code: 'RUN_NOT_FOUND', path: http.path, params: {} },
			data
		);
		assert.equal(new URLSearchParams(fragment).get('s'), http.slug);
		assert.equal(openShare(fragment, data)?.path, http.path);
		assert.equal(openShare('p=smithers&c=RUN_NOT_FOUND', data), undefined);
	});

	it('read back only what the entry documents, bounded, and nothing from unknown products or codes', () => {
		const opened = openShare(
			`p=asymmetric&c=PORT_IN_USE&v.port=${'9'.repeat(1000)}&v.__proto__=x&v.other=y&v.constructor=z`,
			data
		);
		assert.deepEqual(Object.keys(opened!.params), ['port']);
		assert.ok(opened!.params.port!.length <= 256);
		for (const bad of [
			'',
			'#search',
			'p=nope&c=PORT_IN_USE',
			'p=asymmetric&c=NOPE',
			'p=asymmetric',
			'c=PORT_IN_USE',
			'%E0%A4%A',
		]) {
			assert.equal(openShare(bad, data), undefined, bad);
		}
	});
});

describe('what a result shows', () => {
	it('splits the message so values can be highlighted, and fills the fix with the values it names', () => {
		const result = decode('clone-7 failed to start. See logs: asym logs clone-7', data);
		const shown = describeMatch(result.matches[0]!, data)!;
		assert.deepEqual(
			shown.message?.filter((p) => 'param' in p),
			[
				{ param: 'id', value: 'clone-7' },
				{ param: 'id', value: 'clone-7' },
			]
		);
		assert.equal(
			shown.fix,
			entry('asymmetric', 'CLONE_START_FAILED').fix!.replace('<id>', 'clone-7')
		);
	});

	it('leaves a fix alone where the paste gave no value for what it names', () => {
		assert.equal(
			fillFix('Check `asym logs <id>` and {port}.', {}),
			'Check `asym logs <id>` and {port}.'
		);
	});
});

describe('links to an entry with the values read', () => {
	it('carry every value of a decoded message to the page, and read back only placeholder names, each bounded', () => {
		let checked = 0;
		for (const e of allEntries(registry)) {
			for (const template of entryTemplates(e)) {
				const names = templateParams(template);
				if (!names.length) continue;
				const values = Object.fromEntries(names.map((n, i) => [n, `v${i} & #=?%${n}`]));
				const match = decode(fillTemplate(template, values), data).matches.find(
					(m) => m.path === e.path
				);
				if (!match) continue;
				checked++;
				const link = linkWithValues(match);
				assert.ok(link.startsWith(`${e.path}#`), link);
				assert.deepEqual(
					Object.fromEntries(fragmentValues(link.slice(link.indexOf('#')))),
					match.params
				);
				// And the message they were read from, when it is one of the entry's others: the page fills that one.
				assert.equal(fragmentTemplate(link.slice(link.indexOf('#'))), match.template);
			}
		}
		assert.ok(checked > 50);
		assert.equal(linkWithValues({ path: '/a/errors/b/', params: {} }), '/a/errors/b/');
		const hostile = fragmentValues(
			`#v.__proto__x=1&v.a%20b=2&v.ok=${'x'.repeat(10_000)}&v.<img>=3&p=smithers&other=4`
		);
		assert.deepEqual([...hostile.keys()], ['__proto__x', 'ok']);
		assert.equal(hostile.get('ok')!.length, LIMITS.maxValueChars);
	});
});

describe('what a paste that decodes to nothing searches for', () => {
	it('is the words of it that an entry uses, so the search finds that entry', () => {
		const words = searchWords('worker heartbeat lost on node 7 (pid 4411)', data);
		assert.equal(words, 'heartbeat lost');
		assert.ok(readQuery(words, data).some((h) => h.code === 'HEARTBEAT_FENCE_LOST'));
		assert.equal(searchWords('ok 12 xyzzy plugh', data), '');
		// One word of a longer paste that some entry happens to use tells nothing.
		assert.equal(searchWords('no space left on device', data), '');
	});

	it("takes no words of a stack, util.inspect's '... 7 lines matching cause stack trace ...' included", () => {
		// One rule tells a stack's line here and where an inspected error's label ends (isStackLine).
		const prose = 'worker lost';
		const alone = searchWords(prose, data);
		for (const stack of [
			'    at run (/app/x.ts:1:2)',
			'    at async Promise.all (index 0)',
			'    ... 7 lines matching cause stack trace ...',
		])
			assert.equal(searchWords(`${prose}\n${stack}\n${stack}`, data), alone, stack);
	});
});
