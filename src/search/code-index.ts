/**
 * Every code as the search dialog and the short links show it, from the decoder's data: the one
 * payload the browser fetches (`/search/data.json`, see src/pages/search/data.json.ts) serves both
 * the direct jump by code and decoding what was typed.
 */
import { indexOf } from '../decode/lookup.ts';
import type { DecoderData } from '../decode/data.ts';
import { entrySummary } from '../registry/model.ts';
import type { CodeTarget } from './code-query.ts';

/** The search-dialog view of every entry, in registry order. */
export function codeTargets(data: DecoderData): CodeTarget[] {
	return indexOf(data).entries.map((e) => {
		const product = data.products[e.product]!;
		const category = e.data.category === undefined ? undefined : product.categories[e.data.category];
		return {
			code: e.code,
			product: product.name,
			...(category ? { category } : {}),
			path: e.path,
			summary: entrySummary(e.data).replaceAll('`', ''),
		};
	});
}
