/**
 * Error objects in parsed payloads. Recognises the shapes errors travel in: RFC 9457 Problem
 * Details (`type` URN, `status`, `retryable`, `retry_after_ms`, `hint`, `details`), serialized
 * errors (`code`, `message`, `summary`, `docsUrl`, `details`, `cause` chains, `errors[]`),
 * `{"error":{"code":…}}` bodies, GraphQL `errors[].extensions.code`, JSON:API `errors[].code`,
 * util.inspect output and JSON held in a JSON string. The walk is iterative and bounded.
 */
import {
	CAUSE_KEYS,
	CONSUMED,
	CORRELATION_KEYS,
	field,
	isCode,
	labelMessage,
	labelOrMessage,
	MESSAGE_KEYS,
	nameOf,
	PROBLEM_KEYS,
	scalar,
	SERIALIZED_KEYS,
	shallowText,
	shapedBy,
	statusOf,
	text,
} from './error-object.ts';
import type { Extraction, Finding, TemplateRead, Via } from './finding.ts';
import { parseLenient, type JsonNode, type JsonObject } from './json.ts';
import type { Budget } from './limits.ts';
import type { DecoderIndex } from './lookup.ts';
import { clean, fold } from './normalize.ts';
import { oneLine, withoutDocsLink } from './text.ts';
import { findTemplates, type TemplateHit, type Unit } from './templates.ts';
import { errorTypesNamed, productsNamed } from './mentions.ts';
import { readsOnlyWeak } from './possible.ts';

/** A text to scan for messages and code mentions: a string inside a payload. */
export interface TextPiece {
	text: string;
	pos: number;
}

export interface WalkOutput extends Extraction {
	/** Ranges of the paste that hold payload objects: read here, not again as plain text. */
	masks: [number, number][];
	/** Strings inside those objects, to scan as text. */
	pieces: TextPiece[];
	/** The templates each message read so far matched (against any template), by message. */
	messageReads: Map<string, TemplateHit['matches']>;
}

interface Item {
	node: JsonNode;
	/** The text the node was read from. */
	src: string;
	/** Offset in the paste of the string the node was read from, for JSON inside a string. */
	base: number | undefined;
	/** How many JSON strings it sits in. */
	level: number;
	/** Inside an object already masked. */
	masked: boolean;
	/** A status given next to an `error` object, which the object itself does not repeat. */
	status?: number;
	parent?: JsonObject;
	/** The key it sits under in its parent. */
	key?: string;
}

/** Walks one parsed value, adding what it finds to `out`. */
export function walkPayload(
	root: JsonNode,
	src: string,
	base: number | undefined,
	index: DecoderIndex,
	budget: Budget,
	out: WalkOutput
): void {
	const stack: Item[] = [{ node: root, src, base, level: 0, masked: false }];
	// Objects read as part of another error (a cause, its details): made when first needed, as most payloads have none.
	let chained: Set<JsonObject> | undefined;
	let quiet: Set<JsonObject> | undefined;
	while (stack.length) {
		if (out.findings.length >= budget.limits.maxFindings) {
			budget.exceeded('findings');
			return;
		}
		const item = stack.pop()!;
		const { node } = item;
		const pos = item.base ?? node.start;
		if (node.kind === 'string' || node.kind === 'bare') {
			const trimmed = node.text.trimStart();
			const open = trimmed.charCodeAt(0);
			if ((open === 123 || open === 91) && item.level < budget.limits.maxJsonInString) {
				const inner = parseLenient(trimmed, 0, budget);
				if (inner.value && inner.value.kind !== 'string') {
					stack.push({
						node: inner.value,
						src: trimmed,
						base: pos,
						level: item.level + 1,
						masked: item.masked,
					});
					continue;
				}
			}
			if (item.masked) out.pieces.push({ text: node.text, pos });
			continue;
		}
		if (node.kind !== 'object' && node.kind !== 'array') continue;
		let masked = item.masked;
		// Children go on the stack in order, then are turned round, so the first is read first.
		const firstChild = stack.length;
		/** A child to read after this node: in place when it is a scalar, else on the stack. */
		const descend = (
			child: JsonNode,
			status: number | undefined,
			parent?: JsonObject,
			key?: string
		) => {
			if (readInPlace(child, item, masked, budget, out)) return;
			const { src, base, level } = item;
			stack.push({ node: child, src, base, level, masked, status, parent, key });
		};
		if (node.kind === 'array') {
			// An array's items stand where the array does: under its parent, at its key.
			for (const child of node.items) descend(child, item.status, item.parent, item.key);
		} else {
			if (!masked && node.credible && item.base === undefined) {
				out.masks.push([node.start, node.end]);
				masked = true;
			}
			const inChain = chained?.has(node) ?? false;
			const finding =
				inChain || quiet?.has(node) ? undefined : errorFinding(node, item, index, budget, out);
			// An error's code, status and message are read as facts, not scanned again as text.
			const consumed = finding || inChain ? CONSUMED : undefined;
			if (finding) {
				finding.pos = pos;
				const chain = causeChain(node, item, index, budget, out);
				if (chain.length) {
					finding.cause = chain.map((c) => c.finding);
					// A known error reports its causes in its chain; an unknown one lets them stand alone.
					if (finding.candidates.length)
						for (const c of chain) if (c.node) (chained ??= new Set()).add(c.node);
				}
				if (finding.candidates.length) out.findings.push(finding);
				if (node.label !== undefined && masked)
					out.pieces.push({ text: node.label.split('\n', 1)[0]!, pos });
			} else if (node.label !== undefined && masked && !inChain)
				// A cause's label is its message, read with it in the chain: not an error of its own.
				out.pieces.push({ text: node.label, pos });
			const status = statusOf(node) ?? item.status;
			for (const [key, child] of node.fields) {
				if (
					consumed?.has(key) &&
					(child.kind === 'string' ||
						child.kind === 'bare' ||
						child.kind === 'number' ||
						child.kind === 'literal')
				)
					continue;
				// GraphQL's `extensions` and an error's `details` describe this error; they are not errors of their own.
				if (finding && (key === 'extensions' || key === 'details') && child.kind === 'object')
					(quiet ??= new Set()).add(child);
				descend(child, key === 'error' || key === 'errors' ? status : undefined, node, key);
			}
		}
		for (let a = firstChild, b = stack.length - 1; a < b; a++, b--)
			[stack[a], stack[b]] = [stack[b]!, stack[a]!];
	}
}

