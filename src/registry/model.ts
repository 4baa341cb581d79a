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

/** Where an entry lives, for links between entries: "Smithers · HTTP API Errors". */
export function entryPlace(registry: Registry, entry: RegistryEntry): string {
	const product = findProduct(registry, entry.product);
	if (!product) return entry.product;
	const category = categoryOf(product, entry);
	return category ? `${product.name} · ${category.name}` : product.name;
}

export interface CategoryGroup {
	/** The category id, the anchor of the group on the overview. */
	id: string;
	name: string;
	description?: string;
	entries: RegistryEntry[];
}

/** Where entries that name no category are listed. */
export const UNCATEGORISED = { id: 'other-codes', name: 'Other codes' } as const;

/** A product's entries grouped by category in the product's order; uncategorised entries last; no empty groups. */
export function entriesByCategory(product: Product): CategoryGroup[] {
	const groups: CategoryGroup[] = product.categories.map((c) => ({ ...c, entries: [] }));
	const rest: CategoryGroup = { ...UNCATEGORISED, entries: [] };
	for (const e of product.errors) (groups.find((g) => g.id === e.category) ?? rest).entries.push(e);
	return [...groups, rest].filter((g) => g.entries.length > 0);
}

/** One line saying what an entry is: its message, else when it happens, else its description. (Takes the decoder's entries too.) */
export function entrySummary(entry: Pick<Entry, 'code' | 'message' | 'when' | 'description'>): string {
	return entry.message ?? entry.when ?? entry.description ?? entry.code;
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

/** What a Problem Details response for this entry is known to carry: the type scheme, the status, and what the published example shows. */
export interface ProblemFacts {
	type?: string;
	status?: number;
	title?: string;
	retryable?: boolean;
	retryAfterMs?: number;
	hint?: string;
}

/**
 * The Problem Details facts of an entry. Title, retryable, retry-after and hint are read from the
 * entry's first published JSON example for that code, because that is where the product states them.
 */
export function problemFacts(product: Product, entry: RegistryEntry): ProblemFacts {
	const facts: ProblemFacts = { type: problemType(product, entry), status: entry.status };
	for (const example of entry.examples ?? []) {
		if (example.lang !== 'json') continue;
		const body: unknown = JSON.parse(example.payload);
		if (!body || typeof body !== 'object' || (body as { code?: unknown }).code !== entry.code) continue;
		const b = body as Record<string, unknown>;
		if (typeof b.title === 'string') facts.title = b.title;
		if (typeof b.retryable === 'boolean') facts.retryable = b.retryable;
		if (typeof b.retry_after_ms === 'number') facts.retryAfterMs = b.retry_after_ms;
		if (typeof b.hint === 'string') facts.hint = b.hint;
		break;
	}
	return facts;
}

/** Up to `max` other entries of the same category, nearest first in the product's order: a page never lists a whole category. */
export function neighbours(product: Product, entry: RegistryEntry, max = 8): RegistryEntry[] {
	const same = product.errors.filter((e) => e.category === entry.category);
	const at = same.indexOf(entry);
	const out: RegistryEntry[] = [];
	for (let d = 1; out.length < max && (at - d >= 0 || at + d < same.length); d++) {
		if (at - d >= 0) out.push(same[at - d]!);
		if (out.length < max && at + d < same.length) out.push(same[at + d]!);
	}
	return out.sort((a, b) => same.indexOf(a) - same.indexOf(b));
}
