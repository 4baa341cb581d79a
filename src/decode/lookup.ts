/**
 * The decoder's index over DecoderData: entries by code, by page, templates by word, codes by
 * bigram for "did you mean". Built once per DecoderData object and cached, so a page that
 * decodes on every keystroke pays for it once.
 */
import { proseCode } from '../registry/prose.ts';
import { parseTemplate, templateParams } from '../registry/template.ts';
import { entryPath, entrySlug } from '../registry/urls.ts';
import type { DecoderData, DecoderEntry, DecoderProduct } from './data.ts';
import { fold, isWordChar } from './normalize.ts';
import { compileTemplates, type TemplateIndex } from './templates.ts';
import { wordHash } from './words.ts';

export interface IndexedEntry {
	id: number;
	product: number;
	code: string;
	slug: string;
	path: string;
	/** Placeholder names of the message template. */
	params: string[];
	details: { name: string; optional: boolean }[];
	/** Folded terms the entry's text writes as code (`maxBodyBytes`): a message quoting one points to it. */
	terms: string[];
	data: DecoderEntry;
}

export interface IndexedProduct {
	index: number;
	data: DecoderProduct;
	/** Folded `typePrefix`. */
	typePrefix?: string;
	/** Folded ways a line names the product: its id, its name, its name without spaces. */
	names: string[];
	/** Folded error types of the product (DecoderProduct.errorTypes). */
	errorTypes: string[];
	/** Folded docs link the product appends to its thrown errors. */
	docsUrl?: string;
	/** The folded text of its CLI's error line around the code: `error (` before it, `): ` after it. */
	cliLine?: { before: string; after: string };
}

/** What a tagged error's tag names: a code of one product, and its entries (those without an HTTP status, where it has any: the error is thrown). */
export interface TaggedCode {
	product: number;
	code: string;
	entries: number[];
}

export interface DecoderIndex {
	entries: IndexedEntry[];
	/** Tag as written (`RunNotFound`) → what it names. */
	byTag: Map<string, TaggedCode>;
	products: IndexedProduct[];
	productById: Map<string, number>;
	/** Lower-case code → entry ids, in registry order. */
	byCode: Map<string, number[]>;
	/** `wordHash` of every code: most words of a line are ruled out without a string. */
	codeHashes: Set<number>;
	/** `product/slug` → entry id. */
	bySlug: Map<string, number>;
	/** Page path → entry id. */
	byPath: Map<string, number>;
	templates: TemplateIndex;
	/** Bigram → ids of distinct codes (into `codes`) containing it. */
	bigrams: Map<string, number[]>;
	/** Distinct upper-case codes, for suggestions. */
	codes: string[];
	/** How many distinct bigrams each of `codes` has (TOOL_FILE_TOO_LARGE repeats `TO` and `OO`). */
	codeBigrams: Uint16Array;
}

const cache = new WeakMap<DecoderData, DecoderIndex>();

export function indexOf(data: DecoderData): DecoderIndex {
	let index = cache.get(data);
	if (!index) {
		index = build(data);
		cache.set(data, index);
	}
	return index;
}

