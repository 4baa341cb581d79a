/**
 * The registry schema: what a `content/registry/<product>.yaml` file may say.
 *
 * Every field carries a short description; they become the JSON Schema that editors use
 * (`content/registry/registry.schema.json`, written by `scripts/generate.ts`).
 * A field that a product's published reference does not state is left out, never guessed.
 */
import { z } from 'zod';
import { CODE_MAX_CHARS, CODE_MIN_CHARS, CODE_PATTERN } from './code.ts';
/** Lower-case kebab form, used for product ids, category ids and page slugs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * A reference to another entry: `CODE` in the same product, or `product:CODE` in another one.
 * Where a product has two entries with the same code, the reference may name the slug instead:
 * `product/slug`.
 */
export const REF_PATTERN = new RegExp(
	`^(?:[a-z0-9-]+:)?${CODE_PATTERN.source.slice(1, -1)}$|^[a-z0-9-]+\\/[a-z0-9-]+$`
);

const code = z
	.string()
	.regex(CODE_PATTERN, 'must be SCREAMING_SNAKE_CASE, such as PORT_IN_USE')
	.min(CODE_MIN_CHARS, `must be at least ${CODE_MIN_CHARS} characters`)
	.max(
		CODE_MAX_CHARS,
		`must be at most ${CODE_MAX_CHARS} characters: the decoder finds codes up to that length`
	)
	.describe('The stable error code the product emits, in SCREAMING_SNAKE_CASE.');

const slug = z.string().regex(SLUG_PATTERN, 'must be lower-case kebab-case, such as port-in-use');

/** A process exit code. */
const exitCode = z.number().int().min(0).max(255);

const ref = z
	.string()
	.regex(REF_PATTERN, 'must be CODE, product:CODE or product/slug')
	.describe('Another entry: CODE in this product, product:CODE in another, or product/slug.');

/** Prose: plain text in which `backtick spans` are code. Nothing else is interpreted. */
const prose = z.string().min(1, 'must not be empty');

export const detailField = z
	.strictObject({
		name: z.string().min(1).describe("Field name inside the error's `details` object."),
		optional: z
			.boolean()
			.optional()
			.describe('True when the product marks the field optional (`field?` in its reference).'),
	})
	.describe('One field of the `details` object that an error carries.');

export const example = z
	.strictObject({
		caption: prose
			.optional()
			.describe("What the example shows, as the product's reference captions it."),
		lang: z
			.enum(['json', 'text'])
			.default('json')
			.describe('Language of the payload, for highlighting.'),
		payload: z
			.string()
			.min(1)
			.describe(
				'The example exactly as the product publishes it (a JSON payload is checked to parse).'
			),
	})
	.describe('An example of the error as it reaches a user: a response body, a log line.');

/** `package@version path:line`: where in a product's published code a fact is read. */
export const SITE_PATTERN = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*@\d[\w.+-]* \S+:\d+$/;

const site = z
	.string()
	.regex(
		SITE_PATTERN,
		'must be `package@version path:line`, such as `@smithers-orchestrator/cli@0.32.0 src/index.js:1074`'
	)
	.describe("Where in the product's published code: `package@version path:line`.");

export const messageVariant = z
	.strictObject({
		text: prose.describe(
			'The message exactly as the product throws it, with {placeholders} for the variable parts.'
		),
		at: z.array(site).min(1).describe('Every place the product throws it.'),
	})
	.describe(
		'One message the product throws for this code, read from its published code by an importer.'
	);

/** The facts of an entry that may come from somewhere other than the product's published reference. */
export const SOURCED_FIELDS = ['category', 'when', 'details', 'status'] as const;

/**
 * Where a code stands in the catalog a product publishes in its package, against its published
 * reference: `listed` in both; `added`, first listed by the catalog; `absent`, in the reference
 * but no longer in the catalog; `unlisted`, thrown by the product's code but in neither.
 */
export const CATALOG_STATES = ['listed', 'added', 'absent', 'unlisted'] as const;

