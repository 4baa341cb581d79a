/**
 * Registry validation: turns YAML text into validated products, or into problems that each name
 * the file, line, column and field at fault, what is wrong and what to do. Pure: no file system.
 */
import { resolveRef, resolveProduct, type Product, type Registry } from './model.ts';
import {
	issueProblem,
	Located,
	MAX_ALIASES,
	MAX_FILE_CHARS,
	RegistryError,
	type Path,
	type Problem,
	type SourceFile,
} from './problems.ts';
import { product as productSchema, type ProductFile } from './schema.ts';
import { braceProblem, templateParams } from './template.ts';
import { RESERVED_SEGMENTS } from './urls.ts';

export {
	formatProblem,
	MAX_FILE_CHARS,
	RegistryError,
	type Problem,
	type SourceFile,
} from './problems.ts';

/** Validates one file on its own: YAML syntax, the schema, and the rules within a product. */
function validateFile(src: Located): { product?: Product; problems: Problem[] } {
	const whole = { file: src.file, line: 1, column: 1, field: '' };
	if (src.size > MAX_FILE_CHARS) {
		const mb = (src.size / (1024 * 1024)).toFixed(1);
		return {
			problems: [
				{
					...whole,
					message: `the file is ${mb} MB; a product file is at most ${MAX_FILE_CHARS / (1024 * 1024)} MB — is it the right file? Split a product this large, or trim what is not a fact.`,
				},
			],
		};
	}
	const fast = src.value();
	if (!fast.ok && fast.aliases) {
		return {
			problems: [
				{
					...whole,
					message: `its YAML aliases (*name) expand to more than ${MAX_ALIASES} values — write the values out instead of repeating an anchor.`,
				},
			],
		};
	}
	if (fast.ok && (fast.value === null || fast.value === undefined)) {
		return {
			problems: [
				{
					...whole,
					message:
						'the file is empty — a product file needs at least id, name and errors: see README, "Adding or changing an error".',
				},
			],
		};
	}
	if (!fast.ok && src.doc.errors.length) {
		return {
			problems: src.doc.errors.map((e) => {
				const { line, col } = src.lines.linePos(e.pos[0]);
				return {
					file: src.file,
					line,
					column: col,
					field: '',
					message: `${e.message.split('\n')[0]} — fix the YAML syntax.`,
				};
			}),
		};
	}
	const raw = fast.ok ? fast.value : src.doc.toJS();
	const parsed = productSchema.safeParse(raw);
	if (!parsed.success)
		return { problems: parsed.error.issues.flatMap((i) => issueProblem(src, raw, i)) };
	const file: ProductFile = parsed.data;
	const problems: Problem[] = [];

	const categoryIds = new Set<string>();
	file.categories.forEach((c, i) => {
		if (categoryIds.has(c.id))
			problems.push(
				src.problem(
					['categories', i, 'id'],
					`duplicate category id "${c.id}" — give each category its own id.`
				)
			);
		categoryIds.add(c.id);
	});

	const product = resolveProduct(file);
	const seenCode = new Map<string, number>();
	const seenSlug = new Map<string, number>();
	product.errors.forEach((e, i) => {
		const at = (field: string) => ['errors', i, field];
		if (e.category !== undefined && !categoryIds.has(e.category)) {
			problems.push(
				src.problem(
					at('category'),
					`unknown category "${e.category}" — use one of: ${[...categoryIds].join(', ') || '(none declared under categories)'}.`
				)
			);
		}
		const codeKey = `${e.category ?? ''}\u0000${e.code}`;
		const firstCode = seenCode.get(codeKey);
		if (firstCode !== undefined) {
			problems.push(
				src.problem(
					at('code'),
					`duplicate code ${e.code} (also errors[${firstCode}]) — remove one, or put them in different categories with their own slug.`
				)
			);
		} else seenCode.set(codeKey, i);
		const firstSlug = seenSlug.get(e.slug);
		if (firstSlug !== undefined && firstCode === undefined) {
			problems.push(
				src.problem(
					at(file.errors[i]?.slug ? 'slug' : 'code'),
					`duplicate slug "${e.slug}" (also errors[${firstSlug}]) — set a distinct "slug" on one of them; published slugs never change.`
				)
			);
		} else if (firstSlug === undefined) seenSlug.set(e.slug, i);

		const braces = e.message === undefined ? undefined : braceProblem(e.message);
		if (braces) {
			const around = e.message!.slice(Math.max(0, braces.at - 12), braces.at + 12);
			problems.push(
				src.problem(
					at('message'),
					`"${e.message![braces.at]}" at character ${braces.at + 1} ("…${around}…") ${braces.what} — write a placeholder as {name}, or leave the brace out.`
				)
			);
		} else if (e.message !== undefined) {
			const used = templateParams(e.message);
			const declared = file.errors[i]?.params ?? [];
			for (const name of used) {
				if (!declared.includes(name)) {
					problems.push(
						src.problem(
							at('message'),
							`placeholder {${name}} is not declared — add "${name}" to params.`
						)
					);
				}
			}
			declared.forEach((name, j) => {
				if (!used.includes(name)) {
					problems.push(
						src.problem(
							['errors', i, 'params', j],
							`param "${name}" is not used in the message — remove it or add {${name}} to the message.`
						)
					);
				}
			});
		} else if (file.errors[i]?.params?.length) {
			problems.push(
				src.problem(
					at('params'),
					`params declared but the entry has no message — remove params or add the message.`
				)
			);
		}
		file.errors[i]?.messages?.forEach((m, j) => {
			const bad = braceProblem(m.text);
			if (bad)
				problems.push(
					src.problem(
						['errors', i, 'messages', j, 'text'],
						`"${m.text[bad.at]}" at character ${bad.at + 1} ${bad.what} — write a placeholder as {name}, or leave the brace out.`
					)
				);
		});
		const declared = file.errors[i]?.params ?? [];
		declared.forEach((name, j) => {
			if (declared.indexOf(name) !== j)
				problems.push(
					src.problem(
						['errors', i, 'params', j],
						`param "${name}" is declared twice — declare it once.`
					)
				);
		});
		e.examples?.forEach((ex, j) => {
			if (ex.lang !== 'json') return;
			try {
				JSON.parse(ex.payload);
			} catch (err) {
				problems.push(
					src.problem(
						['errors', i, 'examples', j, 'payload'],
						`payload is not valid JSON (${(err as Error).message}) — fix it, or set lang: text.`
					)
				);
			}
		});
	});
	const codes = new Set(product.errors.map((e) => e.code));
	for (const [tag, code] of Object.entries(file.emits?.taggedErrors?.value ?? {}))
		if (!codes.has(code))
			problems.push(
				src.problem(
					['emits', 'taggedErrors', 'value', tag],
					`tag ${tag} names ${code}, which is no code of this product — add its entry, or correct the tag's code.`
				)
			);
	// A former slug becomes a redirect at the old URL, which must not also be a page or another redirect.
	const formerOwner = new Map<string, number>();
	product.errors.forEach((e, i) => {
		e.formerSlugs?.forEach((former, j) => {
			const path = ['errors', i, 'formerSlugs', j];
			const page = product.errors.findIndex((x) => x.slug === former);
			const other = formerOwner.get(former);
			if (page !== -1)
				problems.push(
					src.problem(
						path,
						`"${former}" is the slug of errors[${page}], whose page is still published — remove it from formerSlugs.`
					)
				);
			else if (other !== undefined)
				problems.push(
					src.problem(
						path,
						`"${former}" is also a former slug of errors[${other}] — an old URL can redirect to one page only; keep it on one entry.`
					)
				);
			else formerOwner.set(former, i);
		});
	});
	return { product, problems };
}

