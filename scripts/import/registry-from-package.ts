/**
 * Brings a product's registry file up to date with what an importer read from its published
 * packages (a PackageExtract): every catalog code gets an entry, each entry says where it stands in
 * the catalog, catalog text that says more than the reference replaces it (with where it was read),
 * and every message the code throws is listed with its call sites. Pure: YAML text and an extract
 * in, YAML text and a report out. Comments, hand-written sections and the reference's facts stay as
 * they are; running it twice changes nothing the second time.
 *
 * Which entry a fact belongs to: catalog codes and `SmithersError`-style throws go to the entry of
 * the code without an HTTP status; `HttpError`s and HTTP bodies to the one with a status.
 */
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type {
	CatalogCode,
	PackageExtract,
	ThrownSite,
} from '../../src/registry/package-extract.ts';
import { CODE_PATTERN } from '../../src/registry/code.ts';
import { slugForCode } from '../../src/registry/urls.ts';
import { messageTemplate, type TemplateSkip } from './message-template.ts';

export interface ImportReport {
	/** Codes given a new entry, by catalog state. */
	added: string[];
	unlisted: string[];
	/** Reference codes the catalog no longer lists. */
	absent: string[];
	/** Codes whose `when`, `details` or `category` now read as the catalog states them. */
	reworded: string[];
	/** Distinct templates written, and the call sites they come from. */
	templates: number;
	templateSites: number;
	/** Codes thrown that the registry's code rule cannot hold (`RunNotFound`): left out, named here. */
	unshaped: string[];
	/** Call sites whose message is no template, by why. */
	skipped: Partial<Record<TemplateSkip, number>>;
	/** Problems that stop the import: the registry cannot say what the extract says. */
	problems: string[];
}

interface Target {
	node: YAMLMap;
	code: string;
	http: boolean;
}

/** The catalog's `{ a, b? }` as fields; undefined for any other shape. */
export function catalogDetails(text: string): { name: string; optional?: true }[] | undefined {
	const inner = /^\{(.*)\}$/s.exec(text.trim())?.[1]?.trim();
	if (inner === undefined) return undefined;
	if (inner === '') return [];
	const fields = inner.split(',').map((f) => f.trim());
	if (!fields.every((f) => /^[A-Za-z_$][\w$]*\??$/.test(f))) return undefined;
	return fields.map((f) =>
		f.endsWith('?') ? { name: f.slice(0, -1), optional: true } : { name: f }
	);
}

/** Text as a reader sees it: code spans without their backticks. */
const unticked = (text: string) => text.replaceAll('`', '');

/** One import under way: the document being brought up to date, its entries, and the report. */
interface Run {
	doc: Document;
	extract: PackageExtract;
	report: ImportReport;
	errors: YAMLMap[];
	targets: Target[];
}

export function importPackage(
	yamlText: string,
	extract: PackageExtract
): { yaml: string; report: ImportReport } {
	const doc = parseDocument(yamlText);
	const report: ImportReport = {
		added: [],
		unlisted: [],
		absent: [],
		reworded: [],
		unshaped: [],
		templates: 0,
		templateSites: 0,
		skipped: {},
		problems: [],
	};
	const errors = doc.get('errors');
	if (!isSeq(errors)) throw new Error('the registry file has no errors list');
	const items = errors.items as YAMLMap[];
	const run: Run = {
		doc,
		extract,
		report,
		errors: items,
		targets: items.filter(isMap).map((node) => ({
			node,
			code: String(node.get('code')),
			http: node.get('status') !== undefined,
		})),
	};
	setProductFacts(run);
	applyCatalog(run);
	applyThrown(run);
	for (const t of run.targets)
		for (const key of ['messages', 'thrownAt', 'catalog', 'sources']) moveToEnd(t.node, key);
	return { yaml: doc.toString({ lineWidth: 0 }), report };
}

const findTarget = (run: Run, code: string, http: boolean) =>
	run.targets.find((t) => t.code === code && t.http === http);

