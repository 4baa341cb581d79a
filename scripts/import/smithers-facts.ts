/**
 * What Smithers' packages state about its errors beyond the call sites: the catalog
 * (`smithersErrorDefinitions`), the error reference URL, the error class's default name, the CLI's
 * error line (incur's `formatHumanError`) and the server's HTTP error body. Each read from the AST,
 * failing with `file:line: what was expected` when the code no longer has the shape read here.
 * Pure: works on parsed files.
 */
import ts from 'typescript';
import type { CatalogCode, Fact, MessagePart } from '../../src/registry/package-extract.ts';
import { mergeParts, messageParts, unwrap } from './message-parts.ts';
import { propertyValue } from './smithers-sites.ts';
import { siteAt, type PackageFile } from './package-modules.ts';

/** Raised when a package's code does not have the shape the importer reads. */
export class ShapeError extends Error {}

function fail(file: PackageFile, node: ts.Node, expected: string): never {
	throw new ShapeError(`${siteAt(file, node)}: expected ${expected}`);
}

function line(file: PackageFile, node: ts.Node): number {
	return file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf)).line + 1;
}

function find<T extends ts.Node>(root: ts.Node, test: (n: ts.Node) => n is T): T | undefined {
	let found: T | undefined;
	const visit = (n: ts.Node): void => {
		if (found) return;
		if (test(n)) found = n;
		else ts.forEachChild(n, visit);
	};
	visit(root);
	return found;
}

/** The top-level `const name = …` of a file. */
function constDeclaration(file: PackageFile, name: string): ts.VariableDeclaration {
	for (const statement of file.sf.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const d of statement.declarationList.declarations)
			if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d;
	}
	return fail(file, file.sf, `a top-level \`const ${name} = …\``);
}

function text(
	file: PackageFile,
	node: ts.Expression | undefined,
	what: string,
	at: ts.Node
): string {
	const n = node && unwrap(node);
	if (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n))) return n.text;
	return fail(file, n ?? at, `${what} to be a string literal`);
}

/** `export const smithersErrorDefinitions = { CODE: { category, when, details? }, … }`, in source order. */
export function readCatalog(file: PackageFile, name = 'smithersErrorDefinitions'): CatalogCode[] {
	const init = unwrap(constDeclaration(file, name).initializer!);
	if (!ts.isObjectLiteralExpression(init))
		return fail(file, init, `\`${name}\` to be an object literal`);
	return init.properties.map((p) => {
		if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
			return fail(file, p, '`CODE: { … }`');
		const entry = unwrap(p.initializer);
		if (!ts.isObjectLiteralExpression(entry))
			return fail(file, entry, `${p.name.text} to be an object literal`);
		const known = new Set(['category', 'when', 'details']);
		for (const q of entry.properties)
			if (!q.name || !ts.isIdentifier(q.name) || !known.has(q.name.text))
				fail(file, q, 'only `category`, `when` and `details`');
		const details = propertyValue(entry, 'details');
		return {
			code: p.name.text,
			category: text(file, propertyValue(entry, 'category'), `${p.name.text}.category`, entry),
			when: text(file, propertyValue(entry, 'when'), `${p.name.text}.when`, entry),
			...(details ? { details: text(file, details, `${p.name.text}.details`, entry) } : {}),
			line: line(file, p.name),
		};
	});
}

/** `export const NAME = "…"`. */
export function readConstString(file: PackageFile, name: string): Fact<string> {
	const d = constDeclaration(file, name);
	return { value: text(file, d.initializer, name, d), at: siteAt(file, d) };
}

/**
 * `export const smithersTaggedErrorCodes = { Tag: "CODE", … }`: the code each tagged error
 * (`Data.TaggedError("Tag")`) stands for, by tag, in source order.
 */
