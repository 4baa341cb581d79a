/**
 * Where each fact of an entry comes from. A fact is the product's published reference's (the file
 * kept under content/sources/) unless the entry says it was read from the product's published code
 * (`sources`, `package@version path:line`); a message carries its own places, or says it was read
 * off a published example.
 */
import type { EntryMessage, Product, RegistryEntry } from './model.ts';
import type { Entry } from './schema.ts';

/** The facts of an entry that a source states, in page order. */
const FACT_FIELDS = [
	'category',
	'message',
	'when',
	'description',
	'fix',
	'scope',
	'status',
	'exitCode',
	'details',
	'examples',
	'since',
	'deprecated',
	'removed',
	'replacedBy',
] as const satisfies readonly (keyof Entry)[];

/** Said of a message read off a published example. */
export const FROM_EXAMPLE = 'derived from the published example';

/** The product's published reference, as a source: the file it is kept as. */
export function referenceSource(product: Pick<Product, 'reference' | 'name'>): string {
	return product.reference
		? `the published reference of ${product.name} (content/sources/${product.reference})`
		: `the registry file of ${product.name}`;
}

/** The catalog a product publishes in its package, as a source. */
export function catalogLabel(product: Pick<Product, 'catalog'>): string | undefined {
	return product.catalog && `${product.catalog.package}@${product.catalog.version}`;
}

/** Where one message comes from. */
export function messageSource(message: EntryMessage): string {
	return message.at?.join(', ') ?? FROM_EXAMPLE;
}

/** Every fact the entry states, mapped to where it comes from: its fields, then each message. */
export function entrySources(product: Product, entry: RegistryEntry): Record<string, string> {
	const out = factSources(product, entry);
	entry.messages.forEach((m, i) => (out[`messages[${i}]`] = messageSource(m)));
	if (entry.thrownAt) out.thrownAt = entry.thrownAt.join(', ');
	return out;
}

/** The entry's fields (not its messages, which say their own source), mapped to where each comes from. */
export function factSources(product: Product, entry: RegistryEntry): Record<string, string> {
	const reference = referenceSource(product);
	const out: Record<string, string> = {};
	for (const field of FACT_FIELDS) {
		if (entry[field] === undefined) continue;
		out[field] =
			(entry.sources as Partial<Record<string, string>> | undefined)?.[field] ?? reference;
	}
	const catalog = catalogLabel(product);
	if (entry.catalog !== undefined && catalog && product.catalog)
		out.catalog = `${catalog} ${product.catalog.file}`;
	return out;
}