/** The catalog the product publishes, and how its errors reach a user: read first in the file, before the reference's sections. */
function setProductFacts({ doc, extract }: Run): void {
	const at = extract.catalog.at;
	const file = at.slice(at.indexOf(' ') + 1);
	doc.set('catalog', {
		package: at.slice(0, at.lastIndexOf('@')),
		version: extract.version,
		file: `${sourcesFolder(doc)}/${file.slice(file.lastIndexOf('/') + 1)}`,
		command: extract.command,
	});
	const { docsUrl, errorClass, cliLine, httpBody, taggedErrors } = extract.facts;
	doc.set('emits', {
		docsUrl: { value: docsUrl.value, at: docsUrl.at },
		errorClass: { value: errorClass.value, at: errorClass.at },
		cliLine: { value: cliLine.value, at: cliLine.at },
		httpBody: { value: httpBody.value, at: httpBody.at },
		taggedErrors: { value: taggedErrors.value, at: taggedErrors.at },
	});
	if (isMap(doc.contents))
		for (const key of ['catalog', 'emits']) placeBefore(doc.contents, key, 'sections');
}

/** Every catalog code gets an entry; the reference's entries say where they stand in the catalog. */
function applyCatalog(run: Run): void {
	const { doc, extract, report } = run;
	const version = extract.version;
	const categories = categoryIds(doc);
	for (const c of extract.catalog.codes) {
		const at = `${extract.catalog.at}:${c.line}`;
		const category = categories.get(c.category);
		if (category === undefined) {
			report.problems.push(
				`catalog category "${c.category}" (${c.code}) is no category of the registry file — add one, with packageId: ${c.category} if its id differs.`
			);
			continue;
		}
		const target = findTarget(run, c.code, false);
		if (!target) {
			const node = doc.createNode(newEntry(c, category)) as YAMLMap;
			setSources(doc, node, {
				category: at,
				when: at,
				...(c.details !== undefined ? { details: at } : {}),
			});
			node.set('catalog', { state: 'added', version });
			insertAfterCategory(run.errors, node, category);
			run.targets.push({ node, code: c.code, http: false });
			report.added.push(c.code);
			continue;
		}
		// A code first listed by the catalog keeps the version that first listed it.
		const added = target.node.getIn(['catalog', 'state']) === 'added';
		target.node.set(
			'catalog',
			doc.createNode({
				state: added ? 'added' : 'listed',
				version: added ? (target.node.getIn(['catalog', 'version']) as string) : version,
			})
		);
		if (reword(doc, target.node, c, category, at)) report.reworded.push(c.code);
	}
	const listed = new Set(extract.catalog.codes.map((c) => c.code));
	for (const t of run.targets) {
		if (t.http || listed.has(t.code) || t.node.getIn(['catalog', 'state']) === 'unlisted') continue;
		t.node.set('catalog', doc.createNode({ state: 'absent', version }));
		report.absent.push(t.code);
	}
}

/** Each entry's messages, with where they are thrown; an entry for a thrown code nothing lists. */
function applyThrown(run: Run): void {
	const { doc, extract, report } = run;
	const httpCategory = run.targets.find((t) => t.http)?.node.get('category') as string | undefined;
	const templates = new Map<YAMLMap, Map<string, string[]>>();
	const computed = new Map<YAMLMap, string[]>();
	for (const site of extract.thrown) {
		if (!CODE_PATTERN.test(site.code)) {
			if (!report.unshaped.includes(site.code)) report.unshaped.push(site.code);
			continue;
		}
		const http = site.kind !== 'SmithersError';
		let target = findTarget(run, site.code, http);
		if (!target) {
			const node = doc.createNode(
				unlistedEntry(site, http, httpCategory, findTarget(run, site.code, !http) !== undefined)
			) as YAMLMap;
			if (site.status !== undefined) setSources(doc, node, { status: site.at });
			node.set('catalog', doc.createNode({ state: 'unlisted', version: extract.version }));
			if (http && httpCategory) insertAfterCategory(run.errors, node, httpCategory);
			else run.errors.push(node);
			target = { node, code: site.code, http };
			run.targets.push(target);
			report.unlisted.push(site.code);
		}
		const template = messageTemplate(site.parts);
		if (typeof template !== 'string') {
			report.skipped[template.skip] = (report.skipped[template.skip] ?? 0) + 1;
			computed.set(target.node, [...(computed.get(target.node) ?? []), site.at]);
			continue;
		}
		if (template === target.node.get('message')) continue;
		const messages = templates.get(target.node) ?? new Map<string, string[]>();
		templates.set(target.node, messages);
		messages.set(template, [...(messages.get(template) ?? []), site.at]);
		report.templateSites++;
	}
	for (const t of run.targets) {
		const messages = templates.get(t.node);
		if (messages?.size) {
			report.templates += messages.size;
			t.node.set('messages', doc.createNode([...messages].map(([text, at]) => ({ text, at }))));
		} else t.node.delete('messages');
		const elsewhere = computed.get(t.node);
		if (elsewhere?.length) t.node.set('thrownAt', doc.createNode(elsewhere));
		else t.node.delete('thrownAt');
	}
}

