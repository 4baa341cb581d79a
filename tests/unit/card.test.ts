/**
 * The card (src/decode/card.ts) says what the registry and the paste say, and the three surfaces
 * say the card: the island's view (card-view.ts, built here as plain objects, no DOM), the
 * `explain` CLI's text and the MCP server's explain_error text all hold every word of every card,
 * for each entry's message with real values and each published example. Expected values come from
 * the registry and from the values put in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardNode, phraseNodes, type Build } from '../../src/components/decoder/card-view.ts';
import {
	decode,
	LIMITS,
	messageText,
	phraseText,
	report,
	statusLine,
	type Card,
	type Report,
} from '../../src/decode/index.ts';
import { explainError, catalog } from '../../src/mcp/tools.ts';
import { entriesByCode, findProduct } from '../../src/registry/model.ts';
import { proseParts } from '../../src/registry/prose.ts';
import { fillTemplate, parseTemplate } from '../../src/registry/template.ts';
import { absoluteUrl, markdownPath } from '../../src/registry/urls.ts';
import { fragmentValues } from '../../src/decode/share-fragment.ts';
import { human } from '../../scripts/explain.ts';
import { allEntries, data, matchable, registry, samples } from './decode-fixtures.ts';

const SITE = 'https://errors.example.com';
const mcp = catalog(registry, SITE);

/** The island's builder, without a DOM: an element is its tag, attributes and children. */
interface El {
	tag: string;
	props: Record<string, string>;
	children: (El | string)[];
}
const OBJECTS: Build<El> = {
	el: (tag, props, ...children) => ({
		tag,
		props,
		children: children.filter((c): c is El | string => Boolean(c)),
	}),
	code: (text) => ({ tag: 'code', props: {}, children: [text] }),
};
const textOf = (node: El | string): string =>
	typeof node === 'string' ? node : node.children.map(textOf).join('');
const find = (node: El, tag: string): El[] =>
	[
		node.tag === tag ? [node] : [],
		...node.children.map((c) => (typeof c === 'string' ? [] : find(c, tag))),
	].flat(2);

/** Registry prose as the island shows it: its code spans as code, without their backticks. */
const shownProse = (text: string) =>
	proseParts(text)
		.map((p) => p.text)
		.join('');

/** Every sentence a reader must be told of a card, as plain text; `prose` is how a surface writes registry prose. */
function words(card: Card, prose: (text: string) => string): string[] {
	return [
		card.code,
		card.where,
		...(card.seen ? [card.seen] : []),
		...(card.message ? [messageText(card.message)] : []),
		...(card.quote !== undefined ? [card.quote] : []),
		...card.facts.flatMap((f) => [f.label, f.value]),
		...(card.advice ? [card.advice.label, prose(card.advice.text)] : []),
		...(card.cause ? [card.cause.label, ...card.cause.links.map(phraseText)] : []),
	];
}

/** What a user pastes: each entry's message with real values, and each published example. */
const pastes: { name: string; text: string; values?: Record<string, string>; path: string }[] =
	allEntries(registry).flatMap((e) => [
		...(e.message !== undefined && matchable(e.message)
			? [
					{
						name: `${e.product} ${e.code}: its message`,
						text: fillTemplate(e.message, samples(e, 'plain')),
						values: samples(e, 'plain'),
						path: e.path,
					},
				]
			: []),
		{ name: `${e.product} ${e.code}: its code`, text: e.code, path: e.path },
		...(e.examples ?? []).map((x, i) => ({
			name: `${e.product} ${e.code}: example ${i + 1}`,
			text: x.payload,
			path: e.path,
		})),
	]);

/** A log that repeats an entry's error with other values each time: the first entry with a message and values. */
const repeated = allEntries(registry).find(
	(e) => e.message !== undefined && matchable(e.message) && e.params.length > 0
)!;
/** The values of the `n`th time the log has it: its own, in every placeholder. */
const nth = (n: number) =>
	Object.fromEntries(repeated.params.map((p) => [p, `${samples(repeated, 'plain')[p]}n${n}`]));
const logOf = (times: number, distinct: number) =>
	Array.from(
		{ length: times },
		(_, n) =>
			`2025-03-01T10:00:${String(n % 60).padStart(2, '0')}Z ERROR ${fillTemplate(repeated.message!, nth(n % distinct))}`
	).join('\n');
