/**
 * What one object of a payload says about an error, read field by field: the keys errors travel
 * under, what names the error (a `type` URN, a docs URL, a code field), its status, the message
 * util.inspect writes before its fields, and the text around it that may name its product.
 * payload.ts walks payloads and turns the objects that are errors into findings with these.
 */
import { CODE_MAX_CHARS, CODE_MIN_CHARS } from '../registry/code.ts';
import type { Unknown, Via } from './finding.ts';
import type { JsonNode, JsonObject } from './json.ts';
import type { DecoderIndex } from './lookup.ts';
import { productsNamed, productThrowing } from './mentions.ts';
import { pageUrl } from './page-links.ts';
import { messageStart } from './inspected-error.ts';
import { fold } from './normalize.ts';
import { oneLine, withoutDocsLink } from './text.ts';

/** Keys whose value is an error's code. */
export const CODE_KEYS = ['code', 'errorCode', 'error_code', 'errCode', 'err_code'];
export const STATUS_KEYS = ['status', 'statusCode', 'status_code', 'httpStatus', 'http_status'];
/** Keys holding an error's message, most telling first. */
export const MESSAGE_KEYS = [
	'message',
	'summary',
	'detail',
	'msg',
	'description',
	'error_description',
	'reason',
	'error',
];
export const URL_KEYS = [
	'type',
	'docsUrl',
	'docs_url',
	'documentation_url',
	'helpUrl',
	'help_url',
	'instance',
];
export const CAUSE_KEYS = ['cause', 'innerError', 'inner_error', 'originalError'];
/** Ids a Problem Details payload carries for support to find the request by. */
export const CORRELATION_KEYS = ['server_correlation_id', 'client_correlation_id'];
/** Fields that only RFC 9457 Problem Details have, and those of a serialized runtime error. */
export const PROBLEM_KEYS = ['type', 'detail', 'retryable', 'retry_after_ms', 'hint', 'instance'];
export const SERIALIZED_KEYS = ['summary', 'docsUrl', 'stack'];
/** Fields of an error node that are read as facts, not scanned again as text. */
export const CONSUMED = new Set([
	...CODE_KEYS,
	...STATUS_KEYS,
	...MESSAGE_KEYS,
	...URL_KEYS,
	...CAUSE_KEYS,
	...CORRELATION_KEYS,
	'stack',
	'_tag',
	'extensions',
	'retryable',
	'hint',
]);

/** A code as products write them: `PORT_IN_USE`, `port_in_use`, `ERR_X`, `NotFound`; no spaces. */
export const CODE_SHAPE = /^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*$/;

export function scalar(node: JsonNode | undefined): string | undefined {
	return node &&
		(node.kind === 'string' ||
			node.kind === 'bare' ||
			node.kind === 'number' ||
			node.kind === 'literal')
		? node.text
		: undefined;
}

export function text(node: JsonNode | undefined): string | undefined {
	return node && (node.kind === 'string' || node.kind === 'bare') ? node.text : undefined;
}

export function field(node: JsonObject, keys: readonly string[]): JsonNode | undefined {
	for (const k of keys) {
		const v = node.fields.get(k);
		if (v !== undefined) return v;
	}
	return undefined;
}

export function statusOf(node: JsonObject): number | undefined {
	const raw = scalar(field(node, STATUS_KEYS));
	if (raw === undefined || !/^\d{3}$/.test(raw)) return undefined;
	const n = Number(raw);
	return n >= 100 && n <= 599 ? n : undefined;
}

export function isCode(value: string | undefined): value is string {
	return (
		value !== undefined &&
		value.length >= CODE_MIN_CHARS &&
		value.length <= CODE_MAX_CHARS &&
		CODE_SHAPE.test(value)
	);
}

export interface Named {
	code?: string;
	via?: Via;
	candidates: number[];
	exact?: boolean;
	unknown?: Unknown;
}