export function readTaggedErrorCodes(
	file: PackageFile,
	name = 'smithersTaggedErrorCodes'
): Fact<Record<string, string>> {
	const d = constDeclaration(file, name);
	const init = unwrap(d.initializer!);
	if (!ts.isObjectLiteralExpression(init))
		return fail(file, init, `\`${name}\` to be an object literal`);
	const value: Record<string, string> = {};
	for (const p of init.properties) {
		if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
			return fail(file, p, '`Tag: "CODE"`');
		value[p.name.text] = text(file, p.initializer, `${name}.${p.name.text}`, p);
	}
	return { value, at: siteAt(file, d) };
}

/** The default of `this.name = options.name ?? "SmithersError"` in the class's constructor. */
export function readErrorClassName(file: PackageFile, className = 'SmithersError'): Fact<string> {
	const cls = find(
		file.sf,
		(n): n is ts.ClassDeclaration => ts.isClassDeclaration(n) && n.name?.text === className
	);
	const ctor = cls?.members.find(ts.isConstructorDeclaration);
	if (!ctor) return fail(file, cls ?? file.sf, `class ${className} with a constructor`);
	const assign = find(
		ctor,
		(n): n is ts.BinaryExpression =>
			ts.isBinaryExpression(n) &&
			n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
			n.left.getText(file.sf) === 'this.name'
	);
	if (!assign) return fail(file, ctor, '`this.name = …` in the constructor');
	const value = unwrap(assign.right);
	const fallback =
		ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
			? value.right
			: value;
	return {
		value: text(file, fallback, 'the default `this.name`', assign),
		at: siteAt(file, assign),
	};
}

/** Parts rendered as a template: placeholders as `{name}`. */
export function renderParts(parts: readonly MessagePart[]): string {
	return parts.map((p) => (typeof p === 'string' ? p : `{${p.name}}`)).join('');
}

/** The string literals `x.code` is compared to in `x.code === 'A' || x.code === 'B'`. */
function comparedCodes(file: PackageFile, node: ts.Expression): string[] {
	const n = unwrap(node);
	if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.BarBarToken)
		return [...comparedCodes(file, n.left), ...comparedCodes(file, n.right)];
	if (
		ts.isBinaryExpression(n) &&
		(n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
			n.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)
	) {
		const [a, b] = [unwrap(n.left), unwrap(n.right)];
		const literal = ts.isStringLiteral(b) ? b : ts.isStringLiteral(a) ? a : undefined;
		const other = literal === b ? a : b;
		if (literal && ts.isPropertyAccessExpression(other) && other.name.text === 'code')
			return [literal.text];
	}
	return fail(file, n, '`error.code === "…"` comparisons joined by `||`');
}

/**
 * incur's `formatHumanError(error)`: `const prefix = <codes> ? 'Error' : `Error (${error.code})``, then
 * `` `${prefix}: ${error.message}` ``. The line with the prefix substituted, and the codes printed
 * with the plain prefix (checked to read `Error: {message}`).
 */
export function readCliLine(
	file: PackageFile,
	fnName = 'formatHumanError'
): Fact<string> & { plainFor: string[] } {
	const fn = find(
		file.sf,
		(n): n is ts.FunctionDeclaration => ts.isFunctionDeclaration(n) && n.name?.text === fnName
	);
	if (!fn?.body) return fail(file, file.sf, `function ${fnName}`);
	const prefix = find(
		fn.body,
		(n): n is ts.VariableDeclaration =>
			ts.isVariableDeclaration(n) && n.name.getText(file.sf) === 'prefix'
	);
	const choice = prefix?.initializer && unwrap(prefix.initializer);
	if (!choice || !ts.isConditionalExpression(choice))
		return fail(file, prefix ?? fn, '`const prefix = cond ? … : …`');
	const usesPrefix = (n: ts.Node): n is ts.TemplateExpression =>
		ts.isTemplateExpression(n) &&
		n.templateSpans.some((s) => ts.isIdentifier(s.expression) && s.expression.text === 'prefix');
	const line = find(fn.body, usesPrefix);
	if (!line) return fail(file, fn, 'a template using `${prefix}`');
	const render = (prefixPart: ts.Expression): string => {
		const own = messageParts(prefixPart, file.sf);
		if (!own) return fail(file, prefixPart, 'the prefix to be a literal or template');
		const parts = messageParts(line, file.sf)!.flatMap((p) =>
			typeof p !== 'string' && p.expr === 'prefix' ? own : [p]
		);
		return renderParts(mergeParts(parts));
	};
	const plain = render(choice.whenTrue);
	if (plain !== 'Error: {message}')
		return fail(file, choice.whenTrue, `the plain line to read "Error: {message}", not "${plain}"`);
	return {
		value: render(choice.whenFalse),
		plainFor: comparedCodes(file, choice.condition).sort(),
		at: siteAt(file, fn),
	};
}

