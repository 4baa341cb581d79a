/**
 * The JSON API: /api/errors.json and /api/<product>/<slug>.json hold exactly the registry, each
 * entry with its URLs, and validate against the JSON Schemas the site publishes — which reject
 * files that are not so.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { apiEntryFile, apiErrorsFile } from '../../src/api/document.ts';
import { API_SCHEMA_VERSION, SCHEMAS } from '../../src/api/schema.ts';
import { twinUrl } from '../../src/registry/urls.ts';
import { loadRegistry, registryDir } from '../../src/registry/load.ts';
import { allEntries, exitCodeOf, findProduct } from '../../src/registry/model.ts';
import { absoluteUrl, apiEntryPath, schemaPath } from '../../src/registry/urls.ts';
import { REGISTRIES } from '../support/registries.ts';

const registry = loadRegistry();
const SITE = 'https://errors.example.com';

/** A validator for one of the published schemas, as a consumer would compile it. */
function validator(name: keyof typeof SCHEMAS) {
	const ajv = new Ajv2020({ allErrors: true, formats: { uri: (s: string) => URL.canParse(s) } });
	const validate = ajv.compile(JSON.parse(SCHEMAS[name].json()));
	return (doc: unknown) =>
		validate(JSON.parse(JSON.stringify(doc))) ? [] : ajv.errorsText(validate.errors).split(', ');
}

describe('/api/errors.json', () => {
	const doc = apiErrorsFile(registry, SITE);
	const validate = validator('api-errors');

	test('validates against /schema/api-errors.schema.json, which it names', () => {
		assert.deepEqual(validate(doc), []);
		assert.equal(doc.$schema, absoluteUrl(SITE, schemaPath('api-errors')));
		assert.equal(doc.schemaVersion, API_SCHEMA_VERSION);
	});

	test("lists exactly the registry's entries, product by product, in order", () => {
		assert.deepEqual(
			doc.products.map((p) => [p.id, p.errors.map((e) => `${e.code} ${e.slug}`)]),
			registry.products.map((p) => [p.id, p.errors.map((e) => `${e.code} ${e.slug}`)])
		);
	});

	test('gives each entry every registry field unchanged, its effective exit code, and its absolute URLs', () => {
		const entries = doc.products.flatMap((p) => p.errors);
		for (const [i, entry] of allEntries(registry).entries()) {
			const api = entries[i]!;
			const product = findProduct(registry, entry.product)!;
			for (const [key, value] of Object.entries(entry)) {
				if (key === 'path' || key === 'exitCode') continue;
				assert.deepEqual(api[key as keyof typeof api], value, `${entry.code}.${key}`);
			}
			assert.equal(api.exitCode, exitCodeOf(product, entry));
			assert.equal(api.url, absoluteUrl(SITE, entry.path));
			assert.equal(api.markdownUrl, twinUrl(SITE, entry));
			assert.equal(api.jsonUrl, absoluteUrl(SITE, apiEntryPath(entry.product, entry.slug)));
			assert.equal(api.problem?.type, product.typePrefix && `${product.typePrefix}${entry.code}`);
		}
	});

	test('the schema rejects a file that lost a URL, gained a field or has another version', () => {
		const broken = structuredClone(doc) as unknown as {
			schemaVersion: number;
			products: { errors: Record<string, unknown>[] }[];
		};
		delete broken.products[0]!.errors[0]!.url;
		broken.products[0]!.errors[1]!.invented = true;
		broken.schemaVersion = API_SCHEMA_VERSION + 1;
		const problems = validate(broken).join('\n');
		assert.match(problems, /url/);
		assert.match(problems, /additional properties/);
		assert.match(problems, /schemaVersion/);
	});
});

test('a registry whose text holds `<Tags>`, `{braces}`, pipes and a shared code gives valid files too', () => {
	const { registry: fixture } = REGISTRIES.find((r) => r.name === 'fixture')!;
	assert.deepEqual(validator('api-errors')(apiErrorsFile(fixture, SITE)), []);
	for (const entry of allEntries(fixture)) {
		assert.deepEqual(
			validator('api-entry')(apiEntryFile(findProduct(fixture, entry.product)!, entry, SITE)),
			[],
			entry.slug
		);
	}
});

test('/api/<product>/<slug>.json validates against its schema and holds the same entry as errors.json', () => {
	const validate = validator('api-entry');
	const all = apiErrorsFile(registry, SITE).products.flatMap((p) => p.errors);
	for (const [i, entry] of allEntries(registry).entries()) {
		const doc = apiEntryFile(findProduct(registry, entry.product)!, entry, SITE);
		assert.deepEqual(validate(doc), [], entry.code);
		assert.deepEqual(doc.entry, all[i]);
		assert.equal(doc.product.id, entry.product);
	}
});

test('/schema/registry.schema.json is the schema editors use, and a strict validator accepts it and every registry file', () => {
	const validate = validator('registry');
	const dir = registryDir();
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
		assert.deepEqual(validate(parse(readFileSync(join(dir, file), 'utf8'))), [], file);
	}
});
