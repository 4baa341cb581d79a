/**
 * A code written in a log line, with the error's `details` fields beside it as `key=value`,
 * `key: value` or `key="quoted value"` pairs, and its message after `[CODE]: ` or `CODE: `. The
 * field names come from the registry: every entry that documents `details` is tried.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decode, LIMITS, type Match } from '../../src/decode/index.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { data } from './decode-fixtures.ts';

const withDetails = data.products.flatMap((p) =>
	p.entries.filter((e) => e.details?.length).map((e) => ({ product: p, entry: e }))
);
const fieldsOf = (details: readonly string[]) =>
	details.map((d) => (d.endsWith('?') ? d.slice(0, -1) : d));

/** The match of `product`/`code` in a decode of `text`; fails when there is none. */
function matchOf(text: string, product: string, code: string): Match {
	const found = decode(text, data).matches.filter((m) => m.product === product && m.code === code);
	assert.equal(found.length, 1, `${product}/${code} in ${JSON.stringify(text)}`);
	return found[0]!;
}

describe('details fields written as key=value pairs on the line of a code', () => {
	it('has entries to try: every product entry that documents details', () => {
		assert.ok(withDetails.length > 0);
	});

	it('reads the reported heartbeat line', () => {
		const line =
			'2026-11-21T02:13:07Z ERROR TASK_HEARTBEAT_TIMEOUT nodeId=fetch-issues attempt=1 timeoutMs=30000 staleForMs=31250';
		const m = matchOf(line, 'smithers', 'TASK_HEARTBEAT_TIMEOUT');
		assert.deepEqual(m.params, {
			nodeId: 'fetch-issues',
			attempt: '1',
			timeoutMs: '30000',
			staleForMs: '31250',
		});
		assert.deepEqual(new Set(m.detailsPresent), new Set(Object.keys(m.params)));
	});

	const shapes: [string, (code: string, pairs: string) => string][] = [
		[
			'after a timestamp and a level',
			(code, pairs) => `2026-11-21T02:13:07Z ERROR ${code} ${pairs}`,
		],
		['after [CODE]', (code, pairs) => `[${code}] ${pairs}`],
		['after Error [CODE]:', (code, pairs) => `SmithersError [${code}]: failed ${pairs}`],
		['before the code', (code, pairs) => `level=error ${pairs} code=${code}`],
	];
	const styles: [string, (key: string, i: number) => [string, string]][] = [
		['key=value', (key, i) => [`${key}=v${i}-x.y/z`, `v${i}-x.y/z`]],
		['key: value', (key, i) => [`${key}: v${i}`, `v${i}`]],
		['key="quoted value"', (key, i) => [`${key}="value ${i}: a=b, c"`, `value ${i}: a=b, c`]],
		["key='quoted value'", (key, i) => [`${key}='value ${i}'`, `value ${i}`]],
	];
	for (const [where, line] of shapes) {
		for (const [style, pair] of styles) {
			it(`reads every documented field of every entry, ${style}, ${where}`, () => {
				for (const { product, entry } of withDetails) {
					const expected: Record<string, string> = {};
					const written = fieldsOf(entry.details!).map((key, i) => {
						const [text, value] = pair(key, i);
						expected[key] = value;
						return text;
					});
					const m = matchOf(
						line(entry.code, `${written.join(' ')} undocumentedKey=1`),
						product.id,
						entry.code
					);
					assert.deepEqual(m.params, expected, entry.code);
					assert.deepEqual(new Set(m.detailsPresent), new Set(Object.keys(expected)), entry.code);
				}
			});
		}
	}

	it('ignores keys that are not documented fields, and pairs on other lines', () => {
		const { product, entry } = withDetails[0]!;
		const [field] = fieldsOf(entry.details!);
		const m = matchOf(
			`${entry.code} user=alice host=db1\n${field}=elsewhere`,
			product.id,
			entry.code
		);
		assert.deepEqual(m.params, {});
		assert.equal(m.detailsPresent, undefined);
	});

	it('reads no pairs for a code that documents no details', () => {
		const entry = data.products
			.find((p) => p.id === 'smithers')!
			.entries.find((e) => !e.details?.length && !e.message)!;
		assert.deepEqual(
			matchOf(`${entry.code} nodeId=x attempt=1`, 'smithers', entry.code).params,
			{}
		);
	});

	it('takes a value no longer than maxValueChars, and no more than maxLinePairs pairs of a line', () => {
		const { product, entry } = withDetails[0]!;
		const [field] = fieldsOf(entry.details!);
		assert.equal(
			matchOf(
				`${entry.code} ${field}=${'9'.repeat(LIMITS.maxValueChars + 1)}`,
				product.id,
				entry.code
			).params[field!],
			undefined
		);
		assert.equal(
			matchOf(`${entry.code} ${field}=${'9'.repeat(LIMITS.maxValueChars)}`, product.id, entry.code)
				.params[field!]?.length,
			LIMITS.maxValueChars
		);
		const many = 'k=v '.repeat(LIMITS.maxLinePairs);
		assert.equal(
			matchOf(`${entry.code} ${many}${field}=late`, product.id, entry.code).params[field!],
			undefined
		);
		assert.equal(
			matchOf(
				`${entry.code} ${'k=v '.repeat(LIMITS.maxLinePairs - 1)}${field}=late`,
				product.id,
				entry.code
			).params[field!],
			'late'
		);
	});
});