/**
 * The body the server sends for an `HttpError`: the object literal under `if (err instanceof HttpError)`,
 * as dotted field names. A field taken from `err.x` is marked `x?` when a `new HttpError(…)` in the
 * file leaves out the constructor argument that sets `this.x`.
 */
export function readHttpBody(file: PackageFile, className = 'HttpError'): Fact<string[]> {
	const guard = find(
		file.sf,
		(n): n is ts.IfStatement =>
			ts.isIfStatement(n) &&
			ts.isBinaryExpression(n.expression) &&
			n.expression.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword &&
			n.expression.right.getText(file.sf) === className
	);
	const body =
		guard &&
		find(
			guard.thenStatement,
			(n): n is ts.ObjectLiteralExpression =>
				ts.isObjectLiteralExpression(n) && propertyValue(n, 'error') !== undefined
		);
	if (!guard || !body)
		return fail(
			file,
			guard ?? file.sf,
			`an object literal with \`error\` sent under \`if (… instanceof ${className})\``
		);
	const caught = unwrap((guard.expression as ts.BinaryExpression).left).getText(file.sf);
	const optional = optionalFields(file, className);
	const fields = (o: ts.ObjectLiteralExpression, prefix: string): string[] =>
		o.properties.flatMap((p) => {
			if (!p.name || !ts.isIdentifier(p.name)) return fail(file, p, 'named fields');
			const value = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
			if (value && ts.isObjectLiteralExpression(value))
				return fields(value, `${prefix}${p.name.text}.`);
			const from =
				value &&
				ts.isPropertyAccessExpression(value) &&
				value.expression.getText(file.sf) === caught
					? value.name.text
					: undefined;
			return [`${prefix}${p.name.text}${from && optional.has(from) ? '?' : ''}`];
		});
	return { value: fields(body, ''), at: siteAt(file, body) };
}

/** The fields of a class a `new` in the file can leave unset: `this.x = param` where a call passes fewer arguments than that parameter's position. */
function optionalFields(file: PackageFile, className: string): Set<string> {
	const cls = find(
		file.sf,
		(n): n is ts.ClassDeclaration => ts.isClassDeclaration(n) && n.name?.text === className
	);
	const ctor = cls?.members.find(ts.isConstructorDeclaration);
	if (!ctor?.body) return fail(file, cls ?? file.sf, `class ${className} with a constructor`);
	const fewest = Math.min(...newCalls(file, className).map((n) => n.arguments?.length ?? 0));
	const optional = new Set<string>();
	for (const statement of ctor.body.statements) {
		if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression))
			continue;
		const { left, right } = statement.expression;
		if (
			!ts.isPropertyAccessExpression(left) ||
			left.expression.kind !== ts.SyntaxKind.ThisKeyword ||
			!ts.isIdentifier(right)
		)
			continue;
		const index = ctor.parameters.findIndex(
			(p) => ts.isIdentifier(p.name) && p.name.text === right.text
		);
		if (index !== -1 && (index >= fewest || ctor.parameters[index]!.initializer))
			optional.add(left.name.text);
	}
	return optional;
}

function newCalls(file: PackageFile, className: string): ts.NewExpression[] {
	const calls: ts.NewExpression[] = [];
	const visit = (n: ts.Node): void => {
		if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === className)
			calls.push(n);
		ts.forEachChild(n, visit);
	};
	visit(file.sf);
	return calls;
}
