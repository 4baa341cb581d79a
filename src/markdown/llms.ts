/**
 * The llmstxt.org files: an H1, a `>` summary, paragraphs and lists without headings on how to use
 * the file, then H2 sections that are lists of `- [name](url): notes`, the last one `## Optional`
 * for secondary links (a convention since the spec's v2). `/llms.txt` has one section per product,
 * `/<product>/llms.txt` one per category; `/llms-full.txt` is every entry in full.
 */
import { SITE_DESCRIPTION, SITE_TITLE } from '../meta.ts';
import {
	allEntries,
	entriesByCategory,
	productBlurb,
	type Product,
	type Registry,
} from '../registry/model.ts';
import {
	API_REGISTRY_PATH,
	absoluteUrl,
	DIAGNOSE_PATH,
	apiEntryPath,
	LLMS_FULL_PATH,
	llmsTxtPath,
	schemaPath,
	twinUrl,
	typedModulePath,
} from '../registry/urls.ts';
import { SCHEMAS } from '../api/schema.ts';
import { entryLink, productMarkdown } from './render.ts';
import { codeSpan, heading, link, list, prose, text } from './syntax.ts';

function section(title: string, items: string[]): string {
	return `${heading(2, text(title))}\n\n${list(items)}`;
}

/** "asymmetric, Smithers and Asset Core". */
function names(products: Product[]): string {
	const all = products.map((p) => p.name);
	return all.length < 2 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** How an agent uses the site beyond the index: the lookup page, the JSON API, the typed modules. */
function machineReadable(site: string | URL, registry: Registry): string {
	const example = registry.products[0]!;
	const exampleEntry = example.errors[0]!;
	return [
		`- ${link('Decoder', absoluteUrl(site, DIAGNOSE_PATH))}: for people — paste an error (a CLI line, a JSON body, a log excerpt, a stack trace) and get its entry, with the values pulled out.`,
		`- ${link('JSON API', absoluteUrl(site, API_REGISTRY_PATH))}: every product and entry, with page URLs; one entry is at ${codeSpan(apiEntryPath('<product>', '<slug>'))}, such as ${link(text(apiEntryPath(example.id, exampleEntry.slug)), absoluteUrl(site, apiEntryPath(example.id, exampleEntry.slug)))}.`,
		`- TypeScript: each product's codes as a dependency-free module to vendor, such as ${link(text(typedModulePath(example.id)), absoluteUrl(site, typedModulePath(example.id)))}.`,
	].join('\n');
}

function optional(site: string | URL, registry: Registry, only?: Product): string {
	const products = only ? [only] : registry.products;
	return section('Optional', [
		...(only
			? []
			: [
					`${link('Full reference', absoluteUrl(site, LLMS_FULL_PATH))}: every entry of every product in full, in one file`,
				]),
		...products.flatMap((p) => [
			`${link(text(`${p.name} overview`), twinUrl(site, p))}: product-level facts and every code by category`,
			...(only
				? []
				: [
						`${link(text(`${p.name} index`), absoluteUrl(site, llmsTxtPath(p.id)))}: this index for ${text(p.name)} alone`,
					]),
			`${link(text(`${p.name} TypeScript module`), absoluteUrl(site, typedModulePath(p.id)))}: the codes as a union type, with \`isKnownCode\`, \`docsUrl\` and \`formatMessage\``,
		]),
		`${link('Registry as JSON', absoluteUrl(site, API_REGISTRY_PATH))}: every product and entry`,
		...Object.entries(SCHEMAS).map(
			([name, schema]) =>
				`${link(text(`${name}.schema.json`), absoluteUrl(site, schemaPath(name)))}: ${prose(schema.about)}`
		),
		...(only
			? [`${link(text(`${SITE_TITLE} index`), absoluteUrl(site, llmsTxtPath()))}: every product`]
			: []),
	]);
}

/**
 * The llms.txt that covers a page: llmstxt.org v2 scopes a file to the pages beneath its path, the
 * most specific winning, so a product's pages are covered by `/<product>/llms.txt`, the rest by `/llms.txt`.
 */
export function coveringLlmsTxt(registry: Registry, pagePath: string): string {
	const product = registry.products.find((p) => pagePath.startsWith(p.path));
	return llmsTxtPath(product?.id);
}

/** `/llms.txt`: every error of every product, one line each, linked to its Markdown twin. */
export function llmsTxt(registry: Registry, site: string | URL): string {
	return `${[
		heading(1, text(SITE_TITLE)),
		`> ${prose(SITE_DESCRIPTION)}`,
		`Every named error of ${text(names(registry.products))} — ${allEntries(registry).length} in all — one line each: its code, linked to its entry as Markdown, and its message or what triggers it. The same entry as a web page is at that address with \`/\` in place of \`.md\`.`,
		machineReadable(site, registry),
		...registry.products.map((p) =>
			section(
				p.name,
				p.errors.map((e) => entryLink(site, e))
			)
		),
		optional(site, registry),
	].join('\n\n')}\n`;
}

/** `/<product>/llms.txt`: one product's errors, one section per category. */
export function productLlmsTxt(registry: Registry, product: Product, site: string | URL): string {
	return `${[
		heading(1, text(`${product.name} errors`)),
		`> ${prose(productBlurb(product))}`,
		product.tagline && product.summary && prose(product.summary),
		`Every named error of ${text(product.name)} — ${product.errors.length} in all — one line each: its code, linked to its entry as Markdown, and its message or what triggers it. Part of ${link(text(SITE_TITLE), absoluteUrl(site, llmsTxtPath()))}.`,
		...entriesByCategory(product).map((g) =>
			section(
				g.name,
				g.entries.map((e) => entryLink(site, e))
			)
		),
		optional(site, registry, product),
	]
		.filter(Boolean)
		.join('\n\n')}\n`;
}

/** `/llms-full.txt`: every entry of every product in full, grouped by product and category. */
export function llmsFullTxt(registry: Registry, site: string | URL): string {
	return `${[
		heading(1, text(`${SITE_TITLE}: the full reference`)),
		`> ${prose(SITE_DESCRIPTION)}`,
		`Every named error of ${text(names(registry.products))} — ${allEntries(registry).length} in all — in full, grouped by product and category. The index is ${link('llms.txt', absoluteUrl(site, llmsTxtPath()))}; each entry is also on its own at its Markdown link.`,
		...registry.products.map((p) => productMarkdown(registry, p, site, 2, true)),
	].join('\n\n')}\n`;
}
