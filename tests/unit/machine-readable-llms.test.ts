/**
 * The llms.txt files follow llmstxt.org's structure and list exactly the registry: one section per
 * product (per category in a product's own file), one line per entry linking its Markdown twin.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SITE_TITLE } from '../../src/meta.ts';
import { llmsFullTxt, llmsTxt, productLlmsTxt } from '../../src/markdown/llms.ts';
import { twinUrl } from '../../src/registry/urls.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, entriesByCategory, entrySummary } from '../../src/registry/model.ts';
import { absoluteUrl, LLMS_FULL_PATH, llmsTxtPath } from '../../src/registry/urls.ts';
import { parseLlmsTxt } from '../support/llmstxt.ts';
import { REGISTRIES } from '../support/registries.ts';
import { nodesOf, parseMarkdown, proseShown, shown } from '../support/markdown.ts';

const registry = loadRegistry();
const SITE = 'https://errors.example.com';

describe('/llms.txt', () => {
	const file = parseLlmsTxt(llmsTxt(registry, SITE));

	test('has the site name, a summary, and one section per product, then Optional', () => {
		assert.equal(file.title, SITE_TITLE);
		assert.deepEqual(
			file.sections.map((s) => s.name),
			[...registry.products.map((p) => p.name), 'Optional']
		);
	});

	test('lists every entry of each product once, linked to its Markdown twin, with its message or description', () => {
		for (const product of registry.products) {
			const section = file.sections.find((s) => s.name === product.name)!;
			assert.deepEqual(
				section.links.map((l) => l.url),
				product.errors.map((e) => twinUrl(SITE, e))
			);
			for (const [i, entry] of product.errors.entries()) {
				const link = section.links[i]!;
				assert.equal(link.name, entry.code);
				assert.ok(
					link.notes &&
						shown(parseMarkdown(link.notes)).startsWith(proseShown(entrySummary(entry)).text),
					`${entry.code}: ${link.notes}`
				);
			}
		}
	});

	test("points to the full reference and each product's own index under Optional", () => {
		const optional = file.sections.at(-1)!.links.map((l) => l.url);
		assert.ok(optional.includes(absoluteUrl(SITE, LLMS_FULL_PATH)));
		for (const p of registry.products)
			assert.ok(optional.includes(absoluteUrl(SITE, llmsTxtPath(p.id))), p.id);
	});
});

describe('/<product>/llms.txt', () => {
	for (const product of registry.products) {
		test(`${product.name}: one section per category, listing its entries in order`, () => {
			const file = parseLlmsTxt(productLlmsTxt(registry, product, SITE));
			const groups = entriesByCategory(product);
			assert.deepEqual(
				file.sections.map((s) => s.name),
				[...groups.map((g) => g.name), 'Optional']
			);
			for (const g of groups) {
				assert.deepEqual(
					file.sections.find((s) => s.name === g.name)!.links.map((l) => l.url),
					g.entries.map((e) => twinUrl(SITE, e))
				);
			}
		});
	}
});

test('/llms-full.txt holds every entry in full, by product and category, in registry order', () => {
	const root = parseMarkdown(llmsFullTxt(registry, SITE));
	const headings = nodesOf(root, 'heading');
	assert.deepEqual(
		headings.filter((h) => h.depth === 2).map(shown),
		registry.products.map((p) => `${p.name} errors`)
	);
	assert.deepEqual(
		headings.filter((h) => h.depth === 5).map(shown),
		registry.products.flatMap((p) =>
			entriesByCategory(p).flatMap((g) => g.entries.map((e) => e.code))
		)
	);
	const code = nodesOf(root, 'code').map((c) => c.value);
	for (const e of allEntries(registry))
		if (e.message) assert.ok(code.includes(e.message), `${e.code}: message missing`);
});

test('the structure check rejects what llmstxt.org does not allow', () => {
	const good = llmsTxt(registry, SITE);
	assert.throws(() => parseLlmsTxt(good.replace(/^# /, '## ')), /H1/);
	assert.throws(() => parseLlmsTxt(good.replace('\n> ', '\n')), /summary/);
	assert.throws(() => parseLlmsTxt(good.replace('\n## ', '\n### Stray\n\n## ')), /heading|section/);
	assert.throws(
		() => parseLlmsTxt(good.replace(/(\n## [^\n]+\n\n)/, '$1some prose\n')),
		/section holds only/
	);
	assert.throws(() => parseLlmsTxt(`${good}\n## Later\n\n- [x](https://x.example)\n`), /Optional/);
});

test('a registry whose text holds `<Tags>`, `{braces}`, pipes and backticks keeps the structure and the text', () => {
	const { registry: fixture } = REGISTRIES.find((r) => r.name === 'fixture')!;
	const files = [
		llmsTxt(fixture, SITE),
		...fixture.products.map((p) => productLlmsTxt(fixture, p, SITE)),
	];
	for (const text of files) {
		const file = parseLlmsTxt(text);
		for (const entry of allEntries(fixture)) {
			const link = file.sections
				.flatMap((s) => s.links)
				.find((l) => l.url === twinUrl(SITE, entry))!;
			assert.ok(link, `${entry.code} is not listed`);
			assert.ok(
				shown(parseMarkdown(link.notes!)).startsWith(proseShown(entrySummary(entry)).text),
				link.notes
			);
		}
	}
});
