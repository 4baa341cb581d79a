/**
 * Registry files that are hostile or broken in ways a schema does not see: an alias bomb, a huge
 * file, bytes that are not UTF-8, an empty file, a stray brace in a message. Each is refused quickly
 * with one line per problem that names the file, the line and what to do — never a stack trace,
 * never the whole bad value echoed back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	formatProblem,
	RegistryError,
	validateRegistry,
	type Problem,
} from '../../src/registry/validation.ts';

const FILE = 'content/registry/demo.yaml';

function problems(text: string): Problem[] {
	try {
		validateRegistry([{ file: FILE, text }]);
	} catch (error) {
		if (error instanceof RegistryError) return error.problems;
		throw error;
	}
	return [];
}

const product = (errors: string) => `id: demo\nname: Demo\nerrors:\n${errors}`;

describe('a hostile or broken registry file', () => {
	it('refuses an alias bomb in one line, without expanding it', () => {
		const anchors = ['    description: &a0 "lol"'];
		for (let i = 1; i <= 9; i++)
			anchors.push(
				`    related: &a${i} [${Array(10)
					.fill(`*a${i - 1}`)
					.join(', ')}]`.replace('related', i === 9 ? 'message' : `x${i}`)
			);
		const text = product(`  - code: PORT_IN_USE\n${anchors.join('\n')}\n`);
		// Expanded, it is 10^9 strings: a test that expanded it would not finish. Its time is the benchmark's business.
		const found = problems(text);
		assert.equal(found.length, 1, found.map(formatProblem).join('\n'));
		assert.match(found[0]!.message, /alias/);
		assert.ok(formatProblem(found[0]!).length < 300, formatProblem(found[0]!));
	});

	it('refuses a 10 MB file before parsing it, saying how large it is', () => {
		const text = product(
			`  - code: PORT_IN_USE\n    description: "${'x'.repeat(10 * 1024 * 1024)}"\n`
		);
		const found = problems(text);
		assert.equal(found.length, 1);
		assert.match(found[0]!.message, /10\.0 MB/);
	});

	it('never echoes a long bad value whole', () => {
		const found = problems(product(`  - code: ${'A'.repeat(200_000)}\n`));
		assert.ok(found.length > 0);
		for (const p of found)
			assert.ok(formatProblem(p).length < 400, `${formatProblem(p).length} characters`);
	});

	it('says what an empty product file needs, and a file of comments alone', () => {
		for (const text of ['', '# nothing yet\n']) {
			const found = problems(text);
			assert.equal(found.length, 1, found.map(formatProblem).join('\n'));
			assert.match(found[0]!.message, /empty.*id.*name.*errors/);
			assert.doesNotMatch(found[0]!.message, /undefined|null/);
		}
	});

	it('reports a brace that opens no placeholder where it is, as one problem', () => {
		const stray = problems(
			product(
				'  - code: DOCKER_DOWN\n    message: "Docker isn\'t running {. Start it, then retry. (asym doctor) {{x}"\n'
			)
		);
		assert.equal(stray.length, 1, stray.map(formatProblem).join('\n'));
		assert.equal(stray[0]!.field, 'errors[0].message');
		assert.match(stray[0]!.message, /"\{" at character 22/);
		const unclosed = problems(
			product('  - code: PORT_IN_USE\n    message: "Port {port is busy."\n    params: [port]\n')
		);
		assert.equal(unclosed.length, 1, unclosed.map(formatProblem).join('\n'));
		assert.equal(unclosed[0]!.field, 'errors[0].message');
		assert.match(unclosed[0]!.message, /"\{" at character 6/);
	});

	it('refuses a tagged error naming a code the product does not have, naming the file and tag', () => {
		const text = `id: demo\nname: Demo\nemits:\n  taggedErrors:\n    value:\n      RunNotFound: RUN_NOT_FOUND\n      Gone: NO_SUCH_CODE\n    at: "pkg@1.0.0 src/x.js:1"\nerrors:\n  - code: RUN_NOT_FOUND\n`;
		const found = problems(text);
		assert.equal(found.length, 1, found.map(formatProblem).join('\n'));
		assert.equal(found[0]!.file, FILE);
		assert.equal(found[0]!.line, 7);
		assert.equal(found[0]!.field, 'emits.taggedErrors.value.Gone');
		assert.match(
			found[0]!.message,
			/tag Gone names NO_SUCH_CODE, which is no code of this product/
		);
	});

	it('refuses bytes that are not UTF-8, naming the file, line and column', () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-utf8-'));
		try {
			const bytes = Buffer.concat([
				Buffer.from(product('  - code: PORT_IN_USE\n    description: "caf'), 'utf8'),
				Buffer.from([0xe9]),
				Buffer.from('"\n', 'utf8'),
			]);
			writeFileSync(join(dir, 'demo.yaml'), bytes);
			assert.throws(
				() => loadRegistry(dir),
				(error: unknown) => {
					assert.ok(error instanceof RegistryError);
					assert.equal(error.problems.length, 1);
					const [p] = error.problems;
					assert.match(p!.file, /demo\.yaml$/);
					assert.deepEqual([p!.line, p!.column], [5, 22]);
					assert.match(p!.message, /UTF-8/);
					return true;
				}
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
