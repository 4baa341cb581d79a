/**
 * A registry edit that fails validation changes nothing: the pages generated before stay exactly
 * as they were (none written, none removed, even for the files that are valid), and the error
 * names the file, line and field at fault.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, it } from 'node:test';
import { generate } from '../../scripts/generate.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { RegistryError } from '../../src/registry/validation.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/registry-edits');
const docs = mkdtempSync(join(tmpdir(), 'atlas-docs-'));
after(() => rmSync(docs, { recursive: true, force: true }));

/** Every file under the output folder with its content and modification time. */
function snapshot(dir: string): Map<string, string> {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) =>
		d.isFile()
	);
	return new Map(
		files.map((d) => {
			const file = join(d.parentPath, d.name);
			return [relative(dir, file), `${statSync(file).mtimeMs} ${readFileSync(file, 'utf8')}`];
		})
	);
}

it('leaves the previously generated pages untouched and names file, line and field', () => {
	const first = generate(join(FIXTURES, 'before'), docs);
	assert.equal(
		first.written,
		2,
		'two overviews (code pages are rendered by src/pages, not written)'
	);
	const before = snapshot(docs);

	assert.throws(
		() => generate(join(FIXTURES, 'broken'), docs),
		(error: unknown) => {
			assert.ok(error instanceof RegistryError, 'a RegistryError, not a crash');
			assert.deepEqual(
				error.problems.map((p) => [p.file.replace(/^.*tests\/fixtures\//, ''), p.line, p.field]),
				[['registry-edits/broken/alpha.yaml', 9, 'errors[0].fixx']]
			);
			assert.match(
				error.message,
				/registry-edits\/broken\/alpha\.yaml:9:\d+ {2}errors\[0\]\.fixx: unknown field "fixx" — did you mean "fix"\?/
			);
			assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace in the message');
			return true;
		}
	);
	assert.deepEqual(snapshot(docs), before);
});