/** What the node's `type`, URL fields and code fields name. */
export function nameOf(node: JsonObject, index: DecoderIndex, hints: number[]): Named {
	for (const key of URL_KEYS) {
		const value = text(node.fields.get(key));
		if (value === undefined) continue;
		const folded = fold(value);
		if (key === 'type') {
			for (const p of index.products) {
				if (p.typePrefix === undefined || !folded.startsWith(p.typePrefix)) continue;
				const code = value.slice(p.typePrefix.length);
				const candidates = (index.byCode.get(code.toLowerCase()) ?? []).filter(
					(id) => index.entries[id]!.product === p.index
				);
				return {
					code,
					via: 'type',
					candidates,
					exact: true,
					unknown: candidates.length ? undefined : { input: code, product: p.index, shaped: true },
				};
			}
		}
		const page = pageUrl(folded, 0, index);
		if (page?.entry !== undefined)
			return {
				code: index.entries[page.entry]!.code,
				via: 'url',
				candidates: [page.entry],
				exact: true,
			};
		hints.push(...productsNamed(folded, index));
	}
	let code = text(field(node, CODE_KEYS));
	if (!isCode(code)) code = undefined;
	const extensions = node.fields.get('extensions');
	if (code === undefined && extensions?.kind === 'object') {
		const c = text(field(extensions, CODE_KEYS));
		if (isCode(c)) code = c;
	}
	if (code === undefined) {
		// An Effect tagged error (`_tag: 'RunNotFound'`): the code its product maps the tag to.
		const tagged = index.byTag.get(text(node.fields.get('_tag')) ?? '');
		if (tagged) return { code: tagged.code, via: 'code', candidates: tagged.entries, exact: true };
	}
	if (code === undefined) {
		const e = text(node.fields.get('error'));
		if (isCode(e) && (e.includes('_') || index.byCode.has(e.toLowerCase()))) code = e;
	}
	if (code === undefined) {
		// A `type` that is some other URN or URL still often ends with the code.
		const type = text(node.fields.get('type'));
		const last = type?.split(/[:/#]/).filter(Boolean).pop();
		if (type && type !== last && isCode(last) && index.byCode.has(last.toLowerCase())) code = last;
	}
	if (code === undefined) return { candidates: [] };
	const candidates = index.byCode.get(code.toLowerCase()) ?? [];
	return {
		code,
		via: 'code',
		candidates,
		unknown: candidates.length ? undefined : { input: code },
	};
}

/**
 * An unknown code in an object a product serialises its own errors as (its error class's `name`,
 * its docs link in `docsUrl` or the message): that product's code, which the registry does not list.
 */
export function shapedBy(
	node: JsonObject,
	unknown: Unknown,
	messages: string[],
	index: DecoderIndex
): Unknown {
	if (unknown.product !== undefined) return unknown;
	const links = fold(`${text(node.fields.get('docsUrl')) ?? ''} ${messages.join(' ')}`);
	const product = productThrowing(text(node.fields.get('name')), links, index);
	return product === undefined ? unknown : { ...unknown, product, shaped: true };
}

/** The message of an error util.inspect wrote (`Error: message\n    at …`): its first line, after the class. */
export function labelMessage(label: string): string {
	const first = label.split('\n', 1)[0]!;
	const start = messageStart(first);
	return start < 0 ? first.replace(/^<ref \*\d+>\s*/, '') : first.slice(start);
}

export function labelOrMessage(node: JsonObject): string | undefined {
	const m = text(field(node, MESSAGE_KEYS));
	if (m !== undefined) return withoutDocsLink(oneLine(m));
	return node.label === undefined ? undefined : withoutDocsLink(oneLine(labelMessage(node.label)));
}

/** The string values directly in an object and its parent, where a payload may name its product. */
export function shallowText(node: JsonObject, parent: JsonObject | undefined): string {
	const parts: string[] = [];
	for (const obj of parent ? [node, parent] : [node]) {
		for (const [key, v] of obj.fields) {
			if (
				(v.kind === 'string' || v.kind === 'bare') &&
				!MESSAGE_KEYS.includes(key) &&
				v.text.length <= 200
			)
				parts.push(v.text);
		}
	}
	return parts.join(' ');
}
