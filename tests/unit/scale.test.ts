/**
 * What keeps a code page the same size and the generator fast as the registry grows, checked
 * cheaply on a synthetic registry of 5,000 codes (the build figures are `npm run bench`'s job).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { focusSidebar } from '../../src/integrations/sidebar-focus.ts';
import { entryMarkdown } from '../../src/markdown/render.ts';
import { DEFAULT_REGISTRY_DIR, loadRegistry } from '../../src/registry/load.ts';
import {
	allEntries,
	entriesByCode,
	findProduct,
	neighbours,
	resolveProduct,
	type Registry,
	type RegistryEntry,
} from '../../src/registry/model.ts';
import { product as productSchema } from '../../src/registry/schema.ts';
import { DEFAULT_SITE_URL, twinUrl } from '../../src/registry/urls.ts';
import { RegistryError, validateRegistry } from '../../src/registry/validation.ts';
import { sidebar } from '../../src/site/navigation.ts';
import { syntheticProducts, syntheticRegistry } from '../../scripts/synthetic.ts';

type ConfigItem = ReturnType<typeof sidebar>[number];
type RouteEntry = Parameters<typeof focusSidebar>[0][number];

/** Starlight's shape of a configured sidebar as a page receives it. */
function asRouteData(items: ConfigItem[]): RouteEntry[] {
	return items.map((item): RouteEntry =>
		'link' in item
			? {
					type: 'link',
					label: item.label,
					href: item.link,
					isCurrent: false,
					badge: undefined,
					attrs: {},
				}
			: {
					type: 'group',
					label: item.label,
					entries: asRouteData(item.items),
					collapsed: false,
					badge: undefined,
				}
	);
}

function links(entries: RouteEntry[]): number {
	return entries.reduce((n, e) => n + (e.type === 'group' ? links(e.entries) : 1), 0);
}

/** "Product · Category", or the product alone for an entry of no category. */
function placeOf(registry: Registry, entry: RegistryEntry): string {
	const product = findProduct(registry, entry.product)!;
	const category = product.categories.find((c) => c.id === entry.category);
	return category ? `${product.name} · ${category.name}` : product.name;
}

/** The real registry plus synthetic products up to `codes` codes, as `npm run bench` builds it. */
function grown(real: Registry, codes: number): Registry {
	const synthetic = syntheticRegistry(codes - allEntries(real).length);
	return { products: [...real.products, ...synthetic.products] };
}

describe('a code page as the registry grows', () => {
	const real = loadRegistry();
	const large = grown(real, 5000);
	const page = allEntries(real).find((e) => e.product === 'smithers')!.path;

	it("has a sidebar with its own product's categories and one link per other product", () => {
		const small = focusSidebar(asRouteData(sidebar(real)), page);
		const big = focusSidebar(asRouteData(sidebar(large)), page);
		assert.equal(links(big) - links(small), large.products.length - real.products.length);
		const open = big.filter((e) => e.type === 'group');
		assert.deepEqual(
			open.map((g) => g.label),
			['Smithers']
		);
	});

	it('opens no product on a page outside the products', () => {
		assert.ok(
			focusSidebar(asRouteData(sidebar(large)), '/diagnose/').every((e) => e.type === 'link')
		);
	});

	it("lists at most eight nearby codes, the nearest in the product's order", () => {
		const product = large.products.at(-1)!;
		const entry = product.errors[100]!;
		const same = product.errors.filter((e) => e.category === entry.category);
		const at = same.indexOf(entry);
		assert.deepEqual(neighbours(product, entry), [
			...same.slice(at - 4, at),
			...same.slice(at + 1, at + 5),
		]);
		assert.deepEqual(neighbours(product, same[0]!), same.slice(1, 9));
	});

	it('names the other products that share its code', () => {
		const shared = [...entriesByCode(large).values()].filter(
			(list) => new Set(list.map((e) => e.product)).size > 1
		);
		assert.ok(shared.length > 0, 'the synthetic registry shares some codes across products');
		assert.ok(
			shared.some((list) => list.length > 2),
			'the synthetic registry has a code in three places'
		);
		for (const list of shared) {
			for (const entry of list) {
				const product = findProduct(large, entry.product)!;
				const others = list.filter((e) => e !== entry);
				// The page's sentence (entryPage), as its Markdown twin writes it: each other entry, by where it lives, linked.
				const sentence = entryMarkdown(large, product, entry, DEFAULT_SITE_URL)
					.split('\n')
					.find((line) => line.startsWith(`The code \`${entry.code}\` also exists as `));
				assert.ok(sentence, `${entry.path}: no sentence names the other entries with its code`);
				const named = [...sentence.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map(([, label, url]) => ({
					label,
					url,
				}));
				assert.deepEqual(
					named,
					others.map((e) => ({ label: placeOf(large, e), url: twinUrl(DEFAULT_SITE_URL, e) })),
					entry.path
				);
			}
		}
	});
});

describe('the synthetic registry', () => {
	it('is deterministic and spread over several products, categories and template shapes', () => {
		assert.deepEqual(syntheticProducts(500), syntheticProducts(500));
		const registry = syntheticRegistry(1000);
		const entries = allEntries(registry);
		assert.equal(entries.length, 1000);
		assert.ok(registry.products.length >= 3);
		assert.ok(registry.products.every((p) => p.categories.length > 1));
		assert.deepEqual(
			[...new Set(entries.filter((e) => e.message).map((e) => e.params.length))].sort(),
			[0, 1, 2, 3, 4]
		);
		assert.ok(
			entries.some((e) => e.details) &&
				entries.some((e) => e.status) &&
				entries.some((e) => e.examples)
		);
		assert.ok(entries.some((e) => e.deprecated) && entries.some((e) => e.related));
	});
});

describe('reading registry YAML quickly', () => {
	it('reads every real file as the `yaml` library does', () => {
		for (const f of readdirSync(DEFAULT_REGISTRY_DIR).filter((f) => f.endsWith('.yaml'))) {
			const text = readFileSync(join(DEFAULT_REGISTRY_DIR, f), 'utf8');
			assert.deepEqual(
				validateRegistry([{ file: f, text }]).products[0],
				resolveProduct(productSchema.parse(parse(text))),
				f
			);
		}
	});

	it('still refuses a duplicate key, naming its line', () => {
		const text = 'id: demo\nname: Demo\ntagline: A demo.\nerrors:\n  - code: ONE\n    code: TWO\n';
		assert.throws(
			() => validateRegistry([{ file: 'demo.yaml', text }]),
			(error) =>
				error instanceof RegistryError &&
				error.problems.length === 1 &&
				error.problems[0]!.line === 6 &&
				/unique/i.test(error.problems[0]!.message)
		);
	});
});
