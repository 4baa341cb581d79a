/**
 * A lenient reader for JSON and the JSON-like text that ends up in logs: Node's `util.inspect`
 * (`{ code: 'X', [cause]: Error: … { … } }`), Python dicts (`{'code': 'X', 'ok': False}`),
 * comments, trailing or missing commas, and payloads cut off mid-way (whatever was read before
 * the cut is kept). It never rejects: it salvages.
 *
 * Untrusted input rules: iterative (an explicit stack, never recursion on the input's depth),
 * depth and node counts bounded by the Budget, objects held in Maps (a `__proto__` key is just a
 * key), numbers kept as the text they were written as.
 */
import { LabelReader } from './inspected-error.ts';
import type { Budget } from './limits.ts';
import {
	isDigit,
	isKeyChar,
	isLetter,
	isNumberChar,
	isStructural,
	readString,
	skipSpaces,
} from './json-lexis.ts';

interface Span {
	/** Offset of the value's first character in the text it was read from. */
	start: number;
	/** Offset just past its last character (the end of the text when it was cut off). */
	end: number;
}

export interface JsonObject extends Span {
	kind: 'object';
	fields: Map<string, JsonNode>;
	/** Text written just before the `{`, as util.inspect does for errors (`Error: boom\n at …`). */
	label?: string;
	/**
	 * True when it reads as data, not as prose that happened to contain a `{`: at least one
	 * `key: value` pair and no key without its separator.
	 */
	credible: boolean;
}

export interface JsonArray extends Span {
	kind: 'array';
	items: JsonNode[];
}

export interface JsonScalar extends Span {
	/** `literal` is true/false/null (and their Python and JS spellings); `bare` is unquoted text. */
	kind: 'string' | 'number' | 'literal' | 'bare';
	/** A string's decoded value; a number's or bare word's text as written; `true`, `false` or `null`. */
	text: string;
}

export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface ParseResult {
	/** The value read, or undefined when the text at `start` held none. */
	value: JsonNode | undefined;
	/** Where reading stopped: just past the value, or where a bound stopped it. */
	end: number;
}

const KEY = 0;
const SEPARATOR = 1;
const VALUE = 2;

interface Frame {
	node: JsonObject | JsonArray;
	/** For objects: what comes next. */
	state: number;
	key: string | undefined;
	separated: number;
	sloppy: number;
}

const LITERALS: Record<string, string> = {
	true: 'true',
	True: 'true',
	false: 'false',
	False: 'false',
	null: 'null',
	None: 'null',
	nil: 'null',
	undefined: 'null',
};

/**
 * Reads one value starting at `start` (a `{` or `[`). Containers still open where the text
 * ends, or where a bound stops reading, are closed there.
 */
