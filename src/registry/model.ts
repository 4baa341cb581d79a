/**
 * The loaded registry: every product with its entries resolved (slug, page path, effective exit
 * code), and the indexes derived from it. Everything downstream reads this, never the YAML.
 */
import type { Category, Entry, ProductFile } from './schema.ts';
import { templateParams } from './template.ts';
import { entryPath, productPath, slugForCode } from './urls.ts';

export interface RegistryEntry extends Entry {
	/** The product's id. */
	product: string;
	/** The page slug: `slug` when set, else the code in kebab case. */
	slug: string;
	/** The page path, `/<product>/errors/<slug>/`. */
	path: string;
	/** The message's placeholder names (declared as `params`, checked against the template). */
	params: string[];
}

export interface Product extends Omit<ProductFile, 'errors' | '$schema'> {
	/** The overview path, `/<product>/`. */
	path: string;
	errors: RegistryEntry[];
}

export interface Registry {
	products: Product[];
}

/** Every entry of every product, products in registry order. */
export function allEntries(registry: Registry): RegistryEntry[] {
	return registry.products.flatMap((p) => p.errors);
}

export function findProduct(registry: Registry, id: string): Product | undefined {
	return registry.products.find((p) => p.id === id);
}

/** Entries grouped by upper-case code, across products: the codes several products share show up here. */
export function entriesByCode(registry: Registry): Map<string, RegistryEntry[]> {
	const byCode = new Map<string, RegistryEntry[]>();
	for (const e of allEntries(registry)) {
		const list = byCode.get(e.code);
		if (list) list.push(e);
		else byCode.set(e.code, [e]);
	}
	return byCode;
}

export function categoryOf(product: Product, entry: RegistryEntry): Category | undefined {
	return product.categories.find((c) => c.id === entry.category);
}

/** A product's entries grouped by category in the product's order; uncategorised entries last. */
export function entriesByCategory(product: Product): { category: Category | undefined; entries: RegistryEntry[] }[] {
	const groups = product.categories.map((category) => ({
		category: category as Category | undefined,
		entries: product.errors.filter((e) => e.category === category.id),
	}));
	const rest = product.errors.filter((e) => !e.category);
	if (rest.length) groups.push({ category: undefined, entries: rest });
	return groups.filter((g) => g.entries.length > 0);
}

/** The exit code an entry leads to: its own, else its product's. */
export function exitCodeOf(product: Product, entry: RegistryEntry): number | undefined {
	return entry.exitCode ?? product.exitCode;
}

/** The Problem Details `type` URI of an entry, for products that have a type scheme. */
export function problemType(product: Product, entry: RegistryEntry): string | undefined {
	return product.typePrefix === undefined ? undefined : product.typePrefix + entry.code;
}

/** The snippet that catches this error in the product's own idiom. */
export function catchSnippet(product: Product, entry: RegistryEntry): string | undefined {
	return product.catch?.replaceAll('{code}', entry.code);
}

/**
 * Resolves a reference (`CODE`, `product:CODE` or `product/slug`) made from `fromProduct` to the
 * entries it names; empty when it names nothing.
 */
export function resolveRef(registry: Registry, fromProduct: string, ref: string): RegistryEntry[] {
	const slash = ref.indexOf('/');
	if (slash !== -1) {
		const p = findProduct(registry, ref.slice(0, slash));
		const e = p?.errors.find((x) => x.slug === ref.slice(slash + 1));
		return e ? [e] : [];
	}
	const colon = ref.indexOf(':');
	const productId = colon === -1 ? fromProduct : ref.slice(0, colon);
	const code = colon === -1 ? ref : ref.slice(colon + 1);
	return findProduct(registry, productId)?.errors.filter((e) => e.code === code) ?? [];
}

/** Builds the resolved product from a validated file. */
export function resolveProduct(file: ProductFile): Product {
	const { $schema: _schema, errors, ...rest } = file;
	return {
		...rest,
		path: productPath(file.id),
		errors: errors.map((e) => {
			const slug = e.slug ?? slugForCode(e.code);
			return { ...e, product: file.id, slug, path: entryPath(file.id, slug), params: e.params ?? (e.message ? templateParams(e.message) : []) };
		}),
	};
}