describe('the message after [CODE]: or CODE: in a line', () => {
	it('is the match text: SmithersError [WORKTREE_CREATE_FAILED]: …', () => {
		const m = matchOf(
			'SmithersError [WORKTREE_CREATE_FAILED]: Failed to create worktree at /repo/.worktrees/t1',
			'smithers',
			'WORKTREE_CREATE_FAILED'
		);
		assert.equal(m.text, 'Failed to create worktree at /repo/.worktrees/t1');
	});

	it('is the match text after CODE: at a line start, after log noise', () => {
		const m = matchOf(
			'2026-11-21T02:13:07Z ERROR WORKTREE_CREATE_FAILED: Failed to create worktree at /repo/.worktrees/t1',
			'smithers',
			'WORKTREE_CREATE_FAILED'
		);
		assert.equal(m.text, 'Failed to create worktree at /repo/.worktrees/t1');
	});

	it('keeps its pairs as params and drops an appended docs link', () => {
		const m = matchOf(
			'SmithersError [WORKTREE_CREATE_FAILED]: Failed worktreePath="/repo/a b" vcsType=git. See https://x.example/smithers/errors/worktree-create-failed/',
			'smithers',
			'WORKTREE_CREATE_FAILED'
		);
		assert.equal(m.text, 'Failed worktreePath="/repo/a b" vcsType=git.');
		assert.deepEqual(m.params, { worktreePath: '/repo/a b', vcsType: 'git' });
	});

	it('is not set for a code mentioned in passing', () => {
		assert.equal(
			matchOf(
				'the run stopped with WORKTREE_CREATE_FAILED and exited',
				'smithers',
				'WORKTREE_CREATE_FAILED'
			).text,
			undefined
		);
	});
});

describe('explain shows them', () => {
	const explain = (text: string) =>
		spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/explain.ts'), text], {
			encoding: 'utf8',
			env: { ...process.env, NO_COLOR: '' },
		});

	it('lists the pairs read as values', () => {
		const run = explain(
			'2026-11-21T02:13:07Z ERROR TASK_HEARTBEAT_TIMEOUT nodeId=fetch-issues attempt=1 timeoutMs=30000 staleForMs=31250'
		);
		assert.equal(run.status, 0, run.stderr);
		for (const line of [
			'nodeId: fetch-issues',
			'attempt: 1',
			'timeoutMs: 30000',
			'staleForMs: 31250',
		])
			assert.ok(run.stdout.includes(`\n  ${line}\n`), run.stdout);
	});

	it('shows the message after [CODE]:', () => {
		const run = explain(
			'SmithersError [WORKTREE_CREATE_FAILED]: Failed to create worktree at /repo/.worktrees/t1'
		);
		assert.equal(run.status, 0, run.stderr);
		assert.ok(
			run.stdout.includes('  Failed to create worktree at /repo/.worktrees/t1\n'),
			run.stdout
		);
	});
});