function build(data: DecoderData): DecoderIndex {
	const entries: IndexedEntry[] = [];
	const products: IndexedProduct[] = [];
	const productById = new Map<string, number>();
	const byCode = new Map<string, number[]>();
	const bySlug = new Map<string, number>();
	const byPath = new Map<string, number>();
	const messages: { entry: number; message: string }[] = [];
	data.products.forEach((p, pi) => {
		const names = new Set([fold(p.id), fold(p.name), fold(p.name).replaceAll(' ', '')]);
		const product: IndexedProduct = {
			index: pi,
			data: p,
			typePrefix: p.typePrefix === undefined ? undefined : fold(p.typePrefix),
			names: [...names],
			errorTypes: (p.errorTypes ?? []).map(fold),
		};
		if (p.docsUrl !== undefined) product.docsUrl = fold(p.docsUrl);
		const line = p.cliLine === undefined ? undefined : cliLineShape(p.cliLine);
		if (line) product.cliLine = line;
		products.push(product);
		productById.set(p.id, pi);
		for (const e of p.entries) {
			const id = entries.length;
			const slug = entrySlug(e);
			entries.push({
				id,
				product: pi,
				code: e.code,
				slug,
				path: entryPath(p.id, slug),
				params: e.message === undefined ? [] : templateParams(e.message),
				details: (e.details ?? []).map((d) =>
					d.endsWith('?') ? { name: d.slice(0, -1), optional: true } : { name: d, optional: false }
				),
				terms: termsOf(e),
				data: e,
			});
			const key = e.code.toLowerCase();
			const list = byCode.get(key);
			if (list) list.push(id);
			else byCode.set(key, [id]);
			bySlug.set(`${p.id}/${slug}`, id);
			byPath.set(entryPath(p.id, slug), id);
			if (e.message !== undefined) messages.push({ entry: id, message: e.message });
			for (const message of e.messages ?? []) messages.push({ entry: id, message });
		}
	});
	const byTag = new Map<string, TaggedCode>();
	data.products.forEach((p, pi) => {
		for (const [tag, code] of Object.entries(p.taggedErrors ?? {})) {
			const own = (byCode.get(code.toLowerCase()) ?? []).filter(
				(id) => entries[id]!.product === pi && entries[id]!.code === code
			);
			const thrown = own.filter((id) => entries[id]!.data.status === undefined);
			if (own.length && !byTag.has(tag))
				byTag.set(tag, { product: pi, code, entries: thrown.length ? thrown : own });
		}
	});
	const codes = [...new Set(entries.map((e) => e.code))];
	const bigrams = new Map<string, number[]>();
	const codeBigrams = new Uint16Array(codes.length);
	codes.forEach((code, ci) => {
		const distinct = new Set(bigramsOf(code));
		codeBigrams[ci] = distinct.size;
		for (const g of distinct) {
			const list = bigrams.get(g);
			if (list) list.push(ci);
			else bigrams.set(g, [ci]);
		}
	});
	const codeHashes = new Set([...byCode.keys()].map(wordHash));
	return {
		entries,
		byTag,
		products,
		productById,
		byCode,
		codeHashes,
		bySlug,
		byPath,
		templates: compileTemplates(messages),
		bigrams,
		codes,
		codeBigrams,
	};
}

/** `Error ({code}): {message}` → the text before the code and between it and the message, folded. */
function cliLineShape(template: string): IndexedProduct['cliLine'] {
	const segments = parseTemplate(template);
	const at = segments.findIndex((s) => s.kind === 'param' && s.name === 'code');
	const before = segments[at - 1];
	const after = segments[at + 1];
	if (before?.kind !== 'text' || after?.kind !== 'text') return undefined;
	return { before: fold(before.text), after: fold(after.text) };
}

/** Identifiers the entry's text writes in backticks, four characters or more (`maxBodyBytes`, `runId`). */
function termsOf(e: DecoderEntry): string[] {
	const terms = new Set<string>();
	for (const text of [e.when, e.description, e.fix]) {
		if (text === undefined) continue;
		for (const span of proseCode(text)) {
			if (
				span.length >= 4 &&
				span.length <= 64 &&
				[...span].every((c) => isWordChar(c.charCodeAt(0)))
			)
				terms.add(fold(span));
		}
	}
	return [...terms];
}

export function bigramsOf(word: string): string[] {
	const grams: string[] = [];
	for (let i = 0; i + 2 <= word.length; i++) grams.push(word.slice(i, i + 2));
	return grams;
}

/** The entry a result names, for showing it: its product and its registry data. */
export function entryOf(
	data: DecoderData,
	path: string
): { product: DecoderProduct; entry: DecoderEntry } | undefined {
	const index = indexOf(data);
	const id = index.byPath.get(path);
	const e = id === undefined ? undefined : index.entries[id];
	return e ? { product: index.products[e.product]!.data, entry: e.data } : undefined;
}
