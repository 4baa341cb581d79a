/**
 * The registry as the site's pages see it. Loaded once per build; reloaded on every request in
 * `astro dev`, so a saved YAML file shows without a restart.
 */
import { loadRegistry } from './load.ts';
import { findProduct, type Product, type Registry, type RegistryEntry } from './model.ts';

let cached: Registry | undefined;

export function siteRegistry(): Registry {
	if (import.meta.env?.DEV) return loadRegistry();
	return (cached ??= loadRegistry());
}

export function productById(id: string): Product {
	const product = findProduct(siteRegistry(), id);
	if (!product) throw new Error(`No product "${id}" in the registry: run \`npm run generate\` to bring the pages up to date.`);
	return product;
}

export function entryBySlug(productId: string, slug: string): { product: Product; entry: RegistryEntry } {
	const product = productById(productId);
	const entry = product.errors.find((e) => e.slug === slug);
	if (!entry) throw new Error(`No entry "${slug}" in ${productId}: run \`npm run generate\` to bring the pages up to date.`);
	return { product, entry };
}
