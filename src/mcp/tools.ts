/**
 * What the MCP server's tools answer, as plain functions over the registry: each returns the text
 * an agent reads and the same answer as structured data, or throws a ToolInputError saying what is
 * wrong with the input and what to pass instead. The decoding and the reading of a query are the
 * site's own (src/decode/, src/search/jump.ts); an entry is told as its Markdown twin tells it
 * (src/markdown/render.ts). Links are on `site` (SITE_URL).
 */
import {
	codeKey,
	decode,
	entryOf,
	readQuery,
	report,
	reportText,
	toDecoderData,
	type DecoderData,
	type Report,
} from '../decode/index.ts';
import { linkWithValues } from '../decode/share-fragment.ts';
import { entryMarkdown } from '../markdown/render.ts';
import {
	entriesByCategory,
	entriesByCode,
	findProduct,
	type Product,
	type Registry,
} from '../registry/model.ts';
import { absoluteUrl, llmsTxtPath, twinUrl } from '../registry/urls.ts';
import { jumpFor, JUMP_TITLES, type JumpKind } from '../search/jump.ts';

/** Input a tool cannot answer; the message says what to pass instead. */
export class ToolInputError extends Error {}

export interface Answer<T> {
	text: string;
	data: T;
}

/** The registry, the decoder's data and the site, loaded once for every call. */
export interface Catalog {
	registry: Registry;
	data: DecoderData;
	/** Each product's decoder data alone, so a query can be read within one product. */
	byProduct: ReadonlyMap<string, DecoderData>;
	site: string;
}

export function catalog(registry: Registry, site: string): Catalog {
	const data = toDecoderData(registry);
	return {
		registry,
		data,
		byProduct: new Map(data.products.map((p) => [p.id, { ...data, products: [p] }])),
		site,
	};
}

/** The product ids, for input schemas and messages. */
export function productIds(c: Catalog): [string, ...string[]] {
	return c.registry.products.map((p) => p.id) as [string, ...string[]];
}

/** The sentence naming the products, for an input that names none of them. */
export function unknownProduct(c: Catalog, given: unknown): string {
	return `unknown product ${JSON.stringify(given)} — the products are ${productIds(c).join(', ')} (list_products describes them).`;
}

function product(c: Catalog, id: string | undefined): Product | undefined {
	if (id === undefined) return undefined;
	const found = findProduct(c.registry, id);
	if (!found) throw new ToolInputError(unknownProduct(c, id));
	return found;
}

/** explain_error: the paste decoded, as the island and the CLI tell it. */
export function explainError(c: Catalog, text: string): Answer<Report> {
	if (!text.trim())
		throw new ToolInputError(
			'text is empty — pass the error as it was printed: a message, a JSON error body, a log excerpt, a stack trace, a docs URL or a code.'
		);
	const told = report(decode(text, c.data), c.data, {
		site: c.site,
		inputChars: text.length,
		text,
	});
	const lines = [reportText(told, { markdown: true })];
	if (!told.groups.length)
		lines.push(
			'',
			'search_errors finds codes by name, by their first words or by words of their message.'
		);
	return { text: lines.join('\n'), data: told };
}

export interface EntryAnswer {
	product: string;
	code: string;
	url: string;
	markdownUrl: string;
	markdown: string;
}

/** get_error: each entry with the code (in any spelling), or the product's, as its Markdown twin says it. */
export function getError(
	c: Catalog,
	code: string,
	productId?: string
): Answer<{ entries: EntryAnswer[] }> {
	const only = product(c, productId);
	const key = codeKey(code);
	const all = entriesByCode(c.registry).get(key) ?? [];
	const entries = only ? all.filter((e) => e.product === only.id) : all;
	if (!entries.length) {
		const where = only ? ` in ${only.name}` : '';
		const elsewhere =
			only && all.length ? ` It is a code of ${all.map((e) => e.product).join(', ')}.` : '';
		const near = readQuery(code, only ? c.byProduct.get(only.id)! : c.data)
			.map((s) => `${s.code} (${s.product})`)
			.join(', ');
		throw new ToolInputError(
			`no code ${JSON.stringify(code)}${where}.${elsewhere}${near ? ` Did you mean ${near}?` : ''} search_errors finds codes by name or by words of their message.`
		);
	}
	const answers = entries.map((e) => {
		const p = findProduct(c.registry, e.product)!;
		return {
			product: p.id,
			code: e.code,
			url: absoluteUrl(c.site, e.path),
			markdownUrl: twinUrl(c.site, e),
			markdown: entryMarkdown(c.registry, p, e, c.site),
		};
	});
	const lead =
		answers.length > 1
			? `${answers.length} entries have the code ${entries[0]!.code}; pass product to get one.\n\n`
			: '';
	return {
		text: lead + answers.map((a) => a.markdown).join('\n\n---\n\n'),
		data: { entries: answers },
	};
}

