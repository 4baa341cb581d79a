/**
 * DecoderData: the part of the registry that decoding and showing a result need, as a small
 * JSON-serialisable object. The site builds it once at build time and ships it to the browser
 * island; the CLI and the tests build it from the loaded registry. Nothing here is a new fact:
 * every field is copied from, or derived with the same rules as, `src/registry/`.
 */
import { whatToDo, type Registry } from '../registry/model.ts';
import { proseCode } from '../registry/prose.ts';
import type { Section } from '../registry/schema.ts';
import { slugForCode } from '../registry/urls.ts';

/** Bumped when the shape changes, so a payload built by another version is recognised. */
export const DECODER_DATA_VERSION = 3;

export interface DecoderData {
	v: typeof DECODER_DATA_VERSION;
	products: DecoderProduct[];
}

export interface DecoderProduct {
	/** The product id: first segment of its URLs. */
	id: string;
	name: string;
	/** Problem Details `type` prefix (`urn:assetcore:error:`), when the product has one. */
	typePrefix?: string;
	/**
	 * Error types the product's reference names in its sections (`SmithersErrorInstance`,
	 * `AsymmetricError`): a line that names one holds a thrown error, not an HTTP response body.
	 */
	errorTypes?: string[];
	/** The docs link the product appends to its thrown errors' messages: a line with it holds a thrown error of this product. */
	docsUrl?: string;
	/** How its CLI prints an error: `Error ({code}): {message}`. */
	cliLine?: string;
	/** The fields of its HTTP error bodies (`error.code`): an object of that shape is a response, not a thrown error. */
	httpBody?: string[];
	/** The code each of its tagged errors stands for, by tag (`RunNotFound` → `RUN_NOT_FOUND`): a `_tag` field or a `Tag: message` line names it. */
	taggedErrors?: Record<string, string>;
	/** Category names in the product's order; entries refer to them by index. */
	categories: string[];
	entries: DecoderEntry[];
}

export interface DecoderEntry {
	code: string;
	/** Only when the page slug is not the code in kebab case (the usual case is derived by urls.ts). */
	slug?: string;
	/** Index into the product's `categories`. */
	category?: number;
	/** Message template with `{placeholders}`; its params are derived with template.ts. */
	message?: string;
	/** Other templates it may be seen with: thrown by the product, or read off its published examples. */
	messages?: string[];
	/** What to do about it. */
	fix?: string;
	/** What triggers it. */
	when?: string;
	/** What it means. */
	description?: string;
	/** HTTP status it is sent with. */
	status?: number;
	/** Documented `details` field names; an optional one ends in `?`, as the references write it. */
	details?: string[];
}

/** Derives the decoder data from the loaded registry. */
export function toDecoderData(registry: Registry): DecoderData {
	return {
		v: DECODER_DATA_VERSION,
		products: registry.products.map((p) => {
			const categoryIds = p.categories.map((c) => c.id);
			const product: DecoderProduct = {
				id: p.id,
				name: p.name,
				categories: p.categories.map((c) => c.name),
				entries: p.errors.map((e) => {
					const out: DecoderEntry = { code: e.code };
					if (e.slug !== slugForCode(e.code)) out.slug = e.slug;
					const category = e.category === undefined ? -1 : categoryIds.indexOf(e.category);
					if (category >= 0) out.category = category;
					if (e.message !== undefined) out.message = e.message;
					if (e.messages.length) out.messages = e.messages.map((m) => m.text);
					if (e.fix !== undefined) out.fix = whatToDo(e);
					if (e.when !== undefined) out.when = e.when;
					if (e.description !== undefined) out.description = e.description;
					if (e.status !== undefined) out.status = e.status;
					if (e.details?.length)
						out.details = e.details.map((d) => (d.optional ? `${d.name}?` : d.name));
					return out;
				}),
			};
			if (p.typePrefix !== undefined) product.typePrefix = p.typePrefix;
			const types = [
				...new Set([
					...(p.emits?.errorClass ? [p.emits.errorClass.value] : []),
					...errorTypesOf(p.sections),
				]),
			];
			if (types.length) product.errorTypes = types;
			if (p.emits?.docsUrl) product.docsUrl = p.emits.docsUrl.value;
			if (p.emits?.cliLine) product.cliLine = p.emits.cliLine.value;
			if (p.emits?.httpBody) product.httpBody = p.emits.httpBody.value;
			if (p.emits?.taggedErrors) product.taggedErrors = p.emits.taggedErrors.value;
			return product;
		}),
	};
}

/** A type name the reference writes in backticks: `XxxError…`, not a code union (`…ErrorCode`) nor a guard (`isXxxError`). */
const ERROR_TYPE = /^[A-Z][A-Za-z0-9]*Error[A-Za-z0-9]*$/;

/** The error types named in a product's sections, in the order first written. */
function errorTypesOf(sections: readonly Section[]): string[] {
	const found = new Set<string>();
	const read = (text: string) => {
		for (const span of proseCode(text))
			if (ERROR_TYPE.test(span) && !span.endsWith('Code')) found.add(span);
	};
	for (const section of sections) {
		for (const block of section.blocks) {
			if ('text' in block) read(block.text);
			else if ('list' in block) block.list.forEach(read);
			else if ('table' in block) for (const row of block.table.rows) row.forEach(read);
		}
	}
	return [...found];
}
