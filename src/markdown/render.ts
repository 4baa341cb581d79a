/**
 * The registry as Markdown: one entry, one product. The Markdown twins, llms-full.txt and the
 * "Copy as Markdown" button (which copies the twin) all come from here. Each output is
 * self-contained — it states its product and category and links the pages it mentions with
 * absolute URLs — and carries the same facts as the HTML page, from the registry, not from HTML.
 */
import {
	catchSnippet,
	categoryOf,
	entriesByCategory,
	entriesByCode,
	entryPlace,
	entrySummary,
	exitCodeOf,
	neighbours,
	problemFacts,
	whatToDo,
	EXAMPLE_FACTS_NOTE,
	resolveRef,
	type Product,
	type Registry,
	type RegistryEntry,
} from '../registry/model.ts';
import { absoluteUrl, llmsTxtPath, markdownPath } from '../registry/urls.ts';
import { codeBlock, codeSpan, heading, link, prose, table, text } from './syntax.ts';

/** The absolute URL of an entry's or a product's Markdown twin. */
export function twinUrl(site: string | URL, page: { path: string }): string {
	return absoluteUrl(site, markdownPath(page.path));
}

/** The pages with a Markdown twin, per registry: every page asks, so the set is built once. */
const twinned = new WeakMap<Registry, ReadonlySet<string>>();

/** Whether a page has a Markdown twin: every product overview and every entry page do. */
export function hasTwin(registry: Registry, pagePath: string): boolean {
	let pages = twinned.get(registry);
	if (!pages) twinned.set(registry, (pages = new Set(registry.products.flatMap((p) => [p.path, ...p.errors.map((e) => e.path)]))));
	return pages.has(pagePath);
}

