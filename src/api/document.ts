/**
 * The JSON API files, built from the registry: /api/errors.json (everything) and
 * /api/<product>/<slug>.json (one entry). Their shapes are the schemas in ./schema.ts.
 */
import { entrySources } from '../registry/provenance.ts';
import {
	exitCodeOf,
	problemFacts,
	type Product,
	type Registry,
	type RegistryEntry,
} from '../registry/model.ts';
import {
	absoluteUrl,
	apiEntryPath,
	llmsTxtPath,
	schemaPath,
	twinUrl,
	typedModulePath,
} from '../registry/urls.ts';
import {
	API_SCHEMA_VERSION,
	type ApiEntry,
	type ApiEntryFile,
	type ApiErrorsFile,
	type ApiProduct,
	type SchemaName,
} from './schema.ts';

const ERRORS_SCHEMA: SchemaName = 'api-errors';
const ENTRY_SCHEMA: SchemaName = 'api-entry';

/** An entry as the API states it: the registry's fields, plus what the site derives and where it publishes it. */
export function apiEntry(product: Product, entry: RegistryEntry, site: string | URL): ApiEntry {
	const { path, ...fields } = entry;
	const { type, ...problem } = problemFacts(product, entry);
	return {
		...fields,
		exitCode: exitCodeOf(product, entry),
		provenance: entrySources(product, entry),
		...(type === undefined ? {} : { problem: { type, ...problem } }),
		url: absoluteUrl(site, path),
		markdownUrl: twinUrl(site, entry),
		jsonUrl: absoluteUrl(site, apiEntryPath(product.id, entry.slug)),
	};
}

function apiProduct(product: Product, site: string | URL): ApiProduct {
	const { errors, path, ...fields } = product;
	return {
		...fields,
		url: absoluteUrl(site, path),
		markdownUrl: twinUrl(site, product),
		llmsTxtUrl: absoluteUrl(site, llmsTxtPath(product.id)),
		moduleUrl: absoluteUrl(site, typedModulePath(product.id)),
		errors: errors.map((e) => apiEntry(product, e, site)),
	};
}

/** /api/errors.json. */
export function apiErrorsFile(registry: Registry, site: string | URL): ApiErrorsFile {
	return {
		$schema: absoluteUrl(site, schemaPath(ERRORS_SCHEMA)),
		schemaVersion: API_SCHEMA_VERSION,
		site: absoluteUrl(site, '/'),
		products: registry.products.map((p) => apiProduct(p, site)),
	};
}

/** /api/<product>/<slug>.json. */
export function apiEntryFile(
	product: Product,
	entry: RegistryEntry,
	site: string | URL
): ApiEntryFile {
	return {
		$schema: absoluteUrl(site, schemaPath(ENTRY_SCHEMA)),
		schemaVersion: API_SCHEMA_VERSION,
		product: {
			id: product.id,
			name: product.name,
			url: absoluteUrl(site, product.path),
			markdownUrl: twinUrl(site, product),
		},
		entry: apiEntry(product, entry, site),
	};
}
