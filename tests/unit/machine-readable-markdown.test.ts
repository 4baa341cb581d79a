/**
 * The Markdown twins and their syntax: registry text reads back literally through a CommonMark +
 * GFM reader — `<Task>` stays text, `{port}` stays as written, `|` stays inside its table cell —
 * and each twin carries its entry's facts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { entryMarkdown, productMarkdown } from '../../src/markdown/render.ts';
import { twinUrl } from '../../src/registry/urls.ts';
import { codeBlock, codeSpan, prose, table } from '../../src/markdown/syntax.ts';
import { allEntries, findProduct, whatToDo } from '../../src/registry/model.ts';
import { absoluteUrl } from '../../src/registry/urls.ts';
import { REGISTRIES } from '../support/registries.ts';
import {
	nodesOf,
	parseMarkdown,
	proseShown,
	shown,
	walk,
	type Nodes,
	type Paragraph,
} from '../support/markdown.ts';

const SITE = 'https://errors.example.com';

/** Characters that mean something to Markdown somewhere, and some that must not be touched. */
const TRICKY = [...'<>{}[]()*_~`\\&#;|!-+=.:1 aZ\n\t'] as const;
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 });

/** The one paragraph a snippet of Markdown makes, or a failure naming what it made instead. */
function paragraph(markdown: string): Paragraph {
	const root = parseMarkdown(markdown);
	if (root.children.length === 0) return { type: 'paragraph', children: [] };
	assert.equal(
		root.children.length,
		1,
		`${JSON.stringify(markdown)} made ${root.children.map((c) => c.type).join(', ')}`
	);
	assert.equal(
		root.children[0]!.type,
		'paragraph',
		`${JSON.stringify(markdown)} made a ${root.children[0]!.type}`
	);
	const p = root.children[0] as Paragraph;
	assertOnlyText(p, markdown);
	return p;
}

/**
 * Nothing but text and code: no HTML, emphasis or line break read into registry text. A URL written
 * out in full may become a link (GFM's autolinks), showing exactly as written.
 */
function assertOnlyText(node: Nodes, markdown: string): void {
	for (const n of walk(node)) {
		if (n === node || n.type === 'text' || n.type === 'inlineCode') continue;
		assert.ok(
			n.type === 'link' && /^(?:https?:\/\/|mailto:)?/.test(n.url) && n.url.endsWith(shown(n)),
			`${JSON.stringify(markdown)} made a ${n.type}`
		);
	}
}

