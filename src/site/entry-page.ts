/**
 * What an error's reference page says, in order: the facts line, the lifecycle notice and the
 * sections the registry has something for, each with its id, its title and its facts. The HTML
 * page (ErrorEntry.astro) and its Markdown twin (markdown/render.ts) both write this one model,
 * each in its own format, so adding, renaming, reordering or hiding a section is a change here.
 */
import {
	catchSnippet,
	categoryOf,
	entriesByCode,
	entryPlace,
	exitCodeOf,
	neighbours,
	problemFacts,
	resolveRef,
	whatToDo,
	type Product,
	type Registry,
	type RegistryEntry,
} from '../registry/model.ts';
import { ADVICE_LABELS, yesNo } from '../decode/labels.ts';
import { catalogLabel, factSources, FROM_EXAMPLE } from '../registry/provenance.ts';
import type { Category, DetailField, Example, SourcedField } from '../registry/schema.ts';

/**
 * Said under the Problem Details facts that come from a published example rather than a table,
 * naming those the page shows ("Title and retryable are read from …"); none when it shows none.
 */
function exampleFactsNote(shown: {
	title?: string;
	retryable?: string;
	hint?: string;
}): string | undefined {
	const named = (['title', 'retryable', 'hint'] as const).filter((f) => shown[f]);
	if (named.length === 0) return undefined;
	const list =
		named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
	const verb = named.length === 1 ? 'is' : 'are';
	return `${list[0]!.toUpperCase()}${list.slice(1)} ${verb} read from the product's published example response.`;
}

/** Code in running text. */
export interface CodeText {
	code: string;
}

/**
 * Running text that names things: a string is plain text, shown as written; `code` is shown as
 * code, `param` as a message placeholder; `link` is a link to that entry's page, showing `label`.
 */
export type Inline =
	string | CodeText | { param: string } | { link: RegistryEntry; label: string | CodeText };

/** One item of the facts line under an entry's title, in order. */
export type EntryFact =
	| { id: 'product'; product: Product }
	| { id: 'category'; category: Category }
	| { id: 'status'; status: number }
	| { id: 'exitCode'; exitCode: number }
	| { id: 'since'; since: string }
	/** A code the product's catalog lists and its published reference does not: the catalog that first lists it. */
	| { id: 'listed'; /** The catalog's package. */ catalog: string; version: string };

/** Said when an entry is no longer emitted or should no longer be relied on. */
export interface LifecycleNotice {
	/** `catalog`: the code is not in the catalog the product publishes (gone from it, or never in it). */
	kind: 'removed' | 'deprecated' | 'catalog';
	title: string;
	/** Registry prose: why, since when. */
	text: string;
	/** "Use X instead.", led by a space, where the entry names what takes over; else empty. */
	instead: Inline[];
}

/** One row of a Problem Details response: the field, its value, and whether the value is code. */
export interface ResponseRow {
	field: string;
	value: string;
	code: boolean;
	/** The row only repeats the page's code (`type`, `code`). */
	repeatsCode: boolean;
}

interface Section<Id extends string> {
	/** The section's anchor on the HTML page; stable, links point at it. */
	id: Id;
	/** Written like registry prose: `backtick spans` are code. */
	title: string;
}

export type EntrySection =
	| (Section<'message'> & {
			template: string;
			/** "Varies by: …", or empty when nothing varies. */ variesBy: Inline[];
	  })
	| (Section<'messages'> & {
			messages: {
				template: string;
				/** Where the product throws it (`package@version path:line`), or that it is read off an example. */ places: string[];
			}[];
			/** Where the product throws the code with a message made at run time, or empty. */
			computed: string[];
	  })
	| (Section<'when' | 'description' | 'fix'> & {
			/** Registry prose. */
			text: string;
			/** Where the text is read, when not from the product's published reference. */
			source?: string;
	  })
	| (Section<'response'> & {
			rows: ResponseRow[];
			/** Where some rows come from, when they come from an example. */ note?: string;
	  })
	| (Section<'details'> & { fields: DetailField[]; source?: string })
	| (Section<'examples'> & { examples: Example[] })
	| (Section<'catch'> & { snippet: string; lang: string })
	| (Section<'sources'> & { rows: { fact: string; source: string }[] })
	| (Section<'related'> & {
			/** "The code X also exists as …", or empty when no other entry has the code. */
			sameCode: Inline[];
			/** The entries this one names as related, with where each lives. */
			related: { entry: RegistryEntry; place: string }[];
			/** Its nearest neighbours in its category, under `label`. */
			nearby: { label: string; entries: RegistryEntry[] };
	  });