export function parseLenient(src: string, start: number, budget: Budget): ParseResult {
	const n = src.length;
	const maxDepth = budget.limits.maxJsonDepth;
	const stack: Frame[] = [];
	let root: JsonNode | undefined;
	let label: string | undefined;
	let skip = 0;
	let i = start;
	let labels: LabelReader | undefined;

	scan: while (i < n) {
		const c = src.charCodeAt(i);
		if (c === 32 || c === 10 || c === 9 || c === 13) {
			i++;
			continue;
		}
		if (c === 47) {
			const d = src.charCodeAt(i + 1);
			if (d === 47) {
				const nl = src.indexOf('\n', i);
				i = nl < 0 ? n : nl;
				continue;
			}
			if (d === 42) {
				const e = src.indexOf('*/', i + 2);
				i = e < 0 ? n : e + 2;
				continue;
			}
		}
		if (skip > 0) {
			i = skipContainer(src, i);
			skip = 0;
			dropValue(stack);
			continue;
		}

		const top = stack[stack.length - 1];
		if (top && top.node.kind === 'object' && top.state !== VALUE) {
			if (top.state === KEY) {
				if (c === 125) {
					closeTop(stack, i + 1);
					i++;
					if (stack.length === 0) break;
					continue;
				}
				if (c === 44 || c === 59) {
					i++;
					continue;
				}
				if (c === 34 || c === 39) {
					const s = readString(src, i);
					top.key = s.text;
					top.state = SEPARATOR;
					i = s.end;
					continue;
				}
				if (c === 91) {
					// util.inspect writes symbol-like keys in brackets: `[cause]: …`.
					const close = src.indexOf(']', i);
					if (close > i && close - i <= 64 && src.charCodeAt(skipSpaces(src, close + 1)) === 58) {
						top.key = src.slice(i + 1, close);
						top.state = SEPARATOR;
						i = close + 1;
						continue;
					}
				}
				if (isKeyChar(c)) {
					let j = i + 1;
					while (j < n && isKeyChar(src.charCodeAt(j))) j++;
					top.key = src.slice(i, j);
					top.state = SEPARATOR;
					i = j;
					continue;
				}
				// Something other than a key where a key belongs: keep it as a value.
				top.sloppy++;
				top.state = VALUE;
			} else {
				if (c === 58) {
					top.separated++;
					top.state = VALUE;
					i++;
					continue;
				}
				if (c === 61) {
					top.separated++;
					top.state = VALUE;
					i += src.charCodeAt(i + 1) === 62 ? 2 : 1;
					continue;
				}
				top.sloppy++;
				if (c === 44 || c === 125) {
					// A key alone (`{ id }`): nothing to keep.
					dropValue(stack);
					continue;
				}
				top.state = VALUE;
			}
		}

		// A value belongs here.
		if (c === 125 || c === 93) {
			if (!top) break;
			dropValue(stack);
			closeMatching(stack, c === 125 ? 'object' : 'array', i + 1);
			i++;
			if (stack.length === 0) break;
			continue;
		}
		if (c === 44 || c === 59) {
			if (!top) break;
			dropValue(stack);
			if (top.node.kind === 'object') top.sloppy++;
			i++;
			continue;
		}
		if (c === 123 || c === 91) {
			if (stack.length >= maxDepth) {
				budget.exceeded('depth');
				skip = 1;
				label = undefined;
				i++;
				continue;
			}
			if (!countNode(budget)) break;
			const node: JsonObject | JsonArray =
				c === 123
					? { kind: 'object', start: i, end: n, fields: new Map(), credible: false }
					: { kind: 'array', start: i, end: n, items: [] };
			if (label !== undefined && node.kind === 'object') node.label = label;
			label = undefined;
			if (place(stack, node)) root = node;
			stack.push({ node, state: KEY, key: undefined, separated: 0, sloppy: 0 });
			i++;
			continue;
		}
		if (!top) break;
		// `"…"`, `'…'`, and `` `…` ``, as util.inspect quotes a string that holds both other quotes.
		if (c === 34 || c === 39 || c === 96) {
			const s = readString(src, i);
			if (!countNode(budget)) break;
			const value: JsonScalar = { kind: 'string', start: i, end: s.end, text: s.text };
			if (place(stack, value)) root = value;
			i = s.end;
			continue;
		}
		if (isDigit(c) || ((c === 45 || c === 43 || c === 46) && isDigit(src.charCodeAt(i + 1)))) {
			let j = i + 1;
			while (j < n && isNumberChar(src.charCodeAt(j))) j++;
			if (!countNode(budget)) break;
			const value: JsonScalar = { kind: 'number', start: i, end: j, text: src.slice(i, j) };
			if (place(stack, value)) root = value;
			i = j;
			continue;
		}
		let w = i;
		while (w < n && isLetter(src.charCodeAt(w))) w++;
		const word = src.slice(i, w);
		if (w > i && Object.hasOwn(LITERALS, word) && !isKeyChar(src.charCodeAt(w))) {
			if (!countNode(budget)) break scan;
			const value: JsonScalar = { kind: 'literal', start: i, end: w, text: LITERALS[word]! };
			if (place(stack, value)) root = value;
			i = w;
			continue;
		}
		// Bare text, up to the next structural character: `PORT_IN_USE`, `[Object]`'s insides;
		// or an error as util.inspect writes it (`Error: boom, again\n    at …`), up to its stack's
		// end, before its fields' `{`: its message may hold `,` `{` `[` of its own.
		const inspected = (labels ??= new LabelReader(src, budget.limits.maxLabelChars)).at(i);
		let j = w;
		if (inspected) j = inspected.next;
		else while (j < n && !isStructural(src.charCodeAt(j))) j++;
		const text = src.slice(i, inspected ? inspected.end : j).trimEnd();
		const at = i;
		i = j;
		if (src.charCodeAt(j) === 123) {
			if (text.length > budget.limits.maxLabelChars) budget.exceeded('line');
			label =
				text.length > budget.limits.maxLabelChars
					? text.slice(0, budget.limits.maxLabelChars)
					: text;
			continue;
		}
		if (!countNode(budget)) break;
		const value: JsonScalar = { kind: 'bare', start: at, end: j, text };
		if (place(stack, value)) root = value;
	}
	while (stack.length) closeTop(stack, i);
	return { value: root, end: i };
}

/** Counts one value read; false (and the bound marked) once the paste's values are all spent. */
function countNode(budget: Budget): boolean {
	if (++budget.jsonNodes <= budget.limits.maxJsonNodes) return true;
	return budget.exceeded('nodes');
}

/** Puts a value in the open container; true when there is none, and the value is the root. */
function place(stack: Frame[], value: JsonNode): boolean {
	const top = stack[stack.length - 1];
	if (!top) return true;
	if (top.node.kind === 'array') top.node.items.push(value);
	else {
		top.node.fields.set(top.key ?? String(top.node.fields.size), value);
		top.key = undefined;
		top.state = KEY;
	}
	return false;
}

/** A value slot that ends up empty (`{"a": }`, a skipped container): the object waits for a key again. */
function dropValue(stack: Frame[]): void {
	const top = stack[stack.length - 1];
	if (top && top.node.kind === 'object') {
		top.key = undefined;
		top.state = KEY;
	}
}

function closeTop(stack: Frame[], at: number): void {
	const frame = stack.pop()!;
	frame.node.end = at;
	if (frame.node.kind === 'object') frame.node.credible = frame.separated > 0 && frame.sloppy === 0;
}

/** Closes up to the innermost open container of `kind`; a closer that matches none is ignored. */
function closeMatching(stack: Frame[], kind: 'object' | 'array', at: number): void {
	let k = stack.length - 1;
	while (k >= 0 && stack[k]!.node.kind !== kind) k--;
	if (k < 0) return;
	while (stack.length > k) closeTop(stack, at);
}

/** Steps over the rest of a container too deep to keep (its `{` or `[` already read), minding brackets in strings. */
function skipContainer(src: string, i: number): number {
	let depth = 1;
	while (i < src.length) {
		const c = src.charCodeAt(i);
		if (c === 34 || c === 39 || c === 96) {
			i = readString(src, i).end;
			continue;
		}
		i++;
		if (c === 123 || c === 91) depth++;
		else if ((c === 125 || c === 93) && --depth === 0) break;
	}
	return i;
}
