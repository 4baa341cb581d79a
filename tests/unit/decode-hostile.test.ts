/**
 * Pastes that try to make the site say something it does not: direction controls that reverse the
 * site's own text, a number too large to be real, a status from one line of NDJSON given to the
 * error on the next, a `javascript:` link dressed as a docs link.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { labelShapes } from '../../scripts/bench-corpus.ts';
import { decode, LIMITS, report } from '../../src/decode/index.ts';
import { LabelReader } from '../../src/decode/inspected-error.ts';
import { visibleText } from '../../src/decode/text.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { unknownCodeTitle } from '../../src/search/short-link.ts';
import { data, entry, paths } from './decode-fixtures.ts';

const portInUse = entry('asymmetric', 'PORT_IN_USE');
const CONTROLS = [
	'\u202a',
	'\u202b',
	'\u202c',
	'\u202d',
	'\u202e',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u200e',
	'\u200f',
	'\u061c',
];

describe('text a paste brings, as the site shows it', () => {
	it('shows every direction control as a visible mark, so none can reverse what follows', () => {
		for (const c of CONTROLS) {
			const shown = visibleText(`5432${c} is busy`);
			assert.ok(!shown.includes(c), `U+${c.charCodeAt(0).toString(16)}`);
			assert.match(
				shown,
				new RegExp(
					`5432⟨U\\+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩ is busy`
				)
			);
		}
		assert.equal(visibleText('Port 5432 is busy.'), 'Port 5432 is busy.');
	});
});

describe('a paste built to mislead', () => {
	it('does not turn a number too large to be real into Infinity', () => {
		const body = JSON.stringify({
			type: 'urn:assetcore:error:SERVICE_UNAVAILABLE',
			status: 503,
		}).replace('}', `,"retry_after_ms":${'9'.repeat(400)}}`);
		const m = decode(body, data).matches[0]!;
		assert.equal(m.code, 'SERVICE_UNAVAILABLE');
		assert.notEqual(m.retryAfterMs, Number.POSITIVE_INFINITY);
		assert.ok(m.retryAfterMs === undefined || Number.isSafeInteger(m.retryAfterMs));
		// Shown as written, to the bound of a value.
		assert.ok(
			m.reported?.some(
				(r) => r.name === 'retry_after_ms' && r.value === '9'.repeat(LIMITS.maxValueChars)
			),
			JSON.stringify(m.reported)
		);
	});

	it('keeps a status with the NDJSON line that states it', () => {
		const ndjson = [
			JSON.stringify({ level: 'error', status: 503, msg: 'upstream down' }),
			JSON.stringify({ level: 'error', code: portInUse.code, message: 'Port 5432 is busy.' }),
		].join('\n');
		const m = decode(ndjson, data).matches.find((x) => x.code === portInUse.code)!;
		assert.equal(m.status, undefined);
	});

	it('takes a link with a scheme other than http(s) as no evidence against an explicit code', () => {
		const other = entry('asymmetric', 'DOCKER_UNAVAILABLE');
		const body = JSON.stringify({
			code: portInUse.code,
			message: 'Port 5432 is busy.',
			docsUrl: `javascript:alert(1)//x${other.path}`,
		});
		assert.deepEqual(paths(decode(body, data)), [portInUse.path]);
		assert.deepEqual(paths(decode(`see javascript:void(0)${other.path}`, data)), []);
		assert.deepEqual(paths(decode(`see https://errors.example.com${other.path}`, data)), [
			other.path,
		]);
	});
});

describe('values that read as util.inspect labels, with no stack below (1 MiB)', () => {
	for (const { name, text } of labelShapes()) {
		it(`${name}: each character below a label is looked at a few times, not once per label above it`, () => {
			// Asked at every offset, as the most a JSON reader could ask: the work stays linear in the text.
			const labels = new LabelReader(text, LIMITS.maxLabelChars);
			for (let i = 0; i < text.length; i++) assert.equal(labels.at(i), undefined);
			assert.ok(
				labels.read <= 3 * text.length,
				`${labels.read} characters read for ${text.length}`
			);
		});

		it(`${name}: is no error, and says which bound it met`, () => {
			const result = decode(text, data);
			assert.deepEqual(result.matches, []);
			const notes = report(result, data).notes;
			assert.equal(notes.length, result.truncated ? 1 : 0, notes.join(' '));
		});
	}
});

describe('the CLI and the short-link page, with direction controls and long text', () => {
	it('the CLI shows a pasted direction control as a visible mark', () => {
		const run = spawnSync(
			process.execPath,
			[join(PROJECT_ROOT, 'scripts/explain.ts'), 'Port 5432\u202e is busy.'],
			{ encoding: 'utf8' }
		);
		assert.equal(run.status, 0, run.stderr);
		assert.ok(!run.stdout.includes('\u202e'));
		assert.match(run.stdout, /5432⟨U\+202E⟩ is busy/);
	});

	it('the page for an unknown short link shows what was typed bounded, its direction controls visible', () => {
		const title = unknownCodeTitle(`ABC\u202e${'X'.repeat(5000)}`);
		assert.ok(!title.includes('\u202e'));
		assert.ok(title.length < 200, `${title.length} characters`);
		assert.match(title, /^No error code ABC⟨U\+202E⟩X+… in this reference$/);
	});
});
