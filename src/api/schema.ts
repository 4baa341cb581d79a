/**
 * What the JSON API files hold, as zod schemas built on the registry's own: an API entry is a
 * registry entry plus what the site derives for it (its URLs, its effective exit code, its Problem
 * Details facts). The JSON Schemas published under /schema/ are made from these.
 */
import { z } from 'zod';
import { jsonText, jsonSchema as registryJsonSchema } from '../registry/json-schema.ts';
import { entry, product } from '../registry/schema.ts';
import { API_REGISTRY_PATH, apiEntryPath } from '../registry/urls.ts';

/**
 * Bumped when a field of the API files changes meaning or goes away; new optional fields keep it.
 * Clients check it before they read.
 */
export const API_SCHEMA_VERSION = 1;

const url = (what: string) => z.url().describe(what);

const schemaVersion = z
	.literal(API_SCHEMA_VERSION)
	.describe(
		'The version of the file format: it changes when a field changes meaning or goes away.'
	);

export const apiProblem = z
	.strictObject({
		type: z.string().describe('The Problem Details `type` URI.'),
		status: z.number().int().optional().describe('The HTTP status.'),
		title: z.string().optional().describe('The `title`, as the published example shows it.'),
		retryable: z
			.boolean()
			.optional()
			.describe('Whether clients should retry, as the published example shows it.'),
		hint: z.string().optional().describe('The `hint`, as the published example shows it.'),
	})
	.describe('What a Problem Details response for this error is known to carry.');

export const apiEntry = entry
	.extend({
		slug: z.string().describe('The page slug under /<product>/errors/.'),
		params: z
			.array(z.string())
			.describe('The names of the placeholders in `message`, each once, in order of first use.'),
		exitCode: z
			.number()
			.int()
			.optional()
			.describe("The process exit code the error leads to: the entry's own, else its product's."),
		product: z.string().describe('The id of the product the entry belongs to.'),
		problem: apiProblem.optional(),
		messages: z
			.array(
				z.strictObject({
					text: z
						.string()
						.describe(
							'A template with {placeholders}, as the product throws it or as its published example shows it.'
						),
					params: z.array(z.string()).describe('Its placeholder names, each once.'),
					at: z
						.array(z.string())
						.optional()
						.describe('Where the product throws it: `package@version path:line`.'),
					fromExample: z
						.literal(true)
						.optional()
						.describe(
							'Read off a published example response: its `detail`, with its `details` values as placeholders.'
						),
				})
			)
			.describe('Every other message the error may be seen with.'),
		provenance: z
			.record(z.string(), z.string())
			.describe(
				"Where each fact of the entry comes from: field → the product's published reference, or `package@version path:line`."
			),
		url: url("The entry's reference page."),
		markdownUrl: url('The entry as Markdown.'),
		jsonUrl: url('The entry as JSON.'),
	})
	.describe('One named error, with the URLs where the site publishes it.');

export const apiProduct = product
	.omit({ $schema: true, errors: true })
	.extend({
		url: url("The product's overview page."),
		markdownUrl: url('The overview as Markdown.'),
		llmsTxtUrl: url("The product's llms.txt index."),
		moduleUrl: url("The product's codes as a dependency-free TypeScript module."),
		errors: z
			.array(apiEntry)
			.describe("Every named error of the product, in the reference's order."),
	})
	.describe("One product's error reference.");

export const apiErrorsFile = z
	.strictObject({
		$schema: url('The JSON Schema of this file.'),
		schemaVersion,
		site: url('The site the URLs point to.'),
		products: z.array(apiProduct).describe("Every product, in the registry's order."),
	})
	.describe(`${API_REGISTRY_PATH}: the whole registry.`);

export const apiEntryFile = z
	.strictObject({
		$schema: url('The JSON Schema of this file.'),
		schemaVersion,
		product: z
			.strictObject({
				id: z.string(),
				name: z.string(),
				url: url("The product's overview page."),
				markdownUrl: url('The overview as Markdown.'),
			})
			.describe('The product the entry belongs to.'),
		entry: apiEntry,
	})
	.describe(`${apiEntryPath('<product>', '<slug>')}: one entry.`);

export type ApiEntry = z.output<typeof apiEntry>;
export type ApiProduct = z.output<typeof apiProduct>;
export type ApiErrorsFile = z.output<typeof apiErrorsFile>;
export type ApiEntryFile = z.output<typeof apiEntryFile>;

const asJson = (schema: z.ZodType) => jsonText(z.toJSONSchema(schema, { io: 'output' }));

/** The JSON Schemas the site publishes at /schema/<name>.schema.json, with what each describes (registry prose: `backticks` are code). */
export const SCHEMAS = {
	registry: {
		about: 'the registry files, `content/registry/<product>.yaml`, as editors check them',
		json: registryJsonSchema,
	},
	'api-errors': {
		about: `the whole registry as JSON, \`${API_REGISTRY_PATH}\``,
		json: () => asJson(apiErrorsFile),
	},
	'api-entry': {
		about: `one entry as JSON, \`${apiEntryPath('<product>', '<slug>')}\``,
		json: () => asJson(apiEntryFile),
	},
} as const satisfies Record<string, { about: string; json: () => string }>;

export type SchemaName = keyof typeof SCHEMAS;
