/**
 * Every code as the search dialog and the short links need it, from the registry. Served as
 * `/search/codes.json` (see src/pages/search/codes.json.ts) so that pages do not each carry it.
 */
import { allEntries, categoryOf, entrySummary, findProduct, type Registry } from '../registry/model.ts';
import type { CodeTarget } from './code-query.ts';

/** The search-dialog view of every entry, in registry order. */
export function codeTargets(registry: Registry): CodeTarget[] {
	return allEntries(registry).map((entry) => {
		const product = findProduct(registry, entry.product)!;
		const category = categoryOf(product, entry)?.name;
		return {
			code: entry.code,
			product: product.name,
			...(category ? { category } : {}),
			path: entry.path,
			summary: entrySummary(entry).replaceAll('`', ''),
		};
	});
}