/**
 * Reads a scalar child where it is met, without a stack item (a large payload is mostly scalars):
 * a string of a masked object is text to scan; a number or a literal holds nothing to find.
 * False for what is walked instead: containers, and strings that hold JSON.
 */
function readInPlace(
	child: JsonNode,
	parent: Item,
	masked: boolean,
	budget: Budget,
	out: WalkOutput
): boolean {
	if (child.kind === 'number' || child.kind === 'literal') return true;
	if (child.kind !== 'string' && child.kind !== 'bare') return false;
	if (parent.level < budget.limits.maxJsonInString) {
		const open = child.text.trimStart().charCodeAt(0);
		if (open === 123 || open === 91) return false;
	}
	if (masked) out.pieces.push({ text: child.text, pos: parent.base ?? child.start });
	return true;
}

/** Turns an object into a finding when it is an error: it names a code, or its message is a known one. */
function errorFinding(
	node: JsonObject,
	item: Item,
	index: DecoderIndex,
	budget: Budget,
	out: WalkOutput
): Finding | undefined {
	const hints: number[] = [];
	const named = nameOf(node, index, hints);
	const messages: string[] = [];
	for (const key of MESSAGE_KEYS) {
		const m = text(node.fields.get(key));
		if (m !== undefined && m.trim() && !(key === 'error' && m === named.code)) messages.push(m);
	}
	if (node.label !== undefined) messages.push(labelMessage(node.label));
	if (named.code === undefined && messages.length === 0) return undefined;

	let candidates = named.candidates;
	let via: Via | undefined = named.via;
	const templated = new Map<number, TemplateRead>();
	if (messages.length && budget.templateChecks < budget.limits.maxTemplateChecks) {
		const only = candidates.length ? templatesOf(candidates, index) : undefined;
		if (!only || only.size) {
			for (const m of messages) {
				// A message payloads repeat (the same error many times, a log's "request served") is read once, when any template may match it.
				let read = only ? undefined : out.messageReads.get(m);
				if (!read) {
					read = [];
					for (const line of clean(m).split('\n', 8)) {
						if (line.length > budget.limits.maxLineChars) budget.exceeded('line');
						const unit: Unit = { text: line.slice(0, budget.limits.maxLineChars), pos: 0 };
						for (const hit of findTemplates(unit, index.templates, budget, only))
							read.push(...hit.matches);
					}
					if (!only && out.messageReads.size < budget.limits.maxRemembered)
						out.messageReads.set(m, read);
				}
				for (const { entry, ...h } of read) if (!templated.has(entry)) templated.set(entry, h);
				if (templated.size) break;
			}
		}
	}
	if (!candidates.length && templated.size) {
		candidates = [...templated.keys()];
		via = 'message';
	}
	if (!candidates.length) {
		if (named.unknown && out.unknowns.length < budget.limits.maxUnknowns)
			out.unknowns.push(shapedBy(node, named.unknown, messages, index));
		if (named.code === undefined) return undefined;
		// An unknown code: what a cause chain shows of it, and no more (nothing is ranked for it).
		return {
			pos: item.base ?? node.start,
			source: 'json',
			via: via ?? 'code',
			code: named.code,
			candidates,
			text: messages[0] === undefined ? undefined : withoutDocsLink(oneLine(messages[0])),
		};
	}
	// Only a code that several entries share needs the payload to say whose it is, and which; and
	// a message of a few common words (possible.ts), whether its product is named around it.
	let thrownBy: number[] | undefined;
	let near: string | undefined;
	const weak = via === 'message' && readsOnlyWeak(templated, index);
	if (candidates.length > 1 || weak) {
		near = fold(messages.join(' ').slice(0, budget.limits.maxLineChars));
		const around = fold(`${node.label?.split('\n', 1)[0] ?? ''} ${shallowText(node, item.parent)}`);
		if (
			weak ||
			candidates.some((id) => index.entries[id]!.product !== index.entries[candidates[0]!]!.product)
		)
			hints.push(...productsNamed(around, index));
		thrownBy = errorTypesNamed(weak ? `${around} ${near}` : around, index);
	}
	const finding: Finding = {
		pos: item.base ?? node.start,
		source: 'json',
		via: via ?? 'code',
		code: named.code,
		candidates,
		exact: named.exact,
		templated: templated.size ? templated : undefined,
		productHints: hints.length ? hints : undefined,
		status: statusOf(node) ?? item.status,
		text: messages[0] === undefined ? undefined : withoutDocsLink(oneLine(messages[0])),
		problemShape: PROBLEM_KEYS.some((k) => node.fields.has(k)),
		serializedShape: SERIALIZED_KEYS.some((k) => node.fields.has(k)) || node.label !== undefined,
	};
	if (thrownBy?.length) finding.thrownBy = thrownBy;
	if (near) finding.near = near;
	const retryable = scalar(node.fields.get('retryable') ?? node.fields.get('retriable'));
	if (retryable === 'true' || retryable === 'false') finding.retryable = retryable === 'true';
	const retryAfter = scalar(node.fields.get('retry_after_ms') ?? node.fields.get('retryAfterMs'));
	if (retryAfter !== undefined && /^\d+(?:\.\d+)?$/.test(retryAfter)) {
		// A hint no server means (past 2^53 ms, Infinity once read) is shown as written, not as a number.
		const ms = Number(retryAfter);
		if (Number.isSafeInteger(Math.ceil(ms))) finding.retryAfterMs = ms;
		else
			finding.correlation = [
				...(finding.correlation ?? []),
				{ name: 'retry_after_ms', value: retryAfter.slice(0, budget.limits.maxValueChars) },
			];
	}
	const hint = text(node.fields.get('hint'));
	if (hint !== undefined) finding.hint = oneLine(hint);
	const details = node.fields.get('details');
	if (details?.kind === 'object') finding.details = { node: details, src: item.src };
	for (const name of CORRELATION_KEYS) {
		const value = scalar(node.fields.get(name));
		if (value !== undefined && value.length <= budget.limits.maxValueChars)
			(finding.correlation ??= []).push({ name, value });
	}
	return finding;
}

