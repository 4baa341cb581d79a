/**
 * The registry as Markdown: one entry, one product. The Markdown twins, llms-full.txt and the
 * "Copy as Markdown" button (which copies the twin) all come from here. Each output is
 * self-contained — it states its product and category and links the pages it mentions with
 * absolute URLs — and carries the same facts as the HTML page, from the registry, not from HTML.
 */
import { FACT_LABELS } from '../decode/labels.ts';
import { COMPUTED_LEAD, entryPage, type EntrySection, type Inline } from '../site/entry-page.ts';
import {
	entriesByCategory,
	entryNotes,
	entrySummary,
	productSize,
	type Product,
	type Registry,
	type RegistryEntry,
} from '../registry/model.ts';
import { absoluteUrl, llmsTxtPath, twinUrl } from '../registry/urls.ts';
import { codeBlock, codeSpan, heading, link, list, prose, table, text } from './syntax.ts';

/** The pages with a Markdown twin, per registry: every page asks, so the set is built once. */
const twinned = new WeakMap<Registry, ReadonlySet<string>>();

/** Whether a page has a Markdown twin: every product overview and every entry page do. */
export function hasTwin(registry: Registry, pagePath: string): boolean {
	let pages = twinned.get(registry);
	if (!pages)
		twinned.set(
			registry,
			(pages = new Set(registry.products.flatMap((p) => [p.path, ...p.errors.map((e) => e.path)])))
		);
	return pages.has(pagePath);
}

/** `[CODE](twin): summary (HTTP 404)`: how an entry is listed, in an overview and in llms.txt. */
export function entryLink(site: string | URL, entry: RegistryEntry): string {
	const { status, lifecycle } = entryNotes(entry);
	const notes = [status, lifecycle].filter(Boolean);
	return `${link(text(entry.code), twinUrl(site, entry))}: ${prose(entrySummary(entry))}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** Blocks joined as Markdown wants them: a blank line between each. */
function blocks(parts: (string | false | undefined)[]): string {
	return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}

/**
 * One entry as Markdown, its title at heading `level` and its sections one below: the sections
 * of its page (site/entry-page.ts), written as Markdown. `alone` is false inside a file that
 * holds every entry.
 */
export function entryMarkdown(
	registry: Registry,
	product: Product,
	entry: RegistryEntry,
	site: string | URL,
	level = 1,
	alone = true
): string {
	const page = entryPage(registry, product, entry, { neighbours: alone });
	const facts = page.facts.map((fact) => {
		switch (fact.id) {
			case 'product':
				return `Product: ${link(text(fact.product.name), twinUrl(site, fact.product))}`;
			case 'category':
				return `${FACT_LABELS.category}: ${text(fact.category.name)}`;
			case 'status':
				return `${FACT_LABELS.status}: ${fact.status}`;
			case 'exitCode':
				return `Exit code: ${fact.exitCode}`;
			case 'since':
				return `Since: ${text(fact.since)}`;
			case 'listed':
				return `First listed in: ${codeSpan(`${fact.catalog}@${fact.version}`)}`;
		}
	});
	const notice = page.notice;
	return blocks([
		heading(level, text(entry.code)),
		list([...facts, `Page: ${absoluteUrl(site, entry.path)}`]),
		notice &&
			`> **${text(notice.title)}:** ${prose(notice.text)}${inlineMarkdown(notice.instead, site)}`,
		...page.sections.flatMap((section) => [
			heading(level + 1, prose(section.title)),
			...sectionMarkdown(section, site),
		]),
	]);
}

/** The body of one section of an entry's page, as Markdown blocks. */
function sectionMarkdown(section: EntrySection, site: string | URL): (string | undefined)[] {
	const inline = (parts: Inline[]) => inlineMarkdown(parts, site);
	const twinLink = (e: RegistryEntry) => link(codeSpan(e.code), twinUrl(site, e));
	switch (section.id) {
		case 'message':
			return [codeBlock(section.template, 'text'), inline(section.variesBy)];
		case 'messages':
			return [
				...section.messages.flatMap((m) => [
					codeBlock(m.template, 'text'),
					text(m.places.join(', ')),
				]),
				section.computed.length
					? text(`${COMPUTED_LEAD} ${section.computed.join(', ')}`)
					: undefined,
			];
		case 'when':
		case 'description':
		case 'fix':
			return [prose(section.text), section.source && prose(section.source)];
		case 'response':
			return [
				table(
					['Field', 'Value'],
					section.rows.map((r) => [codeSpan(r.field), r.code ? codeSpan(r.value) : text(r.value)])
				),
				section.note,
			];
		case 'details':
			return [
				list(section.fields.map((f) => `${codeSpan(f.name)}${f.optional ? ' (optional)' : ''}`)),
				section.source && prose(section.source),
			];
		case 'sources':
			return [
				table(
					['Fact', 'Source'],
					section.rows.map((r) => [codeSpan(r.fact), text(r.source)])
				),
			];
		case 'examples':
			return section.examples.flatMap((ex) => [
				ex.caption && prose(ex.caption),
				codeBlock(ex.payload, ex.lang),
			]);
		case 'catch':
			return [codeBlock(section.snippet, section.lang)];
		case 'related':
			return [
				inline(section.sameCode),
				section.related.length > 0
					? list(section.related.map(({ entry, place }) => `${twinLink(entry)} (${text(place)})`))
					: undefined,
				...(section.nearby.entries.length > 0
					? [text(section.nearby.label), list(section.nearby.entries.map(twinLink))]
					: []),
			];
	}
}

/** Running text of an entry's page as Markdown: text escaped, code and placeholders as code spans, entries linked to their twins. */
function inlineMarkdown(parts: Inline[], site: string | URL): string {
	return parts
		.map((part) => {
			if (typeof part === 'string') return text(part);
			if ('code' in part) return codeSpan(part.code);
			if ('param' in part) return codeSpan(part.param);
			return link(inlineMarkdown([part.label], site), twinUrl(site, part.link));
		})
		.join('');
}

/**
 * One product as Markdown, its title at heading `level`: its facts and sections, then its codes
 * by category — listed as links to their twins, or (`full`) each entry in full, for llms-full.txt.
 */
export function productMarkdown(
	registry: Registry,
	product: Product,
	site: string | URL,
	level = 1,
	full = false
): string {
	const groups = entriesByCategory(product);
	return blocks([
		heading(level, text(`${product.name} errors`)),
		product.tagline && prose(product.tagline),
		product.summary && prose(product.summary),
		`${productSize(product)}.`,
		list([
			`Page: ${absoluteUrl(site, product.path)}`,
			`Index for agents: ${absoluteUrl(site, llmsTxtPath(product.id))}`,
		]),
		...product.sections.flatMap((section) => [
			heading(level + 1, text(section.title)),
			...section.blocks.map(blockMarkdown),
		]),
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
	if ('table' in block)
		return table(
			block.table.columns.map(text),
			block.table.rows.map((row) => row.map(prose))
		);
	return codeBlock(block.code, block.lang);
}
