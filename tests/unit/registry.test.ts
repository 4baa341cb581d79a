/**
 * The registry: the real one loads and is complete, and every kind of broken registry gets one
 * problem line naming file, line, column and field, what is wrong and what to do.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CODE_MAX_CHARS } from '../../src/registry/code.ts';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import { allEntries, catchSnippet, entriesByCode, resolveRef } from '../../src/registry/model.ts';
import { fillTemplate, parseTemplate, templateParams } from '../../src/registry/template.ts';
import { entryPath, markdownPath, slugForCode } from '../../src/registry/urls.ts';
import { formatProblem, RegistryError, type Problem } from '../../src/registry/validation.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/registries');
/** The products' published references, as received (content/sources/README.md). */
const SEEDS = join(PROJECT_ROOT, 'content/sources');

function problemsOf(fixture: string): Problem[] {
	try {
		loadRegistry(join(FIXTURES, fixture));
	} catch (error) {
		assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
		return error.problems;
	}
	assert.fail(`fixture ${fixture} loaded without problems`);
}

/** The 1-based line and column where `needle` first appears in a fixture, found independently of the loader. */
function positionOf(fixture: string, needle: string): { line: number; column: number } {
	const text = readFileSync(join(FIXTURES, fixture, 'demo.yaml'), 'utf8');
	const at = text.indexOf(needle);
	assert.notEqual(at, -1, `${needle} not in fixture ${fixture}`);
	const before = text.slice(0, at).split('\n');
	return { line: before.length, column: before.at(-1)!.length + 1 };
}

function assertOneProblem(fixture: string, needle: string, field: string, says: RegExp) {
	const problems = problemsOf(fixture);
	assert.equal(problems.length, 1, problems.map(formatProblem).join('\n'));
	const [p] = problems as [Problem];
	assert.match(p.file, new RegExp(`${fixture}/demo\\.yaml$`));
	assert.deepEqual({ line: p.line, column: p.column }, positionOf(fixture, needle));
	assert.equal(p.field, field);
	assert.match(p.message, says);
	assert.match(
		formatProblem(p),
		new RegExp(`demo\\.yaml:${p.line}:${p.column}  ${field.replace(/[[\]]/g, '\\$&')}: `)
	);
}