/** The chain below an error, outermost first; a link may be an object or a bare code string. */
function causeChain(
	node: JsonObject,
	item: Item,
	index: DecoderIndex,
	budget: Budget,
	out: WalkOutput
): { finding: Finding; node?: JsonObject }[] {
	const chain: { finding: Finding; node?: JsonObject }[] = [];
	let link = field(node, CAUSE_KEYS);
	if (!link) return chain;
	const seen = new Set<JsonObject>([node]);
	while (link) {
		if (chain.length >= budget.limits.maxCauseChain) {
			budget.exceeded('cause');
			break;
		}
		if (link.kind === 'object') {
			if (seen.has(link)) break;
			seen.add(link);
			const finding = errorFinding(
				link,
				{ ...item, parent: undefined, status: undefined },
				index,
				budget,
				out
			) ?? {
				pos: item.base ?? link.start,
				source: 'json',
				via: 'code',
				candidates: [],
				text: labelOrMessage(link),
			};
			chain.push({ finding, node: link });
			link = field(link, CAUSE_KEYS);
		} else {
			const value = text(link);
			if (value === undefined || !value.trim()) break;
			const code = isCode(value) ? value : undefined;
			const candidates = code ? (index.byCode.get(code.toLowerCase()) ?? []) : [];
			chain.push({
				finding: {
					pos: item.base ?? link.start,
					source: 'json',
					via: 'code',
					code,
					candidates,
					text: code ? undefined : oneLine(value),
				},
			});
			break;
		}
	}
	return chain;
}

function templatesOf(entries: number[], index: DecoderIndex): Set<number> {
	const set = new Set<number>();
	for (const e of entries) {
		for (const t of index.templates.byEntry.get(e) ?? []) set.add(t);
	}
	return set;
}
