/**
 * The loaded registry: every product with its entries resolved (slug, page path, effective exit
 * code), and the indexes derived from it. Everything downstream reads this, never the YAML.
 */
import { exampleMessages } from './example-messages.ts';
import type { Category, Entry, ProductFile } from './schema.ts';
import { templateParams } from './template.ts';
import { codeAnchor, entryPath, entrySlug, productPath } from './urls.ts';

/** One message an entry's error may be seen with, besides its `message`. */
export interface EntryMessage {
	/** A template with {placeholders}. */
	text: string;
	params: string[];
	/** Where the product throws it (`package@version path:line`); absent for one read off a published example. */
	at?: string[];
	/** Read off a published example response: the example's `detail`, its `details` values made placeholders. */
	fromExample?: true;
}

export interface RegistryEntry extends Omit<Entry, 'messages'> {
	/** The product's id. */
	product: string;
	/** The page slug: `slug` when set, else the code in kebab case. */
	slug: string;
	/** The page path, `/<product>/errors/<slug>/`. */
	path: string;
	/** The message's placeholder names (declared as `params`, checked against the template). */
	params: string[];
	/** The messages the product throws for the code, then those read off its published examples. */
	messages: EntryMessage[];
}

export interface Product extends Omit<ProductFile, 'errors' | '$schema'> {
	/** The overview path, `/<product>/`. */
	path: string;
	errors: RegistryEntry[];
}

export interface Registry {
	products: Product[];
}

/**
 * The anchor of an entry's row on its product overview: the code itself, so `/<product>/#CODE`
 * lands; where a product has the code twice, the later entries take their slug instead.
 */
export function overviewAnchor(product: Product, entry: RegistryEntry): string {
	let firsts = firstOfCode.get(product);
	if (!firsts) {
		firsts = new Map();
		for (const e of product.errors) if (!firsts.has(e.code)) firsts.set(e.code, e);
		firstOfCode.set(product, firsts);
	}
	return firsts.get(entry.code) === entry ? codeAnchor(entry.code) : entry.slug;
}
const firstOfCode = new WeakMap<Product, Map<string, RegistryEntry>>();

/** One line introducing a product: its tagline, else its reference's own summary. */
export function productBlurb(product: Product): string {
	return product.tagline ?? product.summary ?? `The named errors of ${product.name}.`;
}

/** Every entry of every product, products in registry order. */
export function allEntries(registry: Registry): RegistryEntry[] {
	return registry.products.flatMap((p) => p.errors);
}

export function findProduct(registry: Registry, id: string): Product | undefined {
	return registry.products.find((p) => p.id === id);
}

/**
 * Lookups derived from a registry, built once per registry object (a registry is never changed
 * once loaded). Every page looks entries up while it renders; a scan of the registry per page
 * would make the build quadratic in the number of codes. Weak, so a registry reloaded by
 * `astro dev` gets fresh indexes and the old ones go with it.
 */
interface RegistryIndex {
	byCode: Map<string, RegistryEntry[]>;
	/** `product` + NUL + `CODE` → that product's entries with the code. */
	byProductCode: Map<string, RegistryEntry[]>;
	/** `product/slug` → the entry. */
	bySlug: Map<string, RegistryEntry>;
}

const registryIndexes = new WeakMap<Registry, RegistryIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function indexOf(registry: Registry): RegistryIndex {
	let index = registryIndexes.get(registry);
	if (!index) {
		index = { byCode: new Map(), byProductCode: new Map(), bySlug: new Map() };
		for (const e of allEntries(registry)) {
			push(index.byCode, e.code, e);
			push(index.byProductCode, `${e.product}\u0000${e.code}`, e);
			if (!index.bySlug.has(`${e.product}/${e.slug}`))
				index.bySlug.set(`${e.product}/${e.slug}`, e);
		}
		registryIndexes.set(registry, index);
	}
	return index;
}

/** Entries grouped by upper-case code, across products: the codes several products share show up here. */
export function entriesByCode(registry: Registry): ReadonlyMap<string, readonly RegistryEntry[]> {
	return indexOf(registry).byCode;
}

