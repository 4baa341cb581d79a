/**
 * Every code as the search dialog and the short links show it, from the decoder data: the one
 * file the browser fetches (`/search/data.json`, see src/pages/search/data.json.ts) serves both
 * the direct jump by code and decoding what was typed.
 */
import { decoderEntries, type DecoderData } from '../decode/index.ts';
import { entrySummary } from '../registry/model.ts';
import type { CodeTarget } from './code-query.ts';

/** The search-dialog view of every entry, in registry order. */
export function codeTargets(data: DecoderData): CodeTarget[] {
	return decoderEntries(data).map(({ product, entry, path }) => {
		const category = entry.category === undefined ? undefined : product.categories[entry.category];
		return {
			code: entry.code,
			product: product.name,
			...(category ? { category } : {}),
			path,
			summary: entrySummary(entry).replaceAll('`', ''),
		};
	});
}
