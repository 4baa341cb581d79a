/**
 * The typed modules (/api/<product>/errors.ts): each one, with a file that uses it as a product
 * team would, compiles under `tsc --strict` (and stricter flags) with nothing else installed; its
 * types refuse a wrong code or a missing placeholder; and its functions agree with the registry —
 * `formatMessage` round-trips through the decoder: the message it makes decodes to its code and
 * the values it was given.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { typedModule } from '../../src/api/module.ts';
import { decode, toDecoderData } from '../../src/decode/index.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import {
	allEntries,
	problemFacts,
	type Product,
	type Registry,
	type RegistryEntry,
} from '../../src/registry/model.ts';
import { fillTemplate, parseTemplate } from '../../src/registry/template.ts';
import { absoluteUrl } from '../../src/registry/urls.ts';
import { REGISTRIES } from '../support/registries.ts';

const SITE = 'https://errors.example.com';
const dir = mkdtempSync(join(tmpdir(), 'atlas-modules-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The entry each code's message and page come from: the first with that code (with a message, for templates). */
const firstWith = (product: Product, keep: (e: RegistryEntry) => boolean) =>
	product.errors.filter(
		(e, i) => keep(e) && product.errors.findIndex((x) => x.code === e.code && keep(x)) === i
	);
const templated = (product: Product) => firstWith(product, (e) => e.message !== undefined);

/** Sample values: letters and digits only, so that no value runs into the literal text around it. */
const samples = (entry: RegistryEntry) =>
	Object.fromEntries(entry.params.map((name, i) => [name, `value${i + 1}`]));

/** A file that uses the module as a product team would; `@ts-expect-error` lines must fail to compile. */
function usage(product: Product): string {
	const withParams = templated(product).find((e) => e.params.length > 0);
	const notACode = `${product.errors[0]!.code}_NOT_DOCUMENTED`;
	return [
		`import { docsUrl, errors, formatMessage, isKnownCode, type ErrorCode, type ErrorInfo${withParams ? '' : ', type MessageParams'} } from './${product.id}.ts';`,
		`const code: ErrorCode = ${JSON.stringify(product.errors[0]!.code)};`,
		`// @ts-expect-error: not a code of ${product.name}`,
		`const wrong: ErrorCode = ${JSON.stringify(notACode)};`,
		`const input: string = String(Date.now());`,
		`const url: string = isKnownCode(input) ? docsUrl(input) : docsUrl(code);`,
		`const first: ErrorInfo = errors[0];`,
		withParams
			? [
					`formatMessage(${JSON.stringify(withParams.code)}, ${JSON.stringify(samples(withParams))});`,
					`// @ts-expect-error: a placeholder is missing`,
					`formatMessage(${JSON.stringify(withParams.code)}, {});`,
					`// @ts-expect-error: a placeholder that the template does not have`,
					`formatMessage(${JSON.stringify(withParams.code)}, { ...${JSON.stringify(samples(withParams))}, notAPlaceholder: 1 });`,
				].join('\n')
			: [
					`const none: [keyof MessageParams] extends [never] ? true : false = true;`,
					`// @ts-expect-error: ${product.name} publishes no message templates`,
					`formatMessage(code);`,
				].join('\n'),
		`export { code, wrong, url, first${withParams ? '' : ', none'} };`,
		'',
	].join('\n');
}

/** Every product of every test registry, with the registry it belongs to. */
const products: { registry: Registry; product: Product }[] = REGISTRIES.flatMap(({ registry }) =>
	registry.products.map((product) => ({ registry, product }))
);