export const lifecycle = {
	since: z.string().min(1).optional().describe('The product version that introduced the code.'),
	deprecated: prose
		.optional()
		.describe(
			'Set when the code is still emitted but should no longer be relied on: say why, and what to use.'
		),
	removed: prose
		.optional()
		.describe(
			'Set when the code is no longer emitted. The page stays, marked "no longer emitted": say since when or why.'
		),
	replacedBy: ref.optional().describe('The entry that takes over from this one.'),
	formerSlugs: z
		.array(slug)
		.optional()
		.describe(
			'Slugs this entry was published under before a rename. Each old URL keeps working: it redirects to the current page.'
		),
	related: z.array(ref).optional().describe('Other entries worth reading next to this one.'),
};

export const entry = z
	.strictObject({
		code,
		slug: slug
			.optional()
			.describe(
				'Page slug under /<product>/errors/. Defaults to the code in kebab case; set it only when two entries share a code. Never change it once published.'
			),
		category: slug.optional().describe("The id of one of the product's categories."),
		message: prose
			.optional()
			.describe(
				'The message template exactly as emitted, with {placeholders} for the variable parts.'
			),
		params: z
			.array(z.string().min(1))
			.optional()
			.describe('The names of the placeholders the message uses, each once.'),
		when: prose.optional().describe('What triggers the error, as the product documents it.'),
		description: prose.optional().describe('What the error means, as the product documents it.'),
		fix: prose.optional().describe('What to do about it.'),
		scope: prose
			.optional()
			.describe(
				'Where the error can happen at all, when the product restricts it ("`verify` only").'
			),
		status: z
			.number()
			.int()
			.min(100)
			.max(599)
			.optional()
			.describe('The HTTP status the error is sent with.'),
		exitCode: exitCode
			.optional()
			.describe(
				"The process exit code it leads to, when it differs from the product's `exitCode`."
			),
		details: z
			.array(detailField)
			.optional()
			.describe('The shape of the `details` object the error carries.'),
		examples: z.array(example).optional().describe('Published examples of the error.'),
		messages: z
			.array(messageVariant)
			.optional()
			.describe(
				'Every distinct message the product throws for this code, with where (written by an importer).'
			),
		thrownAt: z
			.array(site)
			.optional()
			.describe(
				'Where the product throws the code with a message made at run time (a variable, `err.message`): no template to show.'
			),
		catalog: z
			.strictObject({
				state: z
					.enum(CATALOG_STATES)
					.describe(
						'listed, added (first listed by the catalog), absent (gone from it) or unlisted (thrown, never listed).'
					),
				version: z
					.string()
					.min(1)
					.describe(
						'The catalog version the state was read from; for `added`, the version that first lists the code.'
					),
			})
			.optional()
			.describe(
				"Where the code stands in the catalog the product publishes (the product's `catalog`), against its reference."
			),
		sources: z
			.partialRecord(z.enum(SOURCED_FIELDS), site)
			.optional()
			.describe(
				"Facts read from the product's published code rather than its reference: field → where."
			),
		...lifecycle,
	})
	.describe('One named error.');

/** A piece of hand-written product-level reference: prose, a table, a list or a code sample. */
export const block = z.union([
	z.strictObject({ text: prose.describe('A paragraph.') }),
	z.strictObject({ list: z.array(prose).min(1).describe('A bulleted list.') }),
	z.strictObject({
		table: z
			.strictObject({
				columns: z.array(z.string().min(1)).min(1).describe('Column headings.'),
				rows: z.array(z.array(z.string())).min(1).describe('Rows, one cell per column.'),
			})
			.describe('A table.'),
	}),
	z.strictObject({
		code: z.string().min(1).describe('A code sample, exactly as published.'),
		lang: z.string().min(1).describe('Its language, for highlighting.'),
	}),
]);

export const section = z
	.strictObject({
		title: z.string().min(1).describe('Section heading on the product overview.'),
		blocks: z.array(block).min(1).describe("The section's content, in order."),
	})
	.describe('A section of product-level facts on the product overview.');

/** A snippet that catches one error, in the product's idiom, with {code} where the code goes. */
const catchTemplate = z
	.string()
	// A pattern, not `.includes()`: that one leaves `format: "includes"` in the JSON Schema, which validators reject as unknown.
	.regex(/\{code\}/, "must contain {code}, where the entry's code goes");

/** A fact read from a product's published code, with where. */
function sourced<T extends z.ZodType>(value: T, what: string) {
	return z.strictObject({ value: value.describe(what), at: site }).describe(what);
}

