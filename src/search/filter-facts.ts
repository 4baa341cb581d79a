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
import type { FilterableEntry } from './filter.ts';

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
		...(retryable !== undefined ? { retryable: retryable ? 'yes' : 'no' } : {}),
		text: [entry.code, entry.message, entry.when, entry.description].filter(Boolean).join('\n'),
	};
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
	const unshown = [entry.message, entry.when, entry.description]
		.filter((t) => t && t !== shown)
		.join('\n');
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

export function filterChoices(product: Product): FilterChoices {
	const entries = entriesByCategory(product).flatMap((g) =>
		g.entries.map((e) => filterableEntry(product, e, g.id))
	);
	const count = (pick: (e: FilterableEntry) => string | undefined, value: string) =>
		entries.filter((e) => pick(e) === value).length;
	const statuses = [...new Set(entries.flatMap((e) => (e.status ? [e.status] : [])))].sort();
	return {
		categories: entriesByCategory(product).map((g) => ({
			value: g.id,
			label: g.name,
			count: g.entries.length,
		})),
		statuses: statuses.map((s) => ({ value: s, label: s, count: count((e) => e.status, s) })),
		retryable: entries.some((e) => e.retryable)
			? (['yes', 'no'] as const).map((v) => ({
					value: v,
					label: v,
					count: count((e) => e.retryable, v),
				}))
			: [],
	};
}
