/**
 * A message argument read into literal text and named placeholders, from the TypeScript AST:
 * `` `Run ${runId} timed out after ${desc.timeoutMs}ms` `` → ['Run ', {runId}, ' timed out after ', {timeoutMs}, 'ms'].
 * Pure: no I/O.
 */
import ts from 'typescript';
import type { MessagePart } from '../../src/registry/package-extract.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parentheses, `as`, `satisfies`, `<T>x` and `x!` removed. */
export function unwrap(node: ts.Expression): ts.Expression {
	let n = node;
	while (
		ts.isParenthesizedExpression(n) ||
		ts.isAsExpression(n) ||
		ts.isSatisfiesExpression(n) ||
		ts.isTypeAssertionExpression(n) ||
		ts.isNonNullExpression(n)
	) {
		n = n.expression;
	}
	return n;
}

function validName(text: string): string | undefined {
	const bare = text.startsWith('#') ? text.slice(1) : text;
	return NAME.test(bare) ? bare : undefined;
}

function isLiteralText(
	node: ts.Expression
): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
	return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/**
 * The name an expression gives a placeholder, or undefined when it names nothing:
 * `runId` → runId; `desc.timeoutMs`, `c.args?.runId` → the last property; `x["key"]` → key;
 * `String(x)`, `JSON.stringify(opts.x)` → the single argument's name; `ids.join(", ")`, `x.toString()`
 * → the receiver's name; `a ?? b`, `a || b`, `a && b`, `cond ? a : b` → the first of a, b that has one.
 */
export function placeholderName(node: ts.Expression): string | undefined {
	const n = unwrap(node);
	if (ts.isIdentifier(n)) return validName(n.text);
	if (ts.isPropertyAccessExpression(n)) return validName(n.name.text);
	if (ts.isElementAccessExpression(n)) {
		const key = unwrap(n.argumentExpression);
		return isLiteralText(key) ? validName(key.text) : undefined;
	}
	if (ts.isCallExpression(n)) {
		const only = n.arguments.length === 1 ? n.arguments[0] : undefined;
		const fromArgument = only && !ts.isSpreadElement(only) ? placeholderName(only) : undefined;
		if (fromArgument) return fromArgument;
		const callee = unwrap(n.expression);
		if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))
			return placeholderName(callee.expression);
		return undefined;
	}
	if (ts.isBinaryExpression(n)) {
		const op = n.operatorToken.kind;
		if (
			op === ts.SyntaxKind.QuestionQuestionToken ||
			op === ts.SyntaxKind.BarBarToken ||
			op === ts.SyntaxKind.AmpersandAmpersandToken
		) {
			return placeholderName(n.left) ?? placeholderName(n.right);
		}
		return undefined;
	}
	if (ts.isConditionalExpression(n))
		return placeholderName(n.whenTrue) ?? placeholderName(n.whenFalse);
	return undefined;
}

/** Hands out placeholder names within one message: the same expression keeps its name; another expression with a taken name gets `name2`, `name3`. */
class Namer {
	private readonly byExpr = new Map<string, string>();
	private readonly taken = new Set<string>();

	name(node: ts.Expression, sf: ts.SourceFile): { name: string; expr: string } {
		const expr = node.getText(sf);
		const known = this.byExpr.get(expr);
		if (known) return { name: known, expr };
		const base = placeholderName(node) ?? 'value';
		let name = base;
		for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
		this.taken.add(name);
		this.byExpr.set(expr, name);
		return { name, expr };
	}
}

/** `a + b + c` (left-associative) → [a, b, c]; a parenthesised `+` stays one operand. */
function plusOperands(node: ts.Expression): ts.Expression[] {
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
		return [...plusOperands(node.left), node.right];
	}
	return [node];
}

function isText(node: ts.Expression): boolean {
	const n = unwrap(node);
	return isLiteralText(n) || ts.isTemplateExpression(n);
}

/** Adjacent strings merged, empty strings dropped. */
export function mergeParts(parts: MessagePart[]): MessagePart[] {
	const out: MessagePart[] = [];
	for (const part of parts) {
		if (part === '') continue;
		const last = out[out.length - 1];
		if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
		else out.push(part);
	}
	return out;
}

/**
 * The parts of a message that is a string literal, a template literal, or a `+` concatenation of
 * those and expressions; undefined for anything else (an identifier, `err.message`, a call).
 * Operands added before the first text are one value, as JavaScript adds them (`a + b + "x"`).
 */
export function messageParts(node: ts.Expression, sf: ts.SourceFile): MessagePart[] | undefined {
	const message = unwrap(node);
	const operands = ts.isBinaryExpression(message) ? plusOperands(message) : [message];
	const firstText = operands.findIndex(isText);
	if (firstText === -1) return undefined;
	const namer = new Namer();
	const parts: MessagePart[] = [];
	if (firstText > 0) {
		// The operands before the first text are summed first: one value, written from the first to the last.
		const lead = operands.slice(0, firstText);
		const head = lead.length === 1 ? lead[0]! : leadingSum(message, firstText);
		parts.push(namer.name(head, sf));
	}
	for (const operand of operands.slice(firstText)) {
		const o = unwrap(operand);
		if (isLiteralText(o)) parts.push(o.text);
		else if (ts.isTemplateExpression(o)) {
			parts.push(o.head.text);
			for (const span of o.templateSpans)
				parts.push(namer.name(span.expression, sf), span.literal.text);
		} else parts.push(namer.name(operand, sf));
	}
	return mergeParts(parts);
}

/** The `+` node that sums the first `count` operands of a left-associative chain. */
function leadingSum(chain: ts.Expression, count: number): ts.Expression {
	let node = chain;
	let length = plusOperands(chain).length;
	while (length > count && ts.isBinaryExpression(node)) {
		node = node.left;
		length--;
	}
	return node;
}
