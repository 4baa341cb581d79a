/**
 * The MCP server as a client uses it: started as `npm run mcp` starts it, over stdio, with the
 * SDK's client (one server for the file). Its tools and their schemas; every code through
 * get_error, each entry's message with real values through explain_error, search_errors and
 * list_products against the registry; bad input answered as a tool error, and the server still
 * answering after it. Expected values come from the registry and the values put in.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { decode, readQuery, report, type Report } from '../../src/decode/index.ts';
import { entryMarkdown } from '../../src/markdown/render.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { entriesByCode, entriesByCategory, findProduct } from '../../src/registry/model.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { absoluteUrl } from '../../src/registry/urls.ts';
import { allEntries, data, matchable, registry, samples } from './decode-fixtures.ts';

const SITE = 'https://errors.example.com';
const client = new Client({ name: 'error-atlas-test', version: '0' });

before(() =>
	client.connect(
		new StdioClientTransport({
			command: process.execPath,
			args: [join(PROJECT_ROOT, 'scripts/mcp.ts')],
			cwd: PROJECT_ROOT,
			env: { ...(process.env as Record<string, string>), SITE_URL: SITE },
			stderr: 'pipe',
		})
	)
);
after(() => client.close());

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
	return (await client.callTool({ name, arguments: args })) as CallToolResult;
}
const textOf = (r: CallToolResult) => (r.content[0] as { text: string }).text;

async function refused(name: string, args: Record<string, unknown>, says: RegExp): Promise<void> {
	const r = await call(name, args);
	assert.equal(r.isError, true, `${name} ${JSON.stringify(args).slice(0, 80)} is a tool error`);
	assert.equal(r.content.length, 1);
	assert.match(textOf(r), says);
	assert.doesNotMatch(textOf(r), /^\s+at /m, 'no stack trace');
}

const ids = registry.products.map((p) => p.id);
const codes = entriesByCode(registry);

describe('the MCP server', () => {
	it('lists its four tools, each with a description and an input schema', async () => {
		const { tools } = await client.listTools();
		const byName = new Map(tools.map((t) => [t.name, t]));
		assert.deepEqual([...byName.keys()].sort(), [
			'explain_error',
			'get_error',
			'list_products',
			'search_errors',
		]);
		for (const t of tools) assert.ok((t.description ?? '').length > 40, t.name);
		assert.deepEqual(byName.get('explain_error')!.inputSchema.required, ['text']);
		assert.deepEqual(byName.get('get_error')!.inputSchema.required, ['code']);
		assert.deepEqual(byName.get('search_errors')!.inputSchema.required, ['query']);
		for (const name of ['get_error', 'search_errors'])
			assert.deepEqual(
				[...(byName.get(name)!.inputSchema.properties!.product as { enum: string[] }).enum].sort(),
				[...ids].sort()
			);
	});

	it('get_error: every code, any spelling, gives each entry with it as its Markdown twin', async () => {
		for (const [code, entries] of entriesByCode(registry)) {
			const r = await call('get_error', { code: code.toLowerCase().replaceAll('_', ' ') });
			assert.ok(!r.isError, code);
			const got = (r.structuredContent as { entries: { markdown: string; url: string }[] }).entries;
			assert.deepEqual(
				got.map((g) => g.url).sort(),
				entries.map((e) => absoluteUrl(SITE, e.path)).sort()
			);
			for (const e of entries) {
				const twin = entryMarkdown(registry, findProduct(registry, e.product)!, e, SITE);
				assert.ok(textOf(r).includes(twin), `${code}: ${e.product}'s twin`);
			}
			if (entries.length > 1) {
				const one = await call('get_error', { code, product: entries[1]!.product });
				assert.deepEqual(
					(one.structuredContent as { entries: { url: string }[] }).entries.map((g) => g.url),
					entries
						.filter((e) => e.product === entries[1]!.product)
						.map((e) => absoluteUrl(SITE, e.path))
				);
			}
		}
	});

	it('explain_error: each entry from its message with real values, as the card tells it', async () => {
		for (const e of allEntries(registry)) {
			if (e.message === undefined || !matchable(e.message)) continue;
			const values = samples(e, 'awkward');
			const text = fillTemplate(e.message, values);
			const r = await call('explain_error', { text });
			assert.ok(!r.isError, text);
			const told = r.structuredContent as unknown as Report;
			assert.deepEqual(told, report(decode(text, data), data, { site: SITE, text }));
			const card = told.groups[0]!.cards[0]!;
			assert.equal(card.url.split('#')[0], absoluteUrl(SITE, e.path));
			for (const value of Object.values(values)) assert.ok(textOf(r).includes(value), value);
			assert.ok(textOf(r).includes(card.url) && textOf(r).includes(card.markdownUrl));
		}
	});

	it('explain_error: nothing matched says so, with the closest code', async () => {
		const e = allEntries(registry)[0]!;
		const r = await call('explain_error', { text: `${e.code}Z` });
		assert.ok(!r.isError);
		assert.ok(textOf(r).includes(absoluteUrl(SITE, e.path)), textOf(r));
	});

	it('search_errors: each code first for itself, within a product when asked, no more than limit', async () => {
		for (const e of allEntries(registry)) {
			const r = await call('search_errors', { query: e.code, product: e.product, limit: 50 });
			const results = (
				r.structuredContent as { results: { code: string; url: string; product: string }[] }
			).results;
			assert.equal(results[0]?.code, e.code);
			assert.ok(
				results.some((x) => x.url === absoluteUrl(SITE, e.path)),
				e.code
			);
			assert.ok(
				results.every((x) => x.product === e.product),
				e.code
			);
		}
		// The first word most codes begin with: more codes than the dialog's six rows.
		const firstWords = allEntries(registry).map((e) => `${e.code.split('_')[0]!}_`);
		const prefix = firstWords.reduce((best, w) =>
			firstWords.filter((x) => x === w).length > firstWords.filter((x) => x === best).length
				? w
				: best
		);
		const all = (await call('search_errors', { query: prefix, limit: 50 })).structuredContent as {
			results: unknown[];
		};
		const one = (await call('search_errors', { query: prefix, limit: 1 })).structuredContent as {
			results: unknown[];
		};
		assert.ok(all.results.length > 1, prefix);
		assert.equal(one.results.length, 1);
		// Up to `limit`, past the six rows the site's dialog shows.
		const starting = allEntries(registry).filter((e) => e.code.startsWith(prefix)).length;
		assert.equal(all.results.length, Math.min(50, starting), prefix);
	});

	it('search_errors: reads a query as every surface of the site does (readQuery)', async () => {
		const e = allEntries(registry).find(
			(x) => x.code.split('_').length >= 3 && !codes.has(x.code.split('_').slice(1).join('_'))
		)!;
		for (const query of [e.code.split('_').slice(1).join(' ').toLowerCase(), `${e.code}X`]) {
			const r = await call('search_errors', { query, limit: 50 });
			const results = (r.structuredContent as { results: { code: string; url: string }[] }).results;
			const read = readQuery(query, data, 50);
			assert.deepEqual(
				results.map((x) => x.code),
				read.filter((h) => h.kind === read[0]!.kind).map((h) => h.code),
				query
			);
		}
	});

	it('list_products: every product with its count, categories and pages', async () => {
		const r = await call('list_products', {});
		const { products } = r.structuredContent as {
			products: { id: string; errors: number; categories: { errors: number }[]; url: string }[];
		};
		assert.deepEqual(
			products.map((p) => p.id),
			ids
		);
		for (const p of products) {
			const product = findProduct(registry, p.id)!;
			assert.equal(p.errors, product.errors.length);
			assert.equal(p.categories.length, entriesByCategory(product).length);
			assert.equal(
				p.categories.reduce((n, g) => n + g.errors, 0),
				p.errors
			);
			assert.equal(p.url, absoluteUrl(SITE, product.path));
			assert.ok(textOf(r).includes(product.name));
		}
	});

	it('answers bad input with a tool error saying what to pass, and keeps answering', async () => {
		await refused('explain_error', { text: '' }, /^text is empty — /);
		await refused('explain_error', { text: ' \n\t ' }, /^text is empty — /);
		await refused('explain_error', {}, /text must be a string/);
		await refused('explain_error', { text: 42 }, /text must be a string/);
		await refused(
			'explain_error',
			{ text: 'x'.repeat(50_000_000) },
			/^explain_error: the request is 50\.0 MB, over the \d+ MiB this server reads — /
		);
		await refused(
			'get_error',
			{ code: 'PORT_IN_USE', product: 'nope' },
			/unknown product "nope" — the products are /
		);
		await refused('get_error', { code: null }, /code must be a string/);
		await refused('get_error', { code: 'NO_SUCH_CODE_AT_ALL' }, /^no code "NO_SUCH_CODE_AT_ALL"/);
		await refused('search_errors', { query: 'x', limit: 0 }, /limit must be a whole number/);
		await refused('search_errors', { query: 'x', limit: 'ten' }, /limit must be a whole number/);
		await refused('search_errors', { query: '' }, /^query is empty — /);
		const e = allEntries(registry)[0]!;
		const still = await call('get_error', { code: e.code, product: e.product });
		assert.ok(!still.isError, 'the server still answers');
	});
});
