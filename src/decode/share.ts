/**
 * Share links: a result as a URL fragment, `#p=<product>&c=<CODE>&v.<name>=<value>…` (plus
 * `&s=<slug>` where a product has the code twice). Only the product, the code and the values the
 * decoder read go in it — never the pasted text — and a fragment is never sent to a server.
 * Opening one is untrusted input too: only names the entry documents are read back, each bounded.
 */
import type { DecoderData } from './data.ts';
import { LIMITS } from './limits.ts';
import { indexOf } from './lookup.ts';
import { wellFormed } from './normalize.ts';
import type { Match } from './result.ts';
import { readFragment, VALUE } from './share-fragment.ts';

export function shareFragment(
	match: Pick<Match, 'product' | 'code' | 'path' | 'params'>,
	data: DecoderData
): string {
	const index = indexOf(data);
	const query = new URLSearchParams({ p: match.product, c: match.code });
	const id = index.byPath.get(match.path);
	const twins = (index.byCode.get(match.code.toLowerCase()) ?? []).filter(
		(e) => index.entries[e]!.product === index.productById.get(match.product)
	);
	if (id !== undefined && twins.length > 1) query.set('s', index.entries[id]!.slug);
	for (const [name, value] of Object.entries(match.params))
		query.set(VALUE + name, value.slice(0, LIMITS.maxValueChars));
	return query.toString();
}

/** The match a share fragment names (with or without its `#`), or undefined when it names none. */
export function openShare(fragment: string, data: DecoderData): Match | undefined {
	const query = readFragment(fragment);
	const [productId, code, slug] = [query.get('p'), query.get('c'), query.get('s')];
	if (!productId || !code) return undefined;
	const index = indexOf(data);
	const product = index.productById.get(productId);
	const ids = (index.byCode.get(code.toLowerCase()) ?? []).filter((id) => {
		const e = index.entries[id]!;
		return e.product === product && (slug === null || e.slug === slug);
	});
	if (ids.length !== 1) return undefined;
	const entry = index.entries[ids[0]!]!;
	const known = new Set([...entry.params, ...entry.details.map((d) => d.name)]);
	const params: Record<string, string> = {};
	for (const [key, value] of query) {
		const name = key.slice(VALUE.length);
		if (key.startsWith(VALUE) && known.has(name) && name !== '__proto__')
			params[name] = wellFormed(value.slice(0, LIMITS.maxValueChars));
	}
	return {
		product: productId,
		code: entry.code,
		path: entry.path,
		params,
		via: 'url',
		count: 1,
		group: 0,
	};
}