describe('the real registry', () => {
	const registry = loadRegistry();

	it('loads all three products', () => {
		assert.deepEqual(registry.products.map((p) => p.id).sort(), [
			'assetcore',
			'asymmetric',
			'smithers',
		]);
	});

	it('holds every code row of every seed table, and the Asset Core code that only an example shows', () => {
		// Codes as the seeds write them in their tables, read straight from the seed files.
		const asym = readFileSync(join(SEEDS, 'asymmetric-errors.md'), 'utf8');
		const smithers = readFileSync(join(SEEDS, 'smithers-errors.md'), 'utf8');
		const assetcore = readFileSync(join(SEEDS, 'assetcore-errors.txt'), 'utf8');
		const tableCodes = (text: string) =>
			[...text.matchAll(/^\| `([A-Z][A-Z0-9_]+)` +\|/gm)].map((m) => m[1]!);
		const seedCodes = {
			asymmetric: tableCodes(asym),
			smithers: tableCodes(smithers.slice(smithers.indexOf('## Engine'))),
			assetcore: [
				...new Set(
					[
						...assetcore.matchAll(/^([A-Z][A-Z_]+)\d{3}/gm),
						...assetcore.matchAll(/"code": "([A-Z_]+)"/g),
					].map((m) => m[1]!)
				),
			],
		};
		for (const [id, codes] of Object.entries(seedCodes)) {
			const product = registry.products.find((p) => p.id === id)!;
			const fromSeed = product.errors.filter(
				(e) => e.catalog?.state !== 'added' && e.catalog?.state !== 'unlisted'
			);
			assert.deepEqual(fromSeed.map((e) => e.code).sort(), codes.sort(), id);
		}
	});

	it('names, for every product, its published reference and catalog as kept under content/sources/', () => {
		for (const p of registry.products) {
			assert.ok(
				p.reference && existsSync(join(PROJECT_ROOT, 'content/sources', p.reference)),
				`${p.id}: reference ${p.reference}`
			);
			if (p.catalog)
				assert.ok(
					existsSync(join(PROJECT_ROOT, 'content/sources', p.catalog.file)),
					`${p.id}: catalog ${p.catalog.file}`
				);
		}
	});

	it('holds no code beyond the seeds that no catalog or published code states', () => {
		for (const product of registry.products) {
			for (const e of product.errors.filter(
				(x) => x.catalog?.state === 'added' || x.catalog?.state === 'unlisted'
			)) {
				assert.ok(product.catalog, `${e.code}: ${product.id} publishes no catalog`);
				if (e.catalog!.state === 'added')
					assert.ok(e.sources?.when, `${e.code}: an added code says where its text was read`);
				else
					assert.ok(
						e.messages.some((m) => m.at?.length) || e.thrownAt?.length,
						`${e.code}: an unlisted code shows where it is thrown`
					);
			}
		}
	});

	it('transcribes messages, fixes and descriptions word for word', () => {
		const seeds = ['asymmetric-errors.md', 'smithers-errors.md', 'assetcore-errors.txt']
			.map((f) => readFileSync(join(SEEDS, f), 'utf8'))
			.join('\n');
		for (const e of allEntries(registry)) {
			// A text read from a product's package instead says where (e.sources): the drift test holds it to the package.
			for (const [field, text] of [
				['message', e.message],
				['when', e.when],
				['description', e.description],
				['scope', e.scope],
			] as const) {
				if (text !== undefined && !e.sources?.[field as 'when'])
					assert.ok(seeds.includes(text), `${e.product} ${e.code}: "${text}" is not in the seeds`);
			}
			if (e.fix)
				assert.ok(
					seeds.includes(e.scope ? `${e.scope} — ${e.fix}` : e.fix),
					`${e.code}: fix not in the seeds`
				);
		}
	});

	it("says what a product is, and what its reference is, only in its reference's own words", () => {
		const flat = (text: string) => text.replace(/\s+/g, ' ');
		for (const p of registry.products) {
			const reference = flat(readFileSync(join(SEEDS, p.reference!), 'utf8'));
			for (const [field, text] of [
				['tagline', p.tagline],
				['summary', p.summary],
			] as const) {
				if (text !== undefined)
					assert.ok(
						reference.includes(flat(text)),
						`${p.id} ${field}: "${text}" is not in ${p.reference}`
					);
			}
		}
	});

	it('gives the second RUN_NOT_FOUND its own page, and shares codes across products', () => {
		const runNotFound = entriesByCode(registry).get('RUN_NOT_FOUND')!;
		assert.equal(runNotFound.length, 2);
		assert.notEqual(runNotFound[0]!.path, runNotFound[1]!.path);
		assert.deepEqual(
			[
				...new Set(
					entriesByCode(registry)
						.get('INVALID_REQUEST')!
						.map((e) => e.product)
				),
			].sort(),
			['assetcore', 'smithers']
		);
	});

	it('offers a catch snippet only where the product documents how to catch the error', () => {
		for (const product of registry.products) {
			for (const e of product.errors) {
				const category = product.categories.find((c) => c.id === e.category);
				const snippet = catchSnippet(product, e);
				if (category?.catch === false)
					assert.equal(snippet, undefined, `${e.code} in ${category.name}`);
				else assert.equal(snippet, product.catch?.replace('{code}', e.code), e.code);
			}
		}
		const http = registry.products.flatMap((p) => p.categories).find((c) => c.catch === false);
		assert.ok(http, 'some category opts out of the product snippet');
	});

	it('declares every placeholder its messages use', () => {
		for (const e of allEntries(registry))
			if (e.message) assert.deepEqual(e.params, templateParams(e.message), e.code);
	});
});

