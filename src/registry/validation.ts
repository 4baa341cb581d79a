/**
 * Registry validation: turns YAML text into validated products, or into problems that each name
 * the file, line, column and field at fault, what is wrong and what to do. Pure: no file system.
 */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { resolveRef, resolveProduct, type Product, type Registry } from './model.ts';
import { product as productSchema, type ProductFile } from './schema.ts';
import { editDistance } from './distance.ts';
import { braceProblem, templateParams } from './template.ts';
import { RESERVED_SEGMENTS } from './urls.ts';

export interface Problem {
	file: string;
	line: number;
	column: number;
	/** The field at fault, as a path: `errors[3].code`. */
	field: string;
	/** What is wrong and what to do. */
	message: string;
}

/** One line per problem: `file:line:column  field: what is wrong — what to do`. */
export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}:${p.column}  ${p.field || '(file)'}: ${p.message}`;
}

export class RegistryError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[]) {
		super(
			`The error registry has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
				problems.map(formatProblem).join('\n')
		);
		this.name = 'RegistryError';
		this.problems = problems;
	}
}

export interface SourceFile {
	/** The path shown in messages, relative to the project. */
	file: string;
	text: string;
}

type Path = (string | number)[];

/** A product file larger than this is refused before it is parsed: the real ones are a few hundred KB. */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;
/** Alias references a file may expand, as safe YAML loaders bound them: a few aliases, never a bomb. */
const MAX_ALIASES = 100;
/** Characters of a bad value shown in a problem. */
const SHOWN_CHARS = 60;

/**
 * A YAML file that can say where any path in it is. Its value is read with js-yaml, several times
 * faster than `yaml` (the generator's time is most of it YAML parsing on a large registry); the
 * `yaml` document, which knows where every node is, is built only when there is a problem to
 * place, or when js-yaml refuses the file and `yaml` is to say what is wrong.
 */