/**
 * Validates a whole registry: each file, then the rules across files (product ids, references).
 * Throws a RegistryError listing every problem; returns the registry when there are none.
 */
export function validateRegistry(sources: readonly SourceFile[]): Registry {
	const problems: Problem[] = [];
	const located = sources.map((s) => new Located(s));
	const products: { product: Product; src: Located }[] = [];
	for (const src of located) {
		const result = validateFile(src);
		problems.push(...result.problems);
		if (result.product) products.push({ product: result.product, src });
	}
	const seenIds = new Map<string, string>();
	for (const { product, src } of products) {
		if ((RESERVED_SEGMENTS as readonly string[]).includes(product.id)) {
			problems.push(
				src.problem(
					['id'],
					`product id "${product.id}" is a path the site keeps for itself (/${product.id}/) — choose another id.`
				)
			);
		}
		const other = seenIds.get(product.id);
		if (other)
			problems.push(
				src.problem(
					['id'],
					`product id "${product.id}" is also used by ${other} — give each product its own id.`
				)
			);
		seenIds.set(product.id, src.file);
	}
	const registry: Registry = { products: products.map((p) => p.product) };
	for (const { product, src } of products) {
		product.errors.forEach((e, i) => {
			const check = (ref: string, path: Path) => {
				if (resolveRef(registry, product.id, ref).length === 0) {
					problems.push(
						src.problem(
							path,
							`"${ref}" names no entry — use CODE, product:CODE or product/slug of an existing entry.`
						)
					);
				}
			};
			if (e.replacedBy) check(e.replacedBy, ['errors', i, 'replacedBy']);
			e.related?.forEach((r, j) => check(r, ['errors', i, 'related', j]));
		});
	}
	if (problems.length) throw new RegistryError(problems);
	return registry;
}