export type SectionId = EntrySection['id'];

export interface EntryPage {
	facts: EntryFact[];
	notice?: LifecycleNotice;
	/** Only the sections the registry has something for, in page order. */
	sections: EntrySection[];
}

export interface EntryPageOptions {
	/**
	 * Whether Related lists the entry's neighbours in its category: they help a reader move on
	 * from one page; where every entry is written out in one file they are right there anyway.
	 */
	neighbours?: boolean;
}

/** Leads the list of places that throw the code with a message made at run time. */
export const COMPUTED_LEAD = 'Thrown with a message made at run time at:';

/** Said of a code that is not in the catalog the product publishes. */
function catalogNotice(
	product: Product,
	entry: RegistryEntry,
	instead: Inline[]
): LifecycleNotice | undefined {
	const catalog = catalogLabel(product);
	if (catalog === undefined) return undefined;
	if (entry.catalog?.state === 'absent') {
		return {
			kind: 'catalog',
			title: `Not in the catalog of ${catalog}`,
			text: `The published reference of ${product.name} lists this code; the error catalog it publishes in \`${catalog}\` does not. The page stays for anyone who meets the code.`,
			instead,
		};
	}
	if (entry.catalog?.state === 'unlisted') {
		return {
			kind: 'catalog',
			title: "Not in the product's catalog",
			text: `${product.name} throws this code in its published packages, but neither its error catalog (\`${catalog}\`) nor its published reference lists it. This page shows only what that code shows: the messages, and where they are thrown.`,
			instead,
		};
	}
	return undefined;
}

/** `items`, each made inline by `part`, with ", " between them. */
function joined<T>(items: readonly T[], part: (item: T) => Inline): Inline[] {
	return items.flatMap((item, i) => (i > 0 ? [', ', part(item)] : [part(item)]));
}

const codeLink = (entry: RegistryEntry): Inline => ({ link: entry, label: { code: entry.code } });

