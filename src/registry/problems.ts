/**
 * Problems in registry files, placed: a YAML file that can say the line and column of any field,
 * and the one-line problems validation reports (`file:line:column  field: what is wrong — what to
 * do`), with "did you mean" for a misspelt field. Pure: no file system.
 */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { editDistance } from './distance.ts';
import { product as productSchema } from './schema.ts';

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

export type Path = (string | number)[];

/** A product file larger than this is refused before it is parsed: the real ones are a few hundred KB. */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;
/** Alias references a file may expand, as safe YAML loaders bound them: a few aliases, never a bomb. */
export const MAX_ALIASES = 100;
/** Characters of a bad value shown in a problem. */
export const SHOWN_CHARS = 60;

/**
 * A YAML file that can say where any path in it is. Its value is read with js-yaml, several times
 * faster than `yaml` (the generator's time is most of it YAML parsing on a large registry); the
 * `yaml` document, which knows where every node is, is built only when there is a problem to
 * place, or when js-yaml refuses the file and `yaml` is to say what is wrong.
 */
export class Located {
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

export function fieldName(path: Path): string {
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
export function issueProblem(src: Located, raw: unknown, issue: z.core.$ZodIssue): Problem[] {
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
