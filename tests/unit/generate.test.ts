/** The generator: one page per entry at the URL contract, frontmatter that MDX cannot misread. */
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { DOCS_DIR, render, yamlString } from '../../scripts/generate.ts';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import { allEntries } from '../../src/registry/model.ts';

const TRICKY = ['Port {port} is busy.', '`<Task>` is missing a valid string id.', 'a * b | c & d `e` <script>alert(1)</script> "q" \\ \u2028'];

describe('generated pages', () => {
	it('writes one page per entry at /<product>/errors/<slug>/ and one overview per product', () => {
		const registry = loadRegistry();
		const files = [...render(registry).keys()].map((f) => relative(DOCS_DIR, f));
		const expected = [
			...registry.products.map((p) => `${p.id}/index.mdx`),
			...allEntries(registry).map((e) => `${e.path.slice(1, -1)}.mdx`),
		];
		assert.deepEqual(files.sort(), expected.sort());
	});

	it('quotes frontmatter strings so YAML reads them back exactly and MDX sees no braces or tags', () => {
		for (const text of TRICKY) {
			const quoted = yamlString(text);
			assert.equal(parse(`v: ${quoted}`).v, text);
			assert.doesNotMatch(quoted, /[<>{}]/);
		}
	});

	it('keeps registry text out of the MDX body, where it would be parsed', () => {
		const registry = loadRegistry(join(PROJECT_ROOT, 'tests/fixtures/registries/valid'));
		for (const [, text] of render(registry)) {
			const body = text.slice(text.indexOf('\n---\n', 4) + 5);
			assert.doesNotMatch(body, /\{port\}|<Task>|\*not\*/);
		}
	});
});