describe('validation messages', () => {
	it('names an unknown field and suggests the right one', () => {
		assertOneProblem(
			'unknown-field',
			'mesage',
			'errors[0].mesage',
			/unknown field "mesage" — did you mean "message"\?/
		);
	});
	it('names a missing required field', () => {
		assertOneProblem(
			'missing-field',
			'message:',
			'errors[0].code',
			/missing required field "code" — add it/
		);
	});
	it('rejects a code that is not SCREAMING_SNAKE_CASE', () => {
		assertOneProblem(
			'malformed-code',
			'portInUse',
			'errors[1].code',
			/"portInUse" must be SCREAMING_SNAKE_CASE/
		);
	});
	it('rejects a code longer than the decoder finds codes', () => {
		assertOneProblem(
			'long-code',
			'REQUEST_STAGE',
			'errors[1].code',
			new RegExp(`must be at most ${CODE_MAX_CHARS} characters`)
		);
	});
	it('rejects a duplicate code', () => {
		assertOneProblem(
			'duplicate-code',
			'PORT_IN_USE\n    when: Second',
			'errors[1].code',
			/duplicate code PORT_IN_USE \(also errors\[0\]\)/
		);
	});
	it('rejects a duplicate slug', () => {
		assertOneProblem(
			'duplicate-slug',
			'port-in-use',
			'errors[1].slug',
			/duplicate slug "port-in-use" .*published slugs never change/
		);
	});
	it('rejects a placeholder the entry does not declare', () => {
		assertOneProblem(
			'undeclared-placeholder',
			'"No free',
			'errors[0].message',
			/placeholder \{to\} is not declared — add "to" to params/
		);
	});
	it('rejects a declared param the message does not use', () => {
		assertOneProblem(
			'unused-param',
			'host]',
			'errors[0].params[1]',
			/param "host" is not used in the message/
		);
	});
	it('rejects references that point nowhere', () => {
		const problems = problemsOf('dangling-ref');
		assert.deepEqual(
			problems.map((p) => [p.field, p.line, p.column]),
			[
				['errors[0].replacedBy', ...Object.values(positionOf('dangling-ref', 'NEW_ERORR'))],
				['errors[1].related[0]', ...Object.values(positionOf('dangling-ref', 'other:MISSING'))],
			]
		);
		assert.match(problems[0]!.message, /"NEW_ERORR" names no entry/);
	});
	it('refuses a product id that the site keeps for its own paths', () => {
		assertOneProblem(
			'reserved-id',
			'api',
			'id',
			/product id "api" is a path the site keeps for itself/
		);
	});
	it('reports broken YAML as a problem, not a stack trace', () => {
		const [p] = problemsOf('bad-yaml');
		assert.match(p!.message, /quote — fix the YAML syntax/);
	});
	it('accepts a registry full of special characters', () => {
		const registry = loadRegistry(join(FIXTURES, 'valid'));
		assert.equal(registry.products[0]!.errors.length, 3);
		assert.deepEqual(
			resolveRef(registry, 'demo', 'OTHER_ERROR').map((e) => e.slug),
			['other-error', 'other-error-http']
		);
	});
});

describe('slugs, URLs and templates', () => {
	it('derives the slug from the code in kebab case', () => {
		assert.equal(slugForCode('PORT_IN_USE'), 'port-in-use');
		assert.equal(
			slugForCode('HEARTBEAT_PAYLOAD_NOT_JSON_SERIALIZABLE'),
			'heartbeat-payload-not-json-serializable'
		);
	});
	it('makes entry and Markdown paths', () => {
		assert.equal(entryPath('asymmetric', 'port-in-use'), '/asymmetric/errors/port-in-use/');
		assert.equal(
			markdownPath('/asymmetric/errors/port-in-use/'),
			'/asymmetric/errors/port-in-use.md'
		);
	});
	it('parses, lists and fills placeholders', () => {
		const t = "{id} didn't become healthy in {seconds}s. See logs: asym logs {id}";
		assert.deepEqual(templateParams(t), ['id', 'seconds']);
		assert.equal(
			fillTemplate(t, { id: 'pg-1', seconds: '30' }),
			"pg-1 didn't become healthy in 30s. See logs: asym logs pg-1"
		);
		assert.equal(
			fillTemplate(t, { id: 'pg-1' }),
			"pg-1 didn't become healthy in {seconds}s. See logs: asym logs pg-1"
		);
		assert.deepEqual(
			parseTemplate('Port {port} is busy.').map((s) => s.kind),
			['text', 'param', 'text']
		);
	});
});