describe('typed modules', () => {
	for (const { registry, product } of products) {
		writeFileSync(join(dir, `${product.id}.ts`), typedModule(registry, product, SITE));
		writeFileSync(join(dir, `use-${product.id}.ts`), usage(product));
	}

	test('each compiles with tsc --strict, alone, and its types refuse wrong codes and params', () => {
		const tsc = join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
		const flags = [
			'--strict',
			'--noEmit',
			'--target',
			'es2022',
			'--module',
			'esnext',
			'--moduleResolution',
			'bundler',
			'--allowImportingTsExtensions',
		];
		const stricter = [
			'--noUncheckedIndexedAccess',
			'--exactOptionalPropertyTypes',
			'--verbatimModuleSyntax',
			'--erasableSyntaxOnly',
			'--isolatedModules',
			'--noUnusedLocals',
			'--noImplicitReturns',
		];
		const files = products.flatMap(({ product: p }) => [`${p.id}.ts`, `use-${p.id}.ts`]);
		try {
			// Run from the temporary folder: no node_modules, no @types — the module must need nothing.
			execFileSync(process.execPath, [tsc, ...flags, ...stricter, ...files], {
				cwd: dir,
				encoding: 'utf8',
			});
		} catch (error) {
			assert.fail(`tsc rejected a typed module:\n${(error as { stdout?: string }).stdout}`);
		}
	});

	for (const { registry, product } of products) {
		test(`${product.name}: the table, isKnownCode and docsUrl agree with the registry`, async () => {
			const mod = await import(pathToFileURL(join(dir, `${product.id}.ts`)).href);
			assert.deepEqual(
				mod.errors,
				product.errors.map((e) => {
					const { retryable } = problemFacts(product, e);
					return {
						code: e.code,
						...(e.message === undefined ? {} : { message: e.message }),
						...(e.status === undefined ? {} : { status: e.status }),
						...(retryable === undefined ? {} : { retryable }),
						docsUrl: absoluteUrl(SITE, e.path),
					};
				})
			);
			for (const e of firstWith(product, () => true)) {
				assert.equal(mod.isKnownCode(e.code), true, e.code);
				assert.equal(mod.docsUrl(e.code), absoluteUrl(SITE, e.path), e.code);
			}
			const others = allEntries(registry).filter(
				(e) => !product.errors.some((x) => x.code === e.code)
			);
			for (const e of others)
				assert.equal(mod.isKnownCode(e.code), false, `${e.code} is not ${product.name}'s`);
			assert.equal(mod.isKnownCode(product.errors[0]!.code.toLowerCase()), false);
		});

		test(`${product.name}: formatMessage fills each template, and the decoder reads the code and values back`, async () => {
			const mod = await import(pathToFileURL(join(dir, `${product.id}.ts`)).href);
			const data = toDecoderData(registry);
			for (const entry of templated(product)) {
				const values = samples(entry);
				const message: string = mod.formatMessage(entry.code, values);
				assert.equal(message, fillTemplate(entry.message!, values), entry.code);
				// A template of placeholders only says nothing by itself: it reaches a tool beside its code.
				const literal = parseTemplate(entry.message!).some(
					(s) => s.kind === 'text' && s.text.trim() !== ''
				);
				const pasted = literal ? message : JSON.stringify({ code: entry.code, message });
				const [match] = decode(pasted, data).matches;
				assert.ok(match, `${entry.code}: the decoder finds nothing in ${pasted}`);
				assert.deepEqual(
					[match.product, match.code],
					[product.id, entry.code],
					`${entry.code}: ${pasted}`
				);
				if (literal) assert.deepEqual(match.params, values, `${entry.code}: ${pasted}`);
				else assert.equal(match.text, message, `${entry.code}: ${pasted}`);
			}
			const numeric = templated(product).find((e) => e.params.length > 0);
			if (numeric) {
				const values = Object.fromEntries(numeric.params.map((name, i) => [name, 40 + i]));
				assert.equal(
					mod.formatMessage(numeric.code, values),
					fillTemplate(
						numeric.message!,
						Object.fromEntries(numeric.params.map((n, i) => [n, String(40 + i)]))
					)
				);
			}
			assert.throws(
				() => mod.formatMessage(`${product.errors[0]!.code}_NOT_DOCUMENTED`, {}),
				/no message template/
			);
		});
	}
});
