/**
 * The shape of a package extract: what an importer read from a product's published npm packages,
 * written to `content/sources/<product>-package/extract.json` (Smithers: `npm run import:smithers`,
 * scripts/import-smithers.ts). The registry reads extracts through this contract; it holds types only.
 */

/** One fact about the product, with where it was read. */
export interface Fact<T> {
	/** The fact, as the package states it. */
	value: T;
	/** `package@version path:line` of the code it was read from. */
	at: string;
}

/** A piece of a message: literal text, or a placeholder for a value substituted at run time. */
export type MessagePart = string | MessagePlaceholder;

/** A value substituted into a message. */
export interface MessagePlaceholder {
	/** Named after the expression (`${desc.timeoutMs}` → `timeoutMs`); `value` when it names nothing; `name2`, `name3` for a different expression whose name is taken. */
	name: string;
	/** The expression's source text, as written. */
	expr: string;
}

/** One place in the packages' code that raises or sends an error with a code. */
export interface ThrownSite {
	/** The error code, a string literal in the source. */
	code: string;
	/** `new SmithersError(code, message, …)` (or a subclass or helper that forwards to it), `new HttpError(status, code, message, …)`, or a literal HTTP body `{ error: { code, message } }`. */
	kind: 'SmithersError' | 'HttpError' | 'body';
	/** The HTTP status, when the source states it as a number literal next to the code. */
	status?: number;
	/** The message argument exactly as written in the source. */
	source: string;
	/** Literal text and placeholders, when the message is a literal, a template or a concatenation. */
	parts?: MessagePart[];
	/** `package@version path:line` */
	at: string;
}

/** One code of the product's catalog, as the catalog states it. */
export interface CatalogCode {
	/** The catalog's key. */
	code: string;
	/** The catalog's category for the code. */
	category: string;
	/** When the error is raised, the catalog's text. */
	when: string;
	/** The catalog's description of the error's details, as written (`{ runId, frameNo }`); absent when it gives none. */
	details?: string;
	/** 1-based line of the code's key in the catalog file. */
	line: number;
}

/** What the importer read from one version of the product's packages. */
export interface PackageExtract {
	/** The package the product is installed as. */
	package: string;
	/** The version read (the project's pinned one). */
	version: string;
	/** The command that rewrites this file. */
	command: string;
	/** Every package read, `name@version`, sorted. */
	packages: string[];
	/** The product's error catalog. */
	catalog: {
		/** `package@version path` of the catalog file. */
		at: string;
		/** In source order. */
		codes: CatalogCode[];
	};
	/** What the packages state about how errors reach a user. */
	facts: {
		/** The base URL of the product's error reference. */
		docsUrl: Fact<string>;
		/** The error class's default name. */
		errorClass: Fact<string>;
		/** The CLI's terminal error line, with `{code}` and `{message}`; `plainFor` lists the codes printed as `Error: {message}` instead. */
		cliLine: Fact<string> & { plainFor: string[] };
		/** The fields of the server's HTTP error body, dotted; `?` marks one that may be absent. */
		httpBody: Fact<string[]>;
		/** The code each of its tagged errors (`Data.TaggedError("RunNotFound")`) stands for, by tag. */
		taggedErrors: Fact<Record<string, string>>;
	};
	/** Sorted by code, then `at` (package and path, then line as a number). */
	thrown: ThrownSite[];
	/** Call sites that could not be read, with why. Sorted by `at` (package and path, then line as a number). */
	skipped: SkippedSite[];
}

/** A call site the importer found but could not read. */
export interface SkippedSite {
	/** `package@version path:line` */
	at: string;
	/** Why it could not be read (`code is not a literal: <source text>`). */
	reason: string;
}