/** The entry a product's page slug names. */
export function findEntry(
	registry: Registry,
	productId: string,
	slug: string
): RegistryEntry | undefined {
	return indexOf(registry).bySlug.get(`${productId}/${slug}`);
}

export function categoryOf(product: Product, entry: RegistryEntry): Category | undefined {
	return product.categories.find((c) => c.id === entry.category);
}

/** Where an entry lives, for links between entries: "Smithers · HTTP API Errors". */
export function entryPlace(registry: Registry, entry: RegistryEntry): string {
	const product = findProduct(registry, entry.product);
	if (!product) return entry.product;
	const category = categoryOf(product, entry);
	return category ? `${product.name} · ${category.name}` : product.name;
}

export interface CategoryGroup {
	/** The category id, the anchor of the group on the overview. */
	id: string;
	name: string;
	description?: string;
	entries: RegistryEntry[];
}

/** Where entries that name no category are listed. */
export const UNCATEGORISED = { id: 'other-codes', name: 'Other codes' } as const;

/** A product's entries grouped by category in the product's order; uncategorised entries last; no empty groups. */
export function entriesByCategory(product: Product): CategoryGroup[] {
	const groups: CategoryGroup[] = product.categories.map((c) => ({ ...c, entries: [] }));
	const rest: CategoryGroup = { ...UNCATEGORISED, entries: [] };
	for (const e of product.errors) (groups.find((g) => g.id === e.category) ?? rest).entries.push(e);
	return [...groups, rest].filter((g) => g.entries.length > 0);
}

/**
 * What to do, as the product says it: a scope note leads, as in its reference
 * ("Connected mode only — the CLI keeps working locally.").
 */
export function whatToDo(entry: Pick<Entry, 'fix' | 'scope'>): string | undefined {
	if (entry.fix === undefined) return undefined;
	return entry.scope ? `${entry.scope} — ${entry.fix}` : entry.fix;
}

/** Every template an entry's error may be seen with: its message, then the others it may be seen with. */
export function entryTemplates(entry: RegistryEntry): string[] {
	return [
		...(entry.message === undefined ? [] : [entry.message]),
		...entry.messages.map((m) => m.text),
	];
}

/**
 * One line saying what an entry is: its message, else when it happens, else its description, else
 * the first message it is thrown with (a code a product throws and documents nowhere else), and
 * only with none of those its code. Takes the decoder's entries too, whose messages are strings.
 */
export function entrySummary(
	entry: Pick<Entry, 'code' | 'message' | 'when' | 'description'> & {
		messages?: readonly (string | { text: string })[];
	}
): string {
	const first = entry.messages?.[0];
	const thrown = typeof first === 'string' ? first : first?.text;
	return entry.message ?? entry.when ?? entry.description ?? thrown ?? entry.code;
}

/** How big a product's reference is: "88 errors in 11 groups", as the overview, its twin and the home page say it. */
export function productSize(product: Product): string {
	return `${product.errors.length} errors in ${entriesByCategory(product).length} groups`;
}

/** What an overview lists next to an entry's code: its HTTP status, and whether it is retired or deprecated. */
export function entryNotes(entry: RegistryEntry): { status?: string; lifecycle?: string } {
	return {
		...(entry.status !== undefined ? { status: `HTTP ${entry.status}` } : {}),
		...(entry.removed
			? { lifecycle: 'no longer emitted' }
			: entry.deprecated
				? { lifecycle: 'deprecated' }
				: {}),
	};
}

/** The exit code an entry leads to: its own, else its product's. */
export function exitCodeOf(product: Product, entry: RegistryEntry): number | undefined {
	return entry.exitCode ?? product.exitCode;
}

/** The Problem Details `type` URI of an entry, for products that have a type scheme. */
export function problemType(product: Product, entry: RegistryEntry): string | undefined {
	return product.typePrefix === undefined ? undefined : product.typePrefix + entry.code;
}

/** The snippet that catches this error in the product's own idiom. */
export function catchSnippet(product: Product, entry: RegistryEntry): string | undefined {
	const template = categoryOf(product, entry)?.catch ?? product.catch;
	return template === false ? undefined : template?.replaceAll('{code}', entry.code);
}

