/**
 * The sections a reader should find on an entry's page and in its Markdown twin, in order, with
 * their titles as shown: worked out here from the entry's own fields, apart from the page model the
 * site writes both from (src/site/entry-page.ts), so tests hold the site to the registry and
 * not to itself.
 */
import { join } from 'node:path';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import {
	allEntries,
	resolveRef,
	type Product,
	type Registry,
	type RegistryEntry,
} from '../../src/registry/model.ts';

/** Two products whose entries reach every rule of an entry's page. */
export const EDGE_REGISTRY: Registry = loadRegistry(
	join(PROJECT_ROOT, 'tests/fixtures/entry-page')
);

export interface ExpectedSection {
	/** The section's anchor on the HTML page. */
	id: string;
	/** Its title as a reader sees it (code shown without backticks). */
	title: string;
}

/** `neighbours: false` is the entry as llms-full.txt holds it, among all its neighbours. */
export function expectedSections(
	registry: Registry,
	product: Product,
	entry: RegistryEntry,
	{ neighbours = true } = {}
): ExpectedSection[] {
	const catchTemplate =
		product.categories.find((c) => c.id === entry.category)?.catch ?? product.catch;
	const sameCode = allEntries(registry).filter((e) => e.code === entry.code && e !== entry);
	const related = (entry.related ?? []).flatMap((ref) => resolveRef(registry, product.id, ref));
	const sameCategory = neighbours
		? product.errors.filter((e) => e !== entry && e.category === entry.category)
		: [];
	const sections: [present: unknown, id: string, title: string][] = [
		[entry.message, 'message', 'Message'],
		[
			entry.messages.length || entry.thrownAt?.length,
			'messages',
			!entry.messages.length
				? 'Where it is thrown'
				: entry.message === undefined
					? 'Messages you may see'
					: 'Other messages you may see',
		],
		[entry.when, 'when', 'When it happens'],
		[entry.description, 'description', 'What it means'],
		[entry.fix, 'fix', 'What to do'],
		// Every product with a Problem Details type scheme shows the response an entry is sent as.
		[product.typePrefix !== undefined, 'response', 'Response'],
		[entry.details?.length, 'details', 'details fields'],
		[entry.examples?.length, 'examples', entry.examples?.length === 1 ? 'Example' : 'Examples'],
		[typeof catchTemplate === 'string', 'catch', 'Catch it in code'],
		// Where a product publishes a catalog in its package, facts come from more than one place.
		[product.catalog !== undefined, 'sources', 'Sources'],
		[sameCode.length > 0 || related.length > 0 || sameCategory.length > 0, 'related', 'Related'],
	];
	return sections.filter(([present]) => present).map(([, id, title]) => ({ id, title }));
}
