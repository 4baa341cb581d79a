/**
 * The registry as the site's pages see it. Loaded once per build; reloaded on every request in
 * `astro dev`, so a saved YAML file shows without a restart.
 */
import { loadRegistry } from './load.ts';
import { findEntry, findProduct, type Product, type Registry, type RegistryEntry } from './model.ts';

let cached: Registry | undefined;

export function siteRegistry(): Registry {
	if (import.meta.env?.DEV) return loadRegistry();
	return (cached ??= loadRegistry());
}

export function productById(id: string, registry: Registry = siteRegistry()): Product {
	const product = findProduct(registry, id);
	if (!product) throw new Error(`No product "${id}" in the registry: run \`npm run generate\` to bring the pages up to date.`);
	return product;
}

export function entryBySlug(productId: string, slug: string): { product: Product; entry: RegistryEntry } {
	// One registry for both: `astro dev` loads a fresh one per call.
	const registry = siteRegistry();
	const product = productById(productId, registry);
	const entry = findEntry(registry, productId, slug);
	if (!entry) throw new Error(`No entry "${slug}" in ${productId}: run \`npm run generate\` to bring the pages up to date.`);
	return { product, entry };
}
