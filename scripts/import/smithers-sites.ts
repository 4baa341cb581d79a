/**
 * The places a file raises or sends a Smithers error with a code: `new SmithersError(code, message, …)`
 * (and `super(…)` in its subclasses, and calls to its subclasses and helpers), `new HttpError(status,
 * code, message, …)`, and, in the server package, literal HTTP bodies `{ error: { code, message } }`.
 * Pure: works on a parsed file.
 */
import ts from 'typescript';
import type { SkippedSite, ThrownSite } from '../../src/registry/package-extract.ts';
import { messageParts, unwrap } from './message-parts.ts';
import { raisedArguments, smithersErrorNames, type Forwarder } from './smithers-forwarders.ts';
import { siteAt, type PackageFile } from './package-modules.ts';

export interface FileSites {
	thrown: ThrownSite[];
	skipped: SkippedSite[];
}

export interface SiteOptions {
	/** The subclasses and helpers the file can call, by the name it calls them by. */
	forwarders?: ReadonlyMap<string, Forwarder>;
	/** Read literal HTTP bodies too (the server package). */
	bodies?: boolean;
}

/** An expression and the file it is written in (a helper's default message is in the helper's file). */
interface Written {
	node: ts.Expression;
	sf: ts.SourceFile;
}

function literalText(node: ts.Expression): string | undefined {
	const n = unwrap(node);
	return ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : undefined;
}

function numberLiteral(node: ts.Expression): number | undefined {
	const n = unwrap(node);
	return ts.isNumericLiteral(n) ? Number(n.text) : undefined;
}

/** One site from its code and message expressions: a thrown site, or a skipped one saying why. */
function site(
	kind: ThrownSite['kind'],
	at: string,
	code: Written | string | undefined,
	message: Written | undefined,
	status?: number
): ThrownSite | SkippedSite {
	if (code === undefined) return { at, reason: 'no code argument' };
	const literal = typeof code === 'string' ? code : literalText(code.node);
	if (literal === undefined)
		return {
			at,
			reason: `code is not a literal: ${(code as Written).node.getText((code as Written).sf)}`,
		};
	if (!message) return { at, reason: 'no message argument' };
	const parts = messageParts(message.node, message.sf);
	return {
		code: literal,
		kind,
		...(status === undefined ? {} : { status }),
		source: message.node.getText(message.sf),
		...(parts ? { parts } : {}),
		at,
	};
}

function argument(
	args: readonly ts.Expression[] | undefined,
	index: number,
	sf: ts.SourceFile
): Written | undefined | 'spread' {
	for (let i = 0; i <= index; i++) if (args?.[i] && ts.isSpreadElement(args[i]!)) return 'spread';
	const node = args?.[index];
	return node ? { node, sf } : undefined;
}

/** A call to a subclass or helper: the code and message it passes on. */
function forwardedSite(
	forwarder: Forwarder,
	args: readonly ts.Expression[] | undefined,
	file: PackageFile,
	at: string
): ThrownSite | SkippedSite {
	const pick = (source: Forwarder['code']): Written | string | undefined | 'spread' => {
		if ('literal' in source) return source.literal;
		if ('fixed' in source) return { node: source.fixed, sf: forwarder.file.sf };
		const given = argument(args, source.param, file.sf);
		return given ?? (source.fallback && { node: source.fallback, sf: forwarder.file.sf });
	};
	const code = pick(forwarder.code);
	const message = pick(forwarder.message);
	if (code === 'spread' || message === 'spread')
		return { at, reason: `arguments are spread: ${forwarder.name}(…)` };
	return site('SmithersError', at, code, typeof message === 'string' ? undefined : message);
}

/** The `{ code, message }` of a body's `error` property, when the object is shaped `{ error: { code, message, … } }`. */
function bodyError(
	node: ts.ObjectLiteralExpression
): { code: ts.Expression; message: ts.Expression } | undefined {
	const error = propertyValue(node, 'error');
	const inner = error && unwrap(error);
	if (!inner || !ts.isObjectLiteralExpression(inner)) return undefined;
	const code = propertyValue(inner, 'code');
	const message = propertyValue(inner, 'message');
	return code && message ? { code, message } : undefined;
}