/** The content of one entry's page, from the registry alone. */
export function entryPage(
	registry: Registry,
	product: Product,
	entry: RegistryEntry,
	options: EntryPageOptions = {}
): EntryPage {
	const category = categoryOf(product, entry);
	const exitCode = exitCodeOf(product, entry);
	const problem = problemFacts(product, entry);

	const facts: (EntryFact | false | undefined)[] = [
		{ id: 'product', product },
		category && { id: 'category', category },
		problem.status !== undefined && { id: 'status', status: problem.status },
		exitCode !== undefined && { id: 'exitCode', exitCode },
		entry.since !== undefined && { id: 'since', since: entry.since },
		entry.catalog?.state === 'added' &&
			product.catalog !== undefined && {
				id: 'listed',
				catalog: product.catalog.package,
				version: entry.catalog.version,
			},
	];

	const replacement = entry.replacedBy ? resolveRef(registry, product.id, entry.replacedBy) : [];
	const instead: Inline[] =
		replacement.length > 0 ? [' Use ', ...joined(replacement, codeLink), ' instead.'] : [];
	const notice: LifecycleNotice | undefined = entry.removed
		? { kind: 'removed', title: 'No longer emitted', text: entry.removed, instead }
		: entry.deprecated
			? { kind: 'deprecated', title: 'Deprecated', text: entry.deprecated, instead }
			: catalogNotice(product, entry, instead);
	const from = (field: SourcedField): string | undefined =>
		entry.sources?.[field] && `From \`${entry.sources[field]}\`.`;

	const fix = whatToDo(entry);
	const retryable = problem.retryable === undefined ? undefined : yesNo(problem.retryable);
	const row = (
		field: string,
		value: string | undefined,
		code: boolean,
		repeatsCode = false
	): ResponseRow | undefined =>
		value === undefined ? undefined : { field, value, code, repeatsCode };
	const rows = [
		row('type', problem.type, true, true),
		row('status', problem.status?.toString(), false),
		row('code', entry.code, true, true),
		row('title', problem.title, true),
		row('retryable', retryable, false),
		row('hint', problem.hint, false),
	].filter((r) => r !== undefined);
	const snippet = catchSnippet(product, entry);
	const sameCode = (entriesByCode(registry).get(entry.code) ?? []).filter((e) => e !== entry);
	const related = (entry.related ?? []).flatMap((r) => resolveRef(registry, product.id, r));
	const nearby = options.neighbours === false ? [] : neighbours(product, entry);

	const sections: (EntrySection | false | undefined)[] = [
		entry.message !== undefined && {
			id: 'message',
			title: 'Message',
			template: entry.message,
			variesBy:
				entry.params.length > 0
					? ['Varies by: ', ...joined(entry.params, (param) => ({ param })), '.']
					: [],
		},
		(entry.messages.length > 0 || entry.thrownAt !== undefined) && {
			id: 'messages',
			title:
				entry.messages.length === 0
					? 'Where it is thrown'
					: entry.message === undefined
						? 'Messages you may see'
						: 'Other messages you may see',
			messages: entry.messages.map((m) => ({ template: m.text, places: m.at ?? [FROM_EXAMPLE] })),
			computed: entry.thrownAt ?? [],
		},
		entry.when !== undefined && {
			id: 'when',
			title: ADVICE_LABELS.when,
			text: entry.when,
			source: from('when'),
		},
		entry.description !== undefined && {
			id: 'description',
			title: ADVICE_LABELS.description,
			text: entry.description,
		},
		fix !== undefined && { id: 'fix', title: ADVICE_LABELS.fix, text: fix },
		problem.type !== undefined && {
			id: 'response',
			title: 'Response',
			rows,
			note: exampleFactsNote({ title: problem.title, retryable, hint: problem.hint }),
		},
		// An empty list in the registry is nothing to show: no heading over nothing.
		entry.details !== undefined &&
			entry.details.length > 0 && {
				id: 'details',
				title: '`details` fields',
				fields: entry.details,
				source: from('details'),
			},
		entry.examples !== undefined &&
			entry.examples.length > 0 && {
				id: 'examples',
				title: entry.examples.length === 1 ? 'Example' : 'Examples',
				examples: entry.examples,
			},
		snippet !== undefined && { id: 'catch', title: 'Catch it in code', snippet, lang: 'ts' },
		product.catalog !== undefined && {
			id: 'sources',
			title: 'Sources',
			rows: Object.entries(factSources(product, entry)).map(([fact, source]) => ({ fact, source })),
		},
		(sameCode.length > 0 || related.length > 0 || nearby.length > 0) && {
			id: 'related',
			title: 'Related',
			sameCode:
				sameCode.length > 0
					? [
							'The code ',
							{ code: entry.code },
							' also exists as ',
							...joined(sameCode, (e) => ({ link: e, label: entryPlace(registry, e) })),
							'.',
						]
					: [],
			related: related.map((e) => ({ entry: e, place: entryPlace(registry, e) })),
			nearby: { label: `Also in ${category?.name ?? product.name}:`, entries: nearby },
		},
	];

	return {
		facts: facts.filter((f) => f !== false && f !== undefined),
		notice,
		sections: sections.filter((s) => s !== false && s !== undefined),
	};
}