class Located {
	readonly file: string;
	private readonly text: string;
	private located?: { doc: Document.Parsed; lines: LineCounter };
	constructor(source: SourceFile) {
		this.file = source.file;
		this.text = source.text;
	}
	/**
	 * The file's value, or `ok: false` when js-yaml refuses it. Both parsers read YAML 1.2's core
	 * schema. A file that may use aliases (`*name`) is first expanded by `yaml` with a bound on
	 * aliases, which refuses a document that expands exponentially (`aliases: true`).
	 */
	value(): { ok: true; value: unknown } | { ok: false; aliases?: true } {
		if (/(?:^|[\s[{,:-])\*[^\s,[\]{}]/.test(this.text)) {
			try {
				this.doc.toJS({ maxAliasCount: MAX_ALIASES });
			} catch (error) {
				if (error instanceof ReferenceError) return { ok: false, aliases: true };
			}
		}
		try {
			return { ok: true, value: loadYaml(this.text, { schema: CORE_SCHEMA }) };
		} catch {
			return { ok: false };
		}
	}
	get size(): number {
		return this.text.length;
	}
	get doc(): Document.Parsed {
		return this.parse().doc;
	}
	get lines(): LineCounter {
		return this.parse().lines;
	}
	private parse(): { doc: Document.Parsed; lines: LineCounter } {
		if (!this.located) {
			const lines = new LineCounter();
			this.located = {
				lines,
				doc: parseDocument(this.text, {
					lineCounter: lines,
					prettyErrors: false,
					uniqueKeys: true,
				}),
			};
		}
		return this.located;
	}
	problem(path: Path, message: string, at: 'key' | 'value' = 'value'): Problem {
		const { line, col } = this.lines.linePos(this.offset(path, at));
		return { file: this.file, line, column: col, field: fieldName(path), message };
	}
	/** Offset of the deepest existing node on `path` (the key itself when `at` is 'key'). */
	private offset(path: Path, at: 'key' | 'value'): number {
		let node: unknown = this.doc.contents;
		let offset = (node as Node | null)?.range?.[0] ?? 0;
		for (let i = 0; i < path.length; i++) {
			const seg = path[i];
			if (!node || typeof node !== 'object' || !('items' in node)) break;
			const items = (node as { items: unknown[] }).items;
			if (isMap(node)) {
				const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
				if (!pair) break;
				const last = i === path.length - 1;
				const keyNode = pair.key as Node;
				if (last && at === 'key') return keyNode.range?.[0] ?? offset;
				node = pair.value;
				offset = (pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
			} else if (typeof seg === 'number' && items[seg]) {
				node = items[seg];
				offset = (node as Node).range?.[0] ?? offset;
			} else break;
		}
		return offset;
	}
}

function fieldName(path: Path): string {
	return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function closest(word: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	for (const c of candidates) {
		const d = editDistance(word.toLowerCase(), c.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [c, d];
	}
	return best;
}

/** The keys a strict object in the schema allows at `path`, for "did you mean". */
function knownKeys(path: Path): string[] {
	let schema: z.ZodType = productSchema;
	for (const seg of path) {
		schema = unwrap(schema);
		const def = (
			schema as unknown as {
				def: {
					type: string;
					shape?: Record<string, z.ZodType>;
					element?: z.ZodType;
					options?: z.ZodType[];
				};
			}
		).def;
		if (def.type === 'object' && typeof seg === 'string' && def.shape?.[seg])
			schema = def.shape[seg];
		else if (def.type === 'array' && typeof seg === 'number' && def.element) schema = def.element;
		else return [];
	}
	const def = (
		unwrap(schema) as unknown as {
			def: { type: string; shape?: Record<string, unknown>; options?: z.ZodType[] };
		}
	).def;
	if (def.type === 'object') return Object.keys(def.shape ?? {});
	if (def.type === 'union')
		return (def.options ?? []).flatMap((o) =>
			Object.keys((unwrap(o) as unknown as { def: { shape?: object } }).def.shape ?? {})
		);
	return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
	let s = schema as unknown as { def: { type: string; innerType?: z.ZodType } };
	while ((s.def.type === 'optional' || s.def.type === 'default') && s.def.innerType) {
		s = s.def.innerType as unknown as typeof s;
	}
	return s as unknown as z.ZodType;
}

function valueAt(root: unknown, path: Path): unknown {
	let v = root;
	for (const seg of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string | number, unknown>)[seg];
	}
	return v;
}

/** A bad value as a problem shows it: short text as it is, long text cut, a list or an object by its size (it may be an alias bomb). */
function shownValue(value: unknown): string {
	if (typeof value === 'string')
		return value.length <= SHOWN_CHARS
			? `"${value}"`
			: `"${value.slice(0, SHOWN_CHARS)}…" (${value.length.toLocaleString('en')} characters)`;
	if (Array.isArray(value)) return `[a list of ${value.length}]`;
	if (value !== null && typeof value === 'object') return '{an object}';
	return String(value);
}

/** Turns one zod issue into a problem that says what to do. */
function issueProblem(src: Located, raw: unknown, issue: z.core.$ZodIssue): Problem[] {
	const path = issue.path as Path;
	if (issue.code === 'unrecognized_keys') {
		const allowed = knownKeys(path);
		return issue.keys.map((key) => {
			const guess = closest(key, allowed);
			return src.problem(
				[...path, key],
				`unknown field "${key}"` +
					(guess
						? ` — did you mean "${guess}"?`
						: ` — remove it, or use one of: ${allowed.join(', ')}.`),
				'key'
			);
		});
	}
	if (issue.code === 'invalid_type' && valueAt(raw, path) === undefined) {
		const name = String(path.at(-1));
		// Point at the object that lacks the field, but name the field itself.
		return [
			{
				...src.problem(
					path.slice(0, -1),
					`missing required field "${name}" — add it (${issue.expected}).`
				),
				field: fieldName(path),
			},
		];
	}
	if (issue.code === 'invalid_union') {
		return [
			src.problem(
				path,
				`must be one of: { text }, { list }, { table: { columns, rows } }, { code, lang }.`
			),
		];
	}
	const value = valueAt(raw, path);
	const shown = value === undefined ? '' : ` ${shownValue(value)}`;
	return [
		src.problem(
			path,
			`${shown ? `value${shown} ` : ''}${issue.message.replace(/^Invalid input: /, '')}.`.replace(
				/\.\.$/,
				'.'
			)
		),
	];
}

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
