/**
 * The registry as the site's pages see it. Loaded once per build. In `astro dev` it is loaded again
 * when a registry file has been saved since, so an edit shows without a restart, and only then:
 * every call in between gets the same registry, so its entries can be compared by identity.
 */
import { statSync } from 'node:fs';
import { loadRegistry, registryFiles } from '../registry/load.ts';
import {
	findEntry,
	findProduct,
	type Product,
	type Registry,
	type RegistryEntry,
} from '../registry/model.ts';

let cached: Registry | undefined;
/** The registry files and their modification times when `cached` was loaded (dev only). */
let cachedStamp: string | undefined;

export function siteRegistry(): Registry {
	if (!import.meta.env?.DEV) return (cached ??= loadRegistry());
	const stamp = registryFiles()
		.map((path) => `${path}:${statSync(path).mtimeMs}`)
		.join('\n');
	if (!cached || stamp !== cachedStamp) [cached, cachedStamp] = [loadRegistry(), stamp];
	return cached;
}

export function productById(id: string, registry: Registry = siteRegistry()): Product {
	const product = findProduct(registry, id);
	if (!product)
		throw new Error(
			`No product "${id}" in the registry: run \`npm run generate\` to bring the pages up to date.`
		);
	return product;
}

export function entryBySlug(
	productId: string,
	slug: string
): { product: Product; entry: RegistryEntry } {
	const registry = siteRegistry();
	const product = productById(productId, registry);
	const entry = findEntry(registry, productId, slug);
	if (!entry)
		throw new Error(
			`No entry "${slug}" in ${productId}: run \`npm run generate\` to bring the pages up to date.`
		);
	return { product, entry };
}
