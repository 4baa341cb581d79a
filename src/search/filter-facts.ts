/**
 * What the overview's filter needs from the registry: per entry, the data attributes its list
 * item carries; per product, the choices the filter offers (only those the product has).
 */
import {
	entriesByCategory,
	entrySummary,
	problemFacts,
	type Product,
	type RegistryEntry,
} from '../registry/model.ts';
import { yesNo } from '../decode/labels.ts';
import { NOT_STATED, searchedWords, type FilterableEntry } from './filter.ts';

/** The facts of an entry the filter reads; `category` is its group's id on the overview. */
export function filterableEntry(
	product: Product,
	entry: RegistryEntry,
	category: string
): FilterableEntry {
	const retryable = problemFacts(product, entry).retryable;
	return {
		code: entry.code,
		category,
		...(entry.status !== undefined ? { status: String(entry.status) } : {}),
		...(retryable !== undefined ? { retryable: yesNo(retryable) } : {}),
		text: [entry.code, ...searchedText(entry)].filter(Boolean).join('\n'),
	};
}

/**
 * The texts of an entry the overview's filter searches, besides its code: its message and every
 * other message it is seen with (what the product throws, with the placeholders for values), its
 * trigger and description.
 */
function searchedText(entry: RegistryEntry): (string | undefined)[] {
	return [entry.message, ...entry.messages.map((m) => m.text), entry.when, entry.description];
}

/**
 * The data attributes of an entry's list item. The text the item already shows (its code and
 * summary) is read from the item; only the rest is written, so the page does not carry it twice.
 */
export function filterAttributes(
	product: Product,
	entry: RegistryEntry,
	category: string
): Record<string, string> {
	const facts = filterableEntry(product, entry, category);
	const shown = entrySummary(entry);
	const unshown = searchedWords(searchedText(entry).filter((t): t is string => !!t && t !== shown));
	return {
		'data-category': facts.category,
		...(facts.status ? { 'data-status': facts.status } : {}),
		...(facts.retryable ? { 'data-retryable': facts.retryable } : {}),
		...(unshown ? { 'data-text': unshown } : {}),
	};
}

export interface FilterChoice {
	value: string;
	label: string;
	count: number;
}

export interface FilterChoices {
	categories: FilterChoice[];
	/** Empty when the product sends no HTTP statuses. */
	statuses: FilterChoice[];
	/** Empty when the product's reference never says whether an error is retryable. */
	retryable: FilterChoice[];
}

/** The label of the choice that keeps the entries whose sources are silent on a fact. */
const NOT_STATED_LABEL = 'not stated';

/**
 * The choices of a filter on a fact: each value with the entries that have it, then "not stated"
 * with those whose sources say nothing of it — so the counts add up to the list. None when no
 * entry has the fact: the filter is not offered.
 */
function factChoices(
	entries: readonly FilterableEntry[],
	fact: (e: FilterableEntry) => string | undefined,
	values: readonly string[]
): FilterChoice[] {
	if (!entries.some((e) => fact(e) !== undefined)) return [];
	const count = (value: string | undefined) => entries.filter((e) => fact(e) === value).length;
	const silent = count(undefined);
	return [
		...values.map((value) => ({ value, label: value, count: count(value) })),
		...(silent ? [{ value: NOT_STATED, label: NOT_STATED_LABEL, count: silent }] : []),
	];
}

export function filterChoices(product: Product): FilterChoices {
	const groups = entriesByCategory(product);
	const entries = groups.flatMap((g) => g.entries.map((e) => filterableEntry(product, e, g.id)));
	const statuses = [...new Set(entries.flatMap((e) => (e.status ? [e.status] : [])))].sort();
	return {
		categories: groups.map((g) => ({
			value: g.id,
			label: g.name,
			count: g.entries.length,
		})),
		statuses: factChoices(entries, (e) => e.status, statuses),
		retryable: factChoices(entries, (e) => e.retryable, ['yes', 'no']),
	};
}