pastes.push({
	name: `${repeated.code} twice, with other values`,
	text: logOf(2, 2),
	path: repeated.path,
});

/** A code with words of its own after it, which its message (only a placeholder) cannot read. */
const placeholderOnly = allEntries(registry).find(
	(e) => e.message !== undefined && e.params.length && !matchable(e.message)
)!;
pastes.push({
	name: `${placeholderOnly.code} with what the paste says`,
	text: `${placeholderOnly.code}: environment.yaml: unknown key 'identty'`,
	path: placeholderOnly.path,
});

/** An error with a cause chain: another product's entry, then a link with only text. */
const [outer, inner] = [registry.products[0]!.errors[0]!, registry.products[1]!.errors[0]!];
const CAUSE_TEXT = 'the innermost failure';
pastes.push({
	name: `${outer.code} caused by ${inner.code}`,
	text: JSON.stringify({
		code: outer.code,
		cause: { code: inner.code, cause: { message: CAUSE_TEXT } },
	}),
	path: outer.path,
});

describe('the card', () => {
	it('says every value an error was seen with, not only the first', () => {
		const told = report(decode(logOf(2, 2), data), data, { site: SITE });
		assert.equal(told.groups.length, 1);
		const card = told.groups[0]!.cards[0]!;
		assert.equal(card.seen, 'seen 2 times');
		for (const name of repeated.params)
			assert.deepEqual(
				card.facts.filter((f) => f.label === name).map((f) => [f.value, f.kind]),
				[[`${nth(0)[name]}, ${nth(1)[name]}`, 'value']]
			);
	});

	it('keeps a few of the values of a long log, and counts the times it had others', () => {
		const [times, distinct] = [600, 40];
		const card = report(decode(logOf(times, distinct), data), data).groups[0]!.cards[0]!;
		assert.equal(card.seen, `seen ${times} times`);
		const kept = LIMITS.maxSeenValues;
		const others = times - (times / distinct) * kept;
		for (const name of repeated.params)
			assert.deepEqual(
				card.facts.filter((f) => f.label === name).map((f) => f.value),
				[
					`${Array.from({ length: kept }, (_, n) => nth(n)[name]).join(', ')} and other values ${others} times`,
				]
			);
	});

	it("shows what was pasted, never an unfilled template, when its message's values were not read", () => {
		const unread = allEntries(registry).filter(
			(e) =>
				e.message !== undefined && parseTemplate(e.message).some((part) => part.kind === 'param')
		);
		assert.ok(
			unread.some((e) => !matchable(e.message!)),
			'a message that is only a placeholder'
		);
		for (const e of unread) {
			const said = `${e.code.toLowerCase()} came with words of its own, 'quoted' (and more)`;
			const paste = `${e.code}: ${said}`;
			const card = report(decode(paste, data), data).groups[0]!.cards.find(
				(c) => c.code === e.code
			)!;
			assert.equal(card.message, undefined, paste);
			assert.equal(card.quote, said, paste);
		}
	});

	it('says nothing more when every time had the same values', () => {
		const card = report(decode(logOf(3, 1), data), data).groups[0]!.cards[0]!;
		assert.equal(card.seen, 'seen 3 times');
		assert.deepEqual(
			card.facts.filter((f) => repeated.params.includes(f.label)),
			[]
		);
	});

	it('covers messages and examples', () => assert.ok(pastes.length > 0));

	for (const paste of pastes.filter((p) => p.values)) {
		it(`${paste.name}: the entry, where it lives, the message with the values, what to do, its pages`, () => {
			const told = report(decode(paste.text, data), data, { site: SITE });
			const page = absoluteUrl(SITE, paste.path);
			const card = told.groups[0]!.cards.find((c) => c.url.split('#')[0] === page)!;
			assert.ok(card, paste.text);
			// The page link carries the values read, for the page's "Your error".
			assert.deepEqual(Object.fromEntries(fragmentValues(new URL(card.url).hash)), paste.values);
			const e = allEntries(registry).find((x) => x.path === paste.path)!;
			const product = findProduct(registry, e.product)!;
			const category = product.categories.find((c) => c.id === e.category)?.name;
			assert.equal(card.where, category ? `${product.name} · ${category}` : product.name);
			assert.equal(card.productName, product.name);
			assert.equal(messageText(card.message!), paste.text);
			for (const [name, value] of Object.entries(paste.values!))
				assert.ok(card.message!.some((p) => 'param' in p && p.param === name && p.value === value));
			assert.equal(card.markdownUrl, absoluteUrl(SITE, markdownPath(e.path)));
			if (e.fix !== undefined) assert.equal(card.advice?.label, 'What to do');
		});
	}

	it('tells a cause chain: the cause entry, its product when another, the text of a link with no code', () => {
		const told = report(decode(pastes.at(-1)!.text, data), data, { site: SITE });
		const card = told.groups[0]!.cards.find((c) => c.code === outer.code)!;
		assert.deepEqual(card.cause!.links.map(phraseText), [
			`${inner.code} (${registry.products[1]!.name})`,
			CAUSE_TEXT,
		]);
	});

	it('counts one error read two ways as one error with its possible entries', () => {
		const [code, entries] = [...entriesByCode(registry)].find(([, list]) => list.length > 1)!;
		const result = decode(code, data);
		assert.equal(result.groups.length, 1);
		assert.equal(statusLine(result), `1 error, ${entries.length} possible entries.`);
		const told = report(result, data);
		assert.equal(told.groups[0]!.cards.length, entries.length);
		assert.equal(phraseText(told.groups[0]!.note!).split(' ')[0], code);
	});

	it('names the product of a "did you mean", never its id', () => {
		const e = allEntries(registry).find(
			(x) => findProduct(registry, x.product)!.name !== x.product
		)!;
		const told = report(decode(`${e.code}X`, data), data);
		const name = findProduct(registry, e.product)!.name;
		assert.ok(
			told.suggestions.some((s) => phraseText(s).includes(`${e.code} (${name}`)),
			JSON.stringify(told.suggestions)
		);
	});

	it('tells apart two "did you mean" entries of one product that share a code, by what each is', () => {
		let tried = 0;
		for (const product of registry.products) {
			const twice = new Set(
				product.errors.map((e) => e.code).filter((c, i, all) => all.indexOf(c) !== i)
			);
			for (const code of twice) {
				const told = report(decode(`${code}X`, data), data).suggestions.map(phraseText);
				const lines = told.filter((t) => t.includes(`${code} (${product.name}`));
				assert.equal(lines.length, 2, `${code}: ${told.join(' | ')}`);
				assert.notEqual(lines[0], lines[1]);
				tried++;
			}
		}
		assert.ok(tried > 0);
	});
});