/** A property's value in an object literal (`name` for a shorthand `{ name }`). */
export function propertyValue(
	node: ts.ObjectLiteralExpression,
	name: string
): ts.Expression | undefined {
	for (const p of node.properties) {
		if (
			!p.name ||
			(!ts.isIdentifier(p.name) && !ts.isStringLiteral(p.name)) ||
			p.name.text !== name
		)
			continue;
		if (ts.isPropertyAssignment(p)) return p.initializer;
		if (ts.isShorthandPropertyAssignment(p)) return p.name;
	}
	return undefined;
}

/**
 * The status a body is sent with, when the call sending it states it as a number literal: a sibling
 * argument (`sendJson(res, 404, body)`, `c.json(body, 404)`) or a `status:` beside it
 * (`new Response(JSON.stringify(body), { status: 404 })`).
 */
function bodyStatus(body: ts.Node): number | undefined {
	let node: ts.Node = body;
	while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent))
		node = node.parent;
	let call = node.parent;
	if (ts.isCallExpression(call) && call.expression.getText() === 'JSON.stringify') {
		node = call;
		call = call.parent;
	}
	if (
		!(ts.isCallExpression(call) || ts.isNewExpression(call)) ||
		!call.arguments?.includes(node as ts.Expression)
	)
		return undefined;
	const siblings = call.arguments.filter((a) => a !== node);
	const numbers = siblings.map(numberLiteral).filter((n) => n !== undefined);
	if (numbers.length === 1) return numbers[0];
	const stated = siblings
		.map(unwrap)
		.filter(ts.isObjectLiteralExpression)
		.map((o) => propertyValue(o, 'status'))
		.map((s) => (s ? numberLiteral(s) : undefined))
		.filter((n) => n !== undefined);
	return stated.length === 1 ? stated[0] : undefined;
}

/** Every site in one file. */
export function readSites(file: PackageFile, options: SiteOptions = {}): FileSites {
	const { sf } = file;
	const names = smithersErrorNames(sf);
	const out: FileSites = { thrown: [], skipped: [] };
	const add = (s: ThrownSite | SkippedSite) =>
		'reason' in s ? out.skipped.push(s) : out.thrown.push(s);
	const visit = (node: ts.Node): void => {
		const raised = raisedArguments(node, names);
		if (raised) {
			const code = argument(raised, 0, sf);
			const message = argument(raised, 1, sf);
			if (code === 'spread' || message === 'spread')
				add({ at: siteAt(file, node), reason: `arguments are spread: ${node.getText(sf)}` });
			else add(site('SmithersError', siteAt(file, node), code, message));
		} else if (
			ts.isNewExpression(node) &&
			ts.isIdentifier(node.expression) &&
			node.expression.text === 'HttpError'
		) {
			const status = node.arguments?.[0] && numberLiteral(node.arguments[0]);
			const code = argument(node.arguments, 1, sf);
			const message = argument(node.arguments, 2, sf);
			if (code === 'spread' || message === 'spread')
				add({ at: siteAt(file, node), reason: `arguments are spread: ${node.getText(sf)}` });
			else add(site('HttpError', siteAt(file, node), code, message, status));
		} else if (
			(ts.isCallExpression(node) || ts.isNewExpression(node)) &&
			ts.isIdentifier(node.expression)
		) {
			const forwarder = options.forwarders?.get(node.expression.text);
			if (forwarder && (forwarder.kind === 'class') === ts.isNewExpression(node))
				add(forwardedSite(forwarder, node.arguments, file, siteAt(file, node)));
		} else if (options.bodies && ts.isObjectLiteralExpression(node)) {
			const error = bodyError(node);
			if (error)
				add(
					site(
						'body',
						siteAt(file, node),
						{ node: error.code, sf },
						{ node: error.message, sf },
						bodyStatus(node)
					)
				);
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return out;
}
