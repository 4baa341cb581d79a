/**
 * Where Smithers' packages raise a `SmithersError` without writing `new SmithersError` at the call
 * site: the names the class is imported under, its subclasses (`class IntegrationError extends
 * SmithersError`, whose constructor passes its own parameters to `super`) and the helpers that pass
 * their parameters on (`function invalid(message) { throw new SmithersError("INVALID_INPUT", message) }`).
 * A call to such a subclass or helper is a site of its own, with the code and message it passes on.
 * Pure: works on parsed files.
 */
import ts from 'typescript';
import { unwrap } from './message-parts.ts';
import { importedNames, type PackageFile } from './package-modules.ts';

/** The class, and the alias the root package re-exports it as. */
const CLASS_NAMES = new Set(['SmithersError', 'SmithersErrorInstance']);

/** Where a forwarder's `super(…)`/`new SmithersError(…)` takes the code or the message from: a parameter (with its default), or the forwarder's own text. */
export type Source =
	{ param: number; fallback?: ts.Expression } | { literal: string } | { fixed: ts.Expression };

/** A subclass or a helper that raises a `SmithersError` with (some of) its own parameters. */
export interface Forwarder {
	/** The class or function's name in the file that declares it. */
	name: string;
	kind: 'class' | 'function';
	file: PackageFile;
	code: Source;
	message: Source;
}

/** The local names `SmithersError` is bound to in a file: its own name and any `import { SmithersError as X }`. */
export function smithersErrorNames(sf: ts.SourceFile): Set<string> {
	const names = new Set(['SmithersError']);
	for (const [local, { imported }] of importedNames(sf))
		if (CLASS_NAMES.has(imported)) names.add(local);
	return names;
}

/** The raising of a SmithersError: `new SmithersError(…)` or, in a subclass's constructor, `super(…)`. */
export function raisedArguments(
	node: ts.Node,
	names: ReadonlySet<string>
): ts.NodeArray<ts.Expression> | undefined {
	if (
		ts.isNewExpression(node) &&
		ts.isIdentifier(node.expression) &&
		names.has(node.expression.text)
	)
		return node.arguments;
	if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
		const cls = enclosingClass(node);
		const base = cls?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
			?.types[0]?.expression;
		if (base && ts.isIdentifier(base) && names.has(base.text)) return node.arguments;
	}
	return undefined;
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
	for (let n = node.parent; n; n = n.parent) if (ts.isClassLike(n)) return n;
	return undefined;
}

/** The name a function-like is called by: its declaration's, its variable's, or (a constructor) its class's. */
function calledAs(
	fn: ts.SignatureDeclaration
): { name: string; kind: 'class' | 'function' } | undefined {
	if (ts.isConstructorDeclaration(fn))
		return fn.parent.name ? { name: fn.parent.name.text, kind: 'class' } : undefined;
	if (ts.isFunctionDeclaration(fn))
		return fn.name ? { name: fn.name.text, kind: 'function' } : undefined;
	if (
		(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
		ts.isVariableDeclaration(fn.parent) &&
		ts.isIdentifier(fn.parent.name)
	) {
		return { name: fn.parent.name.text, kind: 'function' };
	}
	return undefined;
}

/** The function whose parameter an identifier is, searching outwards, with the parameter's index. */
function parameterOf(
	id: ts.Identifier
): { fn: ts.SignatureDeclaration; index: number; fallback?: ts.Expression } | undefined {
	for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
		if (!ts.isFunctionLike(n)) continue;
		const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
		if (index !== -1) {
			const fallback = n.parameters[index]!.initializer;
			return fallback ? { fn: n, index, fallback } : { fn: n, index };
		}
	}
	return undefined;
}

/** A raising whose code or message (or both) is a parameter of a named function or constructor; the code otherwise a literal. */
function forwarderOf(file: PackageFile, args: ts.NodeArray<ts.Expression>): Forwarder | undefined {
	const [codeArg, messageArg] = [args[0] && unwrap(args[0]), args[1] && unwrap(args[1])];
	const codeParam = codeArg && ts.isIdentifier(codeArg) ? parameterOf(codeArg) : undefined;
	const messageParam =
		messageArg && ts.isIdentifier(messageArg) ? parameterOf(messageArg) : undefined;
	const fn = codeParam?.fn ?? messageParam?.fn;
	if (!fn || (codeParam && messageParam && codeParam.fn !== messageParam.fn)) return undefined;
	const named = calledAs(fn);
	if (!named || !codeArg || !messageArg) return undefined;
	const literal =
		ts.isStringLiteral(codeArg) || ts.isNoSubstitutionTemplateLiteral(codeArg)
			? codeArg.text
			: undefined;
	const code: Source | undefined = codeParam
		? param(codeParam)
		: literal !== undefined
			? { literal }
			: undefined;
	if (!code) return undefined;
	return {
		...named,
		file,
		code,
		message: messageParam ? param(messageParam) : { fixed: args[1]! },
	};
}

function param(p: { index: number; fallback?: ts.Expression }): Source {
	return p.fallback ? { param: p.index, fallback: p.fallback } : { param: p.index };
}

/** Every subclass and helper in a set of files. */
export function findForwarders(files: Iterable<PackageFile>): Forwarder[] {
	const found: Forwarder[] = [];
	for (const file of files) {
		const names = smithersErrorNames(file.sf);
		const visit = (node: ts.Node): void => {
			const args = raisedArguments(node, names);
			const forwarder = args && forwarderOf(file, args);
			if (forwarder) found.push(forwarder);
			ts.forEachChild(node, visit);
		};
		visit(file.sf);
	}
	return found;
}

/**
 * The forwarders a file can call, by the local name it calls them by: those it declares, and those it
 * imports from the file that declares them (`resolve` maps an import specifier to a file).
 */
export function forwardersIn(
	file: PackageFile,
	forwarders: readonly Forwarder[],
	resolve: (specifier: string) => PackageFile | undefined
): Map<string, Forwarder> {
	const local = new Map<string, Forwarder>();
	for (const f of forwarders) if (f.file === file) local.set(f.name, f);
	for (const [name, { imported, specifier }] of importedNames(file.sf)) {
		const candidates = forwarders.filter((f) => f.name === imported && f.file !== file);
		if (candidates.length === 0) continue;
		const target = resolve(specifier);
		const match = candidates.find((f) => f.file === target);
		if (match) local.set(name, match);
	}
	return local;
}