/** `[CODE](twin): summary (HTTP 404)`: how an entry is listed, in an overview and in llms.txt. */
export function entryLink(site: string | URL, entry: RegistryEntry): string {
	const notes = [
		entry.status !== undefined && `HTTP ${entry.status}`,
		entry.removed ? 'no longer emitted' : entry.deprecated && 'deprecated',
	].filter(Boolean);
	return `${link(text(entry.code), twinUrl(site, entry))}: ${prose(entrySummary(entry))}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** Blocks joined as Markdown wants them: a blank line between each. */
function blocks(parts: (string | false | undefined)[]): string {
	return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}

function list(items: string[]): string {
	return items.map((item) => `- ${item}`).join('\n');
}

/**
 * One entry as Markdown, its title at heading `level` and its sections one below. Sections the
 * registry has nothing for are left out, as on the HTML page. `alone` is false inside a file that
 * holds every entry.
 */
export function entryMarkdown(registry: Registry, product: Product, entry: RegistryEntry, site: string | URL, level = 1, alone = true): string {
	const h = (text: string) => heading(level + 1, text);
	const category = categoryOf(product, entry);
	const exitCode = exitCodeOf(product, entry);
	const problem = problemFacts(product, entry);
	const snippet = catchSnippet(product, entry);
	const twinLinks = (refs: RegistryEntry[]) => refs.map((r) => link(codeSpan(r.code), twinUrl(site, r))).join(', ');
	const replacement = entry.replacedBy ? resolveRef(registry, product.id, entry.replacedBy) : [];
	const instead = replacement.length ? ` Use ${twinLinks(replacement)} instead.` : '';
	const related = (entry.related ?? []).flatMap((r) => resolveRef(registry, product.id, r));
	const sameCode = (entriesByCode(registry).get(entry.code) ?? []).filter((e) => e !== entry);
	// Neighbours help a reader move on from one page; in llms-full.txt they are right there anyway.
	const nearby = alone ? neighbours(product, entry) : [];
	const retryable = problem.retryable === undefined ? undefined : problem.retryable ? 'yes' : 'no';

	const facts = list(
		[
			`Product: ${link(text(product.name), twinUrl(site, product))}`,
			category && `Category: ${text(category.name)}`,
			problem.status !== undefined && `HTTP status: ${problem.status}`,
			exitCode !== undefined && `Exit code: ${exitCode}`,
			entry.since && `Since: ${text(entry.since)}`,
			`Page: ${absoluteUrl(site, entry.path)}`,
		].filter((f): f is string => typeof f === 'string'),
	);

	const response =
		problem.type &&
		table(
			['Field', 'Value'],
			[
				[codeSpan('type'), codeSpan(problem.type)],
				...(problem.status !== undefined ? [[codeSpan('status'), String(problem.status)]] : []),
				[codeSpan('code'), codeSpan(entry.code)],
				...(problem.title ? [[codeSpan('title'), codeSpan(problem.title)]] : []),
				...(retryable ? [[codeSpan('retryable'), retryable]] : []),
				...(problem.hint ? [[codeSpan('hint'), text(problem.hint)]] : []),
			],
		);

	return blocks([
		heading(level, text(entry.code)),
		facts,
		entry.removed && `> **No longer emitted:** ${prose(entry.removed)}${instead}`,
		!entry.removed && entry.deprecated && `> **Deprecated:** ${prose(entry.deprecated)}${instead}`,
		entry.message && h('Message'),
		entry.message && codeBlock(entry.message, 'text'),
		entry.message && entry.params.length > 0 && `Varies by: ${entry.params.map(codeSpan).join(', ')}.`,
		entry.when && h('When it happens'),
		entry.when && prose(entry.when),
		entry.description && h('Description'),
		entry.description && prose(entry.description),
		entry.fix && h('What to do'),
		entry.fix && prose(whatToDo(entry)!),
		response && h('Response'),
		response,
		response && (problem.title || retryable || problem.hint) && EXAMPLE_FACTS_NOTE,
		entry.details && h(`${codeSpan('details')} fields`),
		entry.details && list(entry.details.map((f) => `${codeSpan(f.name)}${f.optional ? ' (optional)' : ''}`)),
		entry.examples && h(entry.examples.length === 1 ? 'Example' : 'Examples'),
		...(entry.examples ?? []).flatMap((ex) => [ex.caption && prose(ex.caption), codeBlock(ex.payload, ex.lang)]),
		snippet && h('Catch it in code'),
		snippet && codeBlock(snippet, 'ts'),
		(sameCode.length > 0 || related.length > 0 || nearby.length > 0) && h('Related'),
		sameCode.length > 0 &&
			`The code ${codeSpan(entry.code)} also exists as ${sameCode.map((e) => link(text(entryPlace(registry, e)), twinUrl(site, e))).join(', ')}.`,
		related.length > 0 && list(related.map((e) => `${link(codeSpan(e.code), twinUrl(site, e))} (${text(entryPlace(registry, e))})`)),
		nearby.length > 0 && `Also in ${text(category?.name ?? product.name)}:`,
		nearby.length > 0 && list(nearby.map((e) => link(codeSpan(e.code), twinUrl(site, e)))),
	]);
}

/**
 * One product as Markdown, its title at heading `level`: its facts and sections, then its codes
 * by category — listed as links to their twins, or (`full`) each entry in full, for llms-full.txt.
 */
export function productMarkdown(registry: Registry, product: Product, site: string | URL, level = 1, full = false): string {
	const groups = entriesByCategory(product);
	return blocks([
		heading(level, text(`${product.name} errors`)),
		product.tagline && prose(product.tagline),
		product.summary && prose(product.summary),
		`${product.errors.length} documented errors in ${groups.length} groups.`,
		list([
			`Page: ${absoluteUrl(site, product.path)}`,
			`Index for agents: ${absoluteUrl(site, llmsTxtPath(product.id))}`,
		]),
		...product.sections.flatMap((section) => [heading(level + 1, text(section.title)), ...section.blocks.map(blockMarkdown)]),
		heading(level + 1, 'All codes'),
		...groups.flatMap((group) => [
			heading(level + 2, text(`${group.name} (${group.entries.length})`)),
			group.description && prose(group.description),
			...(full
				? group.entries.map((e) => entryMarkdown(registry, product, e, site, level + 3, false))
				: [list(group.entries.map((e) => entryLink(site, e)))]),
		]),
	]);
}

function blockMarkdown(block: Product['sections'][number]['blocks'][number]): string {
	if ('text' in block) return prose(block.text);
	if ('list' in block) return list(block.list.map(prose));
	if ('table' in block) return table(block.table.columns.map(text), block.table.rows.map((row) => row.map(prose)));
	return codeBlock(block.code, block.lang);
}
