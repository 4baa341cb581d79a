/**
 * An entry's page and its Markdown twin say the same things in the same order, because both are
 * written from one page model: the sections the registry has something for, their titles, the
 * facts line and the lifecycle notice. What the HTML page shows is checked against the same
 * expectations on the built site (tests/e2e/machine-readable.spec.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entryMarkdown } from '../../src/markdown/render.ts';
import { twinUrl } from '../../src/registry/urls.ts';
import { entryPage } from '../../src/site/entry-page.ts';
import { findEntry, findProduct, type Registry } from '../../src/registry/model.ts';
import { EDGE_REGISTRY, expectedSections } from '../support/entry-sections.ts';
import { nodesOf, parseMarkdown, shown } from '../support/markdown.ts';
import { REGISTRIES } from '../support/registries.ts';

const SITE = 'https://errors.example.com';

/** The section headings of an entry's twin, as a reader sees them. */
function twinSections(markdown: string, depth: number): string[] {
	return nodesOf(parseMarkdown(markdown), 'heading')
		.filter((h) => h.depth === depth)
		.map(shown);
}

function entryOf(registry: Registry, productId: string, slug: string) {
	const product = findProduct(registry, productId)!;
	return { product, entry: findEntry(registry, productId, slug)! };
}

describe("an entry's sections", () => {
	for (const { name, registry } of [
		...REGISTRIES,
		{ name: 'entry-page fixture', registry: EDGE_REGISTRY },
	]) {
		test(`${name}: every twin has the sections the registry has facts for, titled and ordered as on the page`, () => {
			for (const product of registry.products) {
				for (const entry of product.errors) {
					const expected = expectedSections(registry, product, entry);
					const model = entryPage(registry, product, entry).sections;
					assert.deepEqual(
						model.map((s) => ({ id: s.id, title: s.title.replaceAll('`', '') })),
						expected,
						`${entry.path}: the page's sections`
					);
					assert.deepEqual(
						twinSections(entryMarkdown(registry, product, entry, SITE), 2),
						expected.map((s) => s.title),
						`${entry.path}: the twin's sections`
					);
					// In llms-full.txt an entry sits among all its neighbours: Related does not list them again.
					assert.deepEqual(
						twinSections(entryMarkdown(registry, product, entry, SITE, 4, false), 5),
						expectedSections(registry, product, entry, { neighbours: false }).map((s) => s.title),
						`${entry.path}: its sections in llms-full.txt`
					);
				}
			}
		});
	}
});

describe("an entry's facts line and lifecycle notice", () => {
	test('the facts come in order: product, category, HTTP status, exit code, since', () => {
		const { product, entry } = entryOf(EDGE_REGISTRY, 'edge', 'full-entry');
		assert.deepEqual(
			entryPage(EDGE_REGISTRY, product, entry).facts.map((f) => f.id),
			['product', 'category', 'status', 'exitCode', 'since']
		);
		const facts = nodesOf(
			parseMarkdown(entryMarkdown(EDGE_REGISTRY, product, entry, SITE)),
			'list'
		)[0]!;
		assert.deepEqual(facts.children.map(shown), [
			'Product: Edge',
			'Category: Core',
			'HTTP status: 429',
			'Exit code: 7',
			'Since: 1.2.0',
			`Page: ${SITE}/edge/errors/full-entry/`,
		]);
	});

	test('an entry no longer emitted says so, not that it is deprecated, and names every entry that takes over', () => {
		const { product, entry } = entryOf(EDGE_REGISTRY, 'edge', 'old-one');
		const notice = entryPage(EDGE_REGISTRY, product, entry).notice;
		assert.equal(notice?.kind, 'removed');
		assert.equal(notice.title, 'No longer emitted');
		const root = parseMarkdown(entryMarkdown(EDGE_REGISTRY, product, entry, SITE));
		const [quote] = nodesOf(root, 'blockquote');
		assert.equal(shown(quote!), 'No longer emitted: Gone since 2.0. Use DUP, DUP instead.');
		assert.deepEqual(
			nodesOf(quote!, 'link').map((l) => l.url),
			[findEntry(EDGE_REGISTRY, 'edge', 'dup')!, findEntry(EDGE_REGISTRY, 'edge', 'dup-two')!].map(
				(e) => twinUrl(SITE, e)
			)
		);
	});

	test('a deprecated entry says so, with its replacement when it names one', () => {
		const withReplacement = entryOf(EDGE_REGISTRY, 'edge', 'deprecated-one');
		const without = entryOf(EDGE_REGISTRY, 'edge', 'deprecated-two');
		const quote = ({ product, entry }: ReturnType<typeof entryOf>) =>
			shown(
				nodesOf(parseMarkdown(entryMarkdown(EDGE_REGISTRY, product, entry, SITE)), 'blockquote')[0]!
			);
		assert.equal(quote(withReplacement), 'Deprecated: Use the new one. Use FULL_ENTRY instead.');
		assert.equal(quote(without), 'Deprecated: Just deprecated.');
		const current = entryOf(EDGE_REGISTRY, 'edge', 'full-entry');
		assert.equal(entryPage(EDGE_REGISTRY, current.product, current.entry).notice, undefined);
	});
});

describe("an entry's response", () => {
	test('the note on facts read from an example names only the facts the response shows', () => {
		let noted = 0;
		for (const { registry } of REGISTRIES) {
			for (const product of registry.products) {
				for (const entry of product.errors) {
					const section = entryPage(registry, product, entry).sections.find(
						(s) => s.id === 'response'
					);
					if (!section || section.id !== 'response') continue;
					const shown = ['title', 'retryable', 'hint'].filter((f) =>
						section.rows.some((r) => r.field === f)
					);
					const named = ['title', 'retryable', 'hint'].filter((f) =>
						section.note?.toLowerCase().includes(f)
					);
					assert.deepEqual(named, shown, `${product.id} ${entry.code}: ${section.note}`);
					if (section.note) noted++;
				}
			}
		}
		assert.ok(noted > 0);
	});
});