/**
 * Resolves a reference (`CODE`, `product:CODE` or `product/slug`) made from `fromProduct` to the
 * entries it names; empty when it names nothing.
 */
export function resolveRef(registry: Registry, fromProduct: string, ref: string): RegistryEntry[] {
	const slash = ref.indexOf('/');
	if (slash !== -1) {
		const e = findEntry(registry, ref.slice(0, slash), ref.slice(slash + 1));
		return e ? [e] : [];
	}
	const colon = ref.indexOf(':');
	const productId = colon === -1 ? fromProduct : ref.slice(0, colon);
	const code = colon === -1 ? ref : ref.slice(colon + 1);
	return [...(indexOf(registry).byProductCode.get(`${productId}\u0000${code}`) ?? [])];
}

/** Builds the resolved product from a validated file. */
export function resolveProduct(file: ProductFile): Product {
	const { $schema: _schema, errors, ...rest } = file;
	return {
		...rest,
		path: productPath(file.id),
		errors: errors.map((e) => {
			const slug = entrySlug(e);
			const thrown: EntryMessage[] = (e.messages ?? []).map((m) => ({
				text: m.text,
				params: templateParams(m.text),
				at: m.at,
			}));
			const shown: EntryMessage[] = exampleMessages(e)
				.filter((text) => text !== e.message && !thrown.some((m) => m.text === text))
				.map((text) => ({ text, params: templateParams(text), fromExample: true }));
			return {
				...e,
				product: file.id,
				slug,
				path: entryPath(file.id, slug),
				params: e.params ?? (e.message ? templateParams(e.message) : []),
				messages: [...thrown, ...shown],
			};
		}),
	};
}

/** What a Problem Details response for this entry is known to carry: the type scheme, the status, and what the published example shows. */
export interface ProblemFacts {
	type?: string;
	status?: number;
	title?: string;
	retryable?: boolean;
	hint?: string;
}

/**
 * The Problem Details facts of an entry. Title, retryable and hint are read from the entry's first
 * published JSON example for that code, because that is where the product states them. Values that
 * belong to one response (`retry_after_ms`, `detail`, correlation ids) stay in the example.
 */
export function problemFacts(product: Product, entry: RegistryEntry): ProblemFacts {
	const facts: ProblemFacts = { type: problemType(product, entry), status: entry.status };
	for (const example of entry.examples ?? []) {
		if (example.lang !== 'json') continue;
		const body: unknown = JSON.parse(example.payload);
		if (!body || typeof body !== 'object' || (body as { code?: unknown }).code !== entry.code)
			continue;
		const b = body as Record<string, unknown>;
		if (typeof b.title === 'string') facts.title = b.title;
		if (typeof b.retryable === 'boolean') facts.retryable = b.retryable;
		if (typeof b.hint === 'string') facts.hint = b.hint;
		break;
	}
	return facts;
}

/** Each entry's category, as a list in the product's order, and the entry's place in it; built once per product, for the same reason as the registry's indexes. */
const categoryPlaces = new WeakMap<
	Product,
	Map<RegistryEntry, { same: RegistryEntry[]; at: number }>
>();

function placeInCategory(
	product: Product,
	entry: RegistryEntry
): { same: RegistryEntry[]; at: number } {
	let places = categoryPlaces.get(product);
	if (!places) {
		places = new Map();
		const byCategory = new Map<string | undefined, RegistryEntry[]>();
		for (const e of product.errors) push(byCategory, e.category, e);
		for (const same of byCategory.values()) same.forEach((e, at) => places!.set(e, { same, at }));
		categoryPlaces.set(product, places);
	}
	return places.get(entry) ?? { same: [entry], at: 0 };
}

/** Up to `max` other entries of the same category, nearest first in the product's order: a page never lists a whole category. */
export function neighbours(product: Product, entry: RegistryEntry, max = 8): RegistryEntry[] {
	const { same, at } = placeInCategory(product, entry);
	const picked: number[] = [];
	for (let d = 1; picked.length < max && (at - d >= 0 || at + d < same.length); d++) {
		if (at - d >= 0) picked.push(at - d);
		if (picked.length < max && at + d < same.length) picked.push(at + d);
	}
	return picked.sort((a, b) => a - b).map((i) => same[i]!);
}
