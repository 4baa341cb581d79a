/** The generator: one overview per product, frontmatter that MDX cannot misread. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { DOCS_DIR, render, SCHEMA_FILE, yamlString } from '../../scripts/generate.ts';
import { jsonSchema } from '../../src/registry/json-schema.ts';
import { DEFAULT_REGISTRY_DIR, loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';

const TRICKY = [
	'Port {port} is busy.',
	'`<Task>` is missing a valid string id.',
	'a * b | c & d `e` <script>alert(1)</script> "q" \\ \u2028',
];

describe('generated pages', () => {
	it('writes one overview per product, and no file per code (src/pages renders those)', () => {
		const registry = loadRegistry();
		const files = [...render(registry).keys()].map((f) => relative(DOCS_DIR, f));
		assert.deepEqual(files.sort(), registry.products.map((p) => `${p.id}/index.mdx`).sort());
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

describe('the JSON Schema for editors', () => {
	it('is up to date with the zod schema (run `npm run generate` after changing src/registry/schema.ts)', () => {
		assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), jsonSchema());
	});
	it('is referenced from every registry file', () => {
		for (const f of readdirSync(DEFAULT_REGISTRY_DIR).filter((f) => f.endsWith('.yaml'))) {
			const first = readFileSync(join(DEFAULT_REGISTRY_DIR, f), 'utf8').split('\n')[0];
			assert.equal(first, '# yaml-language-server: $schema=./registry.schema.json', f);
		}
	});
});