describe('the island, the CLI and the MCP server say every word of the card', () => {
	for (const paste of pastes) {
		it(paste.name, () => {
			const told: Report = report(decode(paste.text, data), data, { site: SITE });
			const cli = human(report(decode(paste.text, data), data, { site: SITE }), SITE);
			const server = explainError(mcp, paste.text);
			assert.deepEqual(server.data, told);
			for (const text of [cli, server.text]) assert.ok(text.startsWith(`${told.status}\n`), text);
			for (const group of told.groups) {
				if (group.note) {
					const note = phraseText(group.note);
					const island = phraseNodes(group.note, OBJECTS)
						.map((n) => (n ? textOf(n) : ''))
						.join('');
					assert.equal(island, note);
					for (const text of [cli, server.text]) assert.ok(text.includes(note), `${note}\n${text}`);
				}
				for (const card of group.cards) {
					const island = cardNode(card, OBJECTS);
					const islandText = textOf(island);
					assert.equal(find(island, 'a')[0]!.props.href, card.url);
					for (const word of words(card, shownProse))
						assert.ok(islandText.includes(word), `island: ${word}\n${islandText}`);
					// As text, code spans keep their backticks.
					for (const word of words(card, (text) => text)) {
						assert.ok(cli.includes(word), `CLI: ${word}\n${cli}`);
						assert.ok(server.text.includes(word), `MCP: ${word}\n${server.text}`);
					}
					for (const url of [card.url, card.markdownUrl])
						assert.ok(server.text.includes(url), `MCP: ${url}`);
					assert.ok(cli.includes(card.url), `CLI: ${card.url}`);
				}
			}
		});
	}
});