export const catalogSource = z
	.strictObject({
		package: z
			.string()
			.min(1)
			.describe('The npm package that publishes the catalog (`@smithers-orchestrator/errors`).'),
		version: z.string().min(1).describe('The version read: the one pinned in package.json.'),
		file: z.string().min(1).describe('The catalog as received, under content/sources/.'),
		command: z
			.string()
			.min(1)
			.describe('The command that reads it again and brings the registry up to date.'),
	})
	.describe(
		'The error catalog the product publishes in its package; entries say where they stand in it (`catalog`).'
	);

/** What a product's errors look like when they reach a user: the decoder reads pastes with them. */
export const emits = z
	.strictObject({
		docsUrl: sourced(
			z.string().url(),
			'The docs link the product appends to its messages (` See <url>`).'
		).optional(),
		errorClass: sourced(
			z.string().min(1),
			'The name of the error class it throws (`SmithersError`).'
		).optional(),
		cliLine: sourced(
			z.string().regex(/\{code\}.*\{message\}/, 'must contain {code}, then {message}'),
			'How its CLI prints an error in a terminal: `Error ({code}): {message}`.'
		).optional(),
		httpBody: sourced(
			z.array(z.string().min(1)).min(1),
			'The fields of its HTTP error bodies, as paths (`error.code`, `error.details?`).'
		).optional(),
		taggedErrors: sourced(
			z.record(
				z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a class name, such as RunNotFound'),
				code
			),
			'The code each of its tagged errors stands for, by tag (`RunNotFound: RUN_NOT_FOUND`): an error object with `_tag` or a `Tag: message` line names that code.'
		).optional(),
	})
	.describe("How the product's errors reach a user, as its published code shows.");

export const category = z
	.strictObject({
		id: slug.describe('Stable id, used in anchors (/<product>/#<id>) and by entries.'),
		name: z.string().min(1).describe('Heading as the product names the group.'),
		description: prose.optional().describe('What the group covers, as the product says.'),
		packageId: z
			.string()
			.min(1)
			.optional()
			.describe(
				"The id the product's published catalog gives this group, where it differs from `id`."
			),
		catch: z
			.union([catchTemplate, z.literal(false)])
			.optional()
			.describe(
				"How code catches these errors, where it differs from the product's `catch`; false where the product documents no way."
			),
	})
	.describe('A group of errors, as the product groups them.');

export const product = z
	.strictObject({
		$schema: z.string().optional().describe('The JSON Schema this file follows (for editors).'),
		id: slug.describe(
			'Stable id: the first segment of every URL of this product. Never change it.'
		),
		name: z.string().min(1).describe("The product's name as it writes it."),
		tagline: prose
			.optional()
			.describe(
				"What the product is, in its own docs' words (not what its docs are); left out where they say none."
			),
		summary: prose
			.optional()
			.describe("The product's own one-line summary of its error reference."),
		catch: catchTemplate
			.optional()
			.describe("How code catches one error, in the product's idiom, with {code} for the code."),
		typePrefix: z
			.string()
			.optional()
			.describe(
				'Prefix of the Problem Details `type` URI; the code follows it (urn:assetcore:error:).'
			),
		exitCode: exitCode
			.optional()
			.describe('The process exit code every named error leads to, where the product has one.'),
		reference: z
			.string()
			.min(1)
			.optional()
			.describe(
				'The published reference the hand-written facts are transcribed from: its file under content/sources/.'
			),
		catalog: catalogSource.optional(),
		emits: emits.optional(),
		sections: z.array(section).default([]).describe('Product-level facts shown on the overview.'),
		categories: z.array(category).default([]).describe("The product's groups of errors, in order."),
		errors: z.array(entry).min(1).describe('Every named error of the product.'),
	})
	.describe("One product's error reference.");

export type MessageVariant = z.infer<typeof messageVariant>;
export type SourcedField = (typeof SOURCED_FIELDS)[number];
export type CatalogState = (typeof CATALOG_STATES)[number];
export type Emits = z.infer<typeof emits>;
export type DetailField = z.infer<typeof detailField>;
export type Example = z.infer<typeof example>;
export type Entry = z.infer<typeof entry>;
export type Block = z.infer<typeof block>;
export type Section = z.infer<typeof section>;
export type Category = z.infer<typeof category>;
export type ProductFile = z.infer<typeof product>;