describe('registry prose as Markdown', () => {
	test('reads back as exactly the text the HTML page shows, code spans as code', () => {
		fc.assert(
			fc.property(trickyText, (value) => {
				const expected = proseShown(value);
				const p = paragraph(prose(value));
				assert.equal(
					shown(p),
					expected.text,
					`prose(${JSON.stringify(value)}) = ${JSON.stringify(prose(value))}`
				);
				assert.deepEqual(
					nodesOf(p, 'inlineCode').map((c) => c.value),
					expected.code
				);
			}),
			{ numRuns: 1500 }
		);
	});

	test('leaves alone what Markdown does not read: placeholders, mid-word underscores, dashes mid-line', () => {
		assert.equal(prose('Port {port} is busy.'), 'Port {port} is busy.');
		assert.equal(
			prose('Optional retry_after_ms hint (429/503)'),
			'Optional retry_after_ms hint (429/503)'
		);
		assert.equal(
			prose('Image & registry errors - see `asym logs <id>`'),
			'Image & registry errors - see `asym logs <id>`'
		);
	});

	test('shows character references, tags and link syntax as written, not as what they would make', () => {
		for (const value of [
			'&amp; &#42; &copy; AT&T',
			'<Task> and <https://example.com>',
			'[not](a link) ![nor](an image)',
			'*not* __bold__ ~~struck~~',
			'# not a heading',
			'1. not a list',
			'---',
		]) {
			assert.equal(
				shown(paragraph(prose(value))),
				value,
				`prose(${JSON.stringify(value)}) = ${JSON.stringify(prose(value))}`
			);
		}
	});

	test('every prose field of the registries reads back as the HTML page shows it', () => {
		for (const e of REGISTRIES.flatMap(({ registry }) => allEntries(registry))) {
			for (const value of [
				e.when,
				e.description,
				e.fix,
				e.scope,
				e.deprecated,
				e.removed,
				...(e.examples ?? []).map((x) => x.caption),
			]) {
				if (value === undefined) continue;
				assert.equal(
					shown(paragraph(prose(value))),
					proseShown(value).text,
					`${e.product} ${e.code}: ${value}`
				);
			}
		}
	});

	test('a code span holds any text exactly, backticks and edge spaces included', () => {
		fc.assert(
			fc.property(
				trickyText.filter((s) => s.trim() !== '' && !s.includes('\n')),
				(value) => {
					const code = nodesOf(paragraph(codeSpan(value)), 'inlineCode');
					assert.deepEqual(
						code.map((c) => c.value),
						[value],
						`codeSpan(${JSON.stringify(value)}) = ${codeSpan(value)}`
					);
				}
			),
			{ numRuns: 1000 }
		);
	});

	test('a code block holds a payload exactly, even one with a fence inside', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom(...TRICKY, '`', '`'), maxLength: 60 }),
				(payload) => {
					const root = parseMarkdown(codeBlock(payload, 'json'));
					const blocks = nodesOf(root, 'code');
					assert.equal(blocks.length, 1);
					assert.equal(blocks[0]!.value, payload.replace(/\n$/, ''));
					assert.equal(blocks[0]!.lang, 'json');
				}
			),
			{ numRuns: 500 }
		);
	});

	test('code spans side by side stay the code they show, not one span holding backticks', () => {
		// Found by the property below: `<``<` read as one span "<``<".
		for (const value of ['`<``<`', 'a `x``y` b']) {
			const cell = nodesOf(parseMarkdown(table(['A'], [[prose(value)]])), 'table')[0]!.children[1]!
				.children[0]!;
			assert.equal(shown(cell), proseShown(value).text, value);
		}
	});

	test('a table cell keeps a `|` — in text and in code — inside that cell', () => {
		fc.assert(
			fc.property(trickyText, trickyText, (a, b) => {
				const root = parseMarkdown(table(['Field', 'Value'], [[prose(a), prose(b)]]));
				const tables = nodesOf(root, 'table');
				assert.equal(tables.length, 1, `no table from ${JSON.stringify([a, b])}`);
				const cells = tables[0]!.children[1]!.children;
				assert.equal(cells.length, 2);
				// Code with a backslash right before a pipe cannot be written in a GFM table (see `table`): only the cells must hold.
				if ([a, b].some((v) => proseShown(v).code.some((c) => c.includes('\\|')))) return;
				assert.deepEqual(cells.map(shown), [proseShown(a).text, proseShown(b).text]);
				for (const cell of cells) assertOnlyText(cell, `${a} | ${b}`);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('Markdown twins', () => {
	for (const { registry } of REGISTRIES)
		for (const product of registry.products) {
			test(`${product.name}: each entry's twin states its code, product, message and text`, () => {
				for (const entry of product.errors) {
					const markdown = entryMarkdown(registry, product, entry, SITE);
					const root = parseMarkdown(markdown);
					const [title] = nodesOf(root, 'heading');
					assert.equal(title?.depth, 1);
					assert.equal(shown(title!), entry.code);
					assert.match(shown(root), new RegExp(`Product: ${product.name}`));
					if (entry.message) {
						assert.ok(
							nodesOf(root, 'code').some((c) => c.value === entry.message),
							`${entry.code}: the twin has no code block holding the exact message ${entry.message}`
						);
					}
					const paragraphs = nodesOf(root, 'paragraph').map(shown);
					for (const value of [entry.when, entry.description, whatToDo(entry)]) {
						if (value)
							assert.ok(
								paragraphs.includes(proseShown(value).text),
								`${entry.code}: missing ${value}`
							);
					}
					for (const example of entry.examples ?? []) {
						assert.ok(
							nodesOf(root, 'code').some(
								(c) => c.value === example.payload.replace(/\n$/, '') && c.lang === example.lang
							),
							`${entry.code}: an example is missing`
						);
					}
					for (const field of entry.details ?? []) {
						assert.ok(
							nodesOf(root, 'listItem').some((li) => shown(li).startsWith(field.name)),
							`${entry.code}: details field ${field.name} missing`
						);
					}
					// Self-contained: every link is absolute, to this site.
					for (const link of nodesOf(root, 'link'))
						assert.ok(link.url.startsWith(`${SITE}/`), `${entry.code}: link ${link.url}`);
					assert.ok(
						nodesOf(root, 'link').some((l) => l.url === twinUrl(SITE, product)),
						`${entry.code}: no link to its product`
					);
					assert.match(markdown, new RegExp(absoluteUrl(SITE, entry.path).replaceAll('.', '\\.')));
				}
			});

			test(`${product.name}: the overview twin links every entry's twin, by category`, () => {
				const root = parseMarkdown(productMarkdown(registry, product, SITE));
				const links = nodesOf(root, 'link');
				for (const entry of product.errors) {
					assert.equal(
						links.filter((l) => l.url === twinUrl(SITE, entry) && shown(l) === entry.code).length,
						1,
						`${entry.code} is not listed once`
					);
				}
				const categories = nodesOf(root, 'heading')
					.filter((h) => h.depth === 3)
					.map(shown);
				for (const c of product.categories) {
					if (product.errors.some((e) => e.category === c.id))
						assert.ok(
							categories.some((h) => h.startsWith(c.name)),
							`category ${c.name} has no heading`
						);
				}
				// Product tables keep their shape and their text, pipes and all.
				const tables = nodesOf(root, 'table');
				const expected = product.sections.flatMap((s) =>
					s.blocks.flatMap((b) => ('table' in b ? [b.table] : []))
				);
				assert.equal(tables.length, expected.length);
				for (const [i, t] of expected.entries()) {
					assert.deepEqual(
						tables[i]!.children.map((row) => row.children.map(shown)),
						// Headings are plain text, as on the page; cells are prose.
						[t.columns, ...t.rows.map((row) => row.map((cell) => proseShown(cell).text))]
					);
				}
			});
		}

	test('two entries that share a code link each other', () => {
		const { registry } = REGISTRIES[0]!;
		const [shared] = [...new Set(allEntries(registry).map((e) => e.code))]
			.map((code) => allEntries(registry).filter((e) => e.code === code))
			.filter((same) => same.length > 1);
		assert.ok(shared, 'the registry has no shared code: this test needs one');
		const [a, b] = shared;
		const markdown = entryMarkdown(registry, findProduct(registry, a!.product)!, a!, SITE);
		assert.ok(nodesOf(parseMarkdown(markdown), 'link').some((l) => l.url === twinUrl(SITE, b!)));
	});
});