/** Where the product's kept sources are: the folder of its extract, named after the product id. */
function sourcesFolder(doc: Document): string {
	return `${String(doc.get('id'))}-package`;
}

/** Catalog category id → the registry's category id (`packageId`, else the same id). */
function categoryIds(doc: Document): Map<string, string> {
	const ids = new Map<string, string>();
	const list = doc.get('categories');
	if (!isSeq(list)) return ids;
	for (const c of list.items) {
		if (!isMap(c)) continue;
		const id = String(c.get('id'));
		ids.set(String(c.get('packageId') ?? id), id);
	}
	return ids;
}

function newEntry(c: CatalogCode, category: string): Record<string, unknown> {
	const details = c.details === undefined ? undefined : catalogDetails(c.details);
	return { code: c.code, category, when: c.when, ...(details?.length ? { details } : {}) };
}

function unlistedEntry(
	site: ThrownSite,
	http: boolean,
	httpCategory: string | undefined,
	codeTaken: boolean
): Record<string, unknown> {
	return {
		code: site.code,
		// The entry already published under the code keeps its slug; this one says which kind it is.
		...(codeTaken ? { slug: `${http ? 'http' : 'runtime'}-${slugForCode(site.code)}` } : {}),
		...(http && httpCategory ? { category: httpCategory } : {}),
		...(site.status !== undefined ? { status: site.status } : {}),
	};
}

/**
 * Where the catalog says more than the reference, its text replaces the reference's, with where
 * it was read. A fact already read from the catalog follows the catalog; one that differs from the
 * reference only in code spans keeps the reference's formatting.
 */
function reword(
	doc: Document,
	node: YAMLMap,
	c: CatalogCode,
	category: string,
	at: string
): boolean {
	const sourced = (field: string) => node.getIn(['sources', field]) !== undefined;
	const changes: Record<string, string> = {};
	const when = node.get('when') as string | undefined;
	if (
		when !== c.when &&
		(sourced('when') || when === undefined || unticked(when) !== unticked(c.when))
	) {
		node.set('when', c.when);
		changes.when = at;
	}
	const details = c.details === undefined ? undefined : catalogDetails(c.details);
	const current = JSON.stringify((node.toJSON() as { details?: unknown }).details ?? []);
	if (details && JSON.stringify(details) !== current) {
		if (details.length) node.set('details', doc.createNode(details));
		else node.delete('details');
		changes.details = at;
	}
	if (
		node.get('category') !== category &&
		(sourced('category') || node.get('category') === undefined)
	) {
		node.set('category', category);
		changes.category = at;
	}
	if (!Object.keys(changes).length) return false;
	setSources(doc, node, changes);
	return true;
}

function setSources(doc: Document, node: YAMLMap, sources: Record<string, string>): void {
	const current = (node.get('sources', true) as YAMLMap | undefined)?.toJSON() as
		Record<string, string> | undefined;
	node.set('sources', doc.createNode({ ...current, ...sources }));
}

/** After the last entry of `category`, so the file reads in the overview's order. */
function insertAfterCategory(items: YAMLMap[], node: YAMLMap, category: string): void {
	let last = -1;
	items.forEach((item, i) => {
		if (isMap(item) && item.get('category') === category) last = i;
	});
	items.splice(last < 0 ? items.length : last + 1, 0, node);
}

const keyIndex = (node: YAMLMap, key: string) =>
	node.items.findIndex((p) => String((p.key as { value?: unknown })?.value ?? p.key) === key);

function moveToEnd(node: YAMLMap, key: string): void {
	const i = keyIndex(node, key);
	if (i >= 0) node.items.push(...node.items.splice(i, 1));
}

function placeBefore(node: YAMLMap, key: string, before: string): void {
	const i = keyIndex(node, key);
	if (i < 0 || keyIndex(node, before) < 0) return;
	const [pair] = node.items.splice(i, 1);
	node.items.splice(keyIndex(node, before), 0, pair!);
}