export interface SearchHit {
	product: string;
	productName: string;
	code: string;
	category?: string;
	summary: string;
	/** Values read from the query, when it was a message with values in it. */
	values?: Record<string, string>;
	url: string;
	markdownUrl: string;
}

/** Codes shown by search_errors when the caller does not say. */
export const SEARCH_LIMIT = 10;
/** The most search_errors shows. */
export const MAX_SEARCH_LIMIT = 50;

/** search_errors: what the site's search reads in a query (jumpFor), within one product when asked. */
export function searchErrors(
	c: Catalog,
	query: string,
	productId?: string,
	limit = SEARCH_LIMIT
): Answer<{ kind?: JumpKind; title?: string; results: SearchHit[] }> {
	if (!query.trim())
		throw new ToolInputError(
			'query is empty — pass a code (any spelling, or its first words) or words of an error message.'
		);
	const only = product(c, productId);
	const jump = jumpFor(query, only ? c.byProduct.get(only.id)! : c.data, undefined, limit);
	const results = (jump?.rows ?? []).slice(0, limit).map((row): SearchHit => {
		return {
			product: entryOf(c.data, row.path)!.product.id,
			productName: row.product,
			code: row.code,
			...(row.category === undefined ? {} : { category: row.category }),
			summary: row.summary,
			...(row.values ? { values: row.values } : {}),
			// The values read go with the link, as on a card: the page shows the user's own error.
			url: absoluteUrl(
				c.site,
				linkWithValues({ path: row.path, params: row.values ?? {}, template: row.template })
			),
			markdownUrl: twinUrl(c.site, row),
		};
	});
	if (!jump || !results.length)
		return {
			text: `No code matches ${JSON.stringify(query)}${only ? ` in ${only.name}` : ''}. list_products links every product's list of codes.`,
			data: { results: [] },
		};
	const title = JUMP_TITLES[jump.kind];
	const lines = results.map(
		(r) =>
			`- ${r.code} (${[r.productName, r.category].filter(Boolean).join(' · ')}): ${r.summary}${
				r.values
					? ` [${Object.entries(r.values)
							.map(([k, v]) => `${k} = ${v}`)
							.join(', ')}]`
					: ''
			}\n  ${r.url}`
	);
	const more =
		jump.rows.length > results.length
			? `\n(${jump.rows.length - results.length} more: raise limit.)`
			: '';
	return {
		text: `${title}:\n${lines.join('\n')}${more}`,
		data: { kind: jump.kind, title, results },
	};
}

export interface ProductAnswer {
	id: string;
	name: string;
	tagline?: string;
	errors: number;
	categories: { name: string; errors: number }[];
	url: string;
	markdownUrl: string;
	llmsTxt: string;
}

/** list_products: each product with its counts, its categories and its pages. */
export function listProducts(c: Catalog): Answer<{ products: ProductAnswer[] }> {
	const products = c.registry.products.map((p): ProductAnswer => ({
		id: p.id,
		name: p.name,
		...(p.tagline ? { tagline: p.tagline } : {}),
		errors: p.errors.length,
		categories: entriesByCategory(p).map((g) => ({ name: g.name, errors: g.entries.length })),
		url: absoluteUrl(c.site, p.path),
		markdownUrl: twinUrl(c.site, p),
		llmsTxt: absoluteUrl(c.site, llmsTxtPath(p.id)),
	}));
	const text = products
		.map(
			(p) =>
				`${p.name} (product: ${p.id}) — ${p.errors} errors${p.tagline ? `: ${p.tagline}` : ''}\n  ${p.categories.map((g) => `${g.name} (${g.errors})`).join(', ')}\n  ${p.url}`
		)
		.join('\n\n');
	return { text, data: { products } };
}
