/**
 * The machine-readable reference as built: an agent given the site's root can find every error
 * (llms.txt), read it as Markdown (the twins every page links in its head), get the whole registry
 * as JSON that validates against the published schema, and a team can copy a typed module. A
 * reader can copy a page as Markdown with one click.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { typedModule } from '../../src/api/module.ts';
import { hasTwin } from '../../src/markdown/render.ts';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import { allEntries } from '../../src/registry/model.ts';
import {
	API_REGISTRY_PATH,
	absoluteUrl,
	llmsTxtPath,
	markdownPath,
	schemaPath,
	typedModulePath,
} from '../../src/registry/urls.ts';
import { DIST } from '../support/dist.ts';
import { expectedSections } from '../support/entry-sections.ts';
import { parseLlmsTxt } from '../support/llmstxt.ts';
import { unresolved } from '../support/machine-urls.ts';
import { nodesOf, parseMarkdown, proseShown, shown } from '../support/markdown.ts';
import { canonicalOrigin } from '../support/site-links.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();
/** The origin the site was built for (SITE_URL): every absolute URL in the files starts with it. */
const SITE = `${canonicalOrigin(readFileSync(join(DIST, 'index.html'), 'utf8'))}/`;

const built = (path: string) => readFileSync(join(DIST, path), 'utf8');
/** Where an absolute URL of the site points in the built site, or why it points nowhere. */
const problem = (url: string) =>
	url.startsWith(SITE)
		? unresolved(DIST, `/${url.slice(SITE.length)}`)
		: `not on the site (${SITE})`;

test("each llms.txt follows llmstxt.org's structure, and every link in it resolves to a built file", () => {
	for (const path of [llmsTxtPath(), ...registry.products.map((p) => llmsTxtPath(p.id))]) {
		const file = parseLlmsTxt(built(path));
		const links = [
			...file.sections.flatMap((s) => s.links.map((l) => l.url)),
			...[...file.info.matchAll(/\]\((\S+)\)/g)].map((m) => m[1]!),
		];
		expect(links.length, path).toBeGreaterThan(0);
		expect(
			links.map((url) => [url, problem(url)]).filter(([, why]) => why),
			path
		).toEqual([]);
	}
	const root = parseLlmsTxt(built(llmsTxtPath()));
	expect(root.sections.flatMap((s) => s.links.map((l) => l.url))).toEqual(
		expect.arrayContaining(allEntries(registry).map((e) => absoluteUrl(SITE, markdownPath(e.path))))
	);
});

test("every entry's Markdown twin is built, with its code and its exact message or description", () => {
	for (const entry of allEntries(registry)) {
		const root = parseMarkdown(built(markdownPath(entry.path)));
		const [title] = nodesOf(root, 'heading');
		expect(title && shown(title), entry.path).toBe(entry.code);
		if (entry.message)
			expect(
				nodesOf(root, 'code').map((c) => c.value),
				entry.path
			).toContain(entry.message);
		for (const text of [entry.when, entry.description]) {
			if (text)
				expect(nodesOf(root, 'paragraph').map(shown), entry.path).toContain(proseShown(text).text);
		}
	}
	for (const product of registry.products) {
		const links = nodesOf(parseMarkdown(built(markdownPath(product.path))), 'link').map(
			(l) => l.url
		);
		expect(links, product.path).toEqual(
			expect.arrayContaining(product.errors.map((e) => absoluteUrl(SITE, markdownPath(e.path))))
		);
	}
});

test("every entry's page and its Markdown twin show the sections the registry has facts for, with the same titles in the same order", () => {
	/** An entry page's sections: each one's anchor and its heading's text. */
	const pageSections = (html: string) =>
		[...html.matchAll(/<section aria-labelledby="([^"]+)"[^>]*><h2 id="\1">(.*?)<\/h2>/g)].map(
			([, id, title]) => ({ id, title: title!.replace(/<[^>]*>/g, '') })
		);
	for (const product of registry.products) {
		for (const entry of product.errors) {
			const expected = expectedSections(registry, product, entry);
			expect(pageSections(built(`${entry.path}index.html`)), entry.path).toEqual(expected);
			const twinHeadings = nodesOf(parseMarkdown(built(markdownPath(entry.path))), 'heading')
				.filter((h) => h.depth === 2)
				.map(shown);
			expect(twinHeadings, markdownPath(entry.path)).toEqual(expected.map((s) => s.title));
		}
	}
});

test('every page links the llms.txt that covers it, and every page with a twin links it, in its head', () => {
	const pages = [
		'/',
		...registry.products.flatMap((p) => [p.path, ...p.errors.map((e) => e.path)]),
	];
	for (const path of pages) {
		const head = built(`${path}index.html`).split('</head>')[0]!;
		const href = (rel: string) =>
			new RegExp(`<link rel="${rel}" type="text/markdown" href="([^"]+)"`).exec(head)?.[1];
		// llmstxt.org v2: the most specific llms.txt above the page covers it.
		const product = registry.products.find((p) => path.startsWith(p.path));
		expect(href('describedby'), path).toBe(absoluteUrl(SITE, llmsTxtPath(product?.id)));
		expect(href('alternate'), path).toBe(
			hasTwin(registry, path) ? absoluteUrl(SITE, markdownPath(path)) : undefined
		);
		if (hasTwin(registry, path))
			expect(existsSync(join(DIST, markdownPath(path))), path).toBe(true);
	}
});

test("/api/errors.json validates against the schema it names, and lists exactly the registry's entries", () => {
	const ajv = new Ajv2020({ allErrors: true, formats: { uri: (s: string) => URL.canParse(s) } });
	const doc = JSON.parse(built(API_REGISTRY_PATH));
	expect(doc.$schema).toBe(absoluteUrl(SITE, schemaPath('api-errors')));
	const validate = ajv.compile(JSON.parse(built(schemaPath('api-errors'))));
	expect(validate(doc) ? [] : validate.errors).toEqual([]);
	const entries: { product: string; code: string; slug: string; jsonUrl: string }[] =
		doc.products.flatMap((p: { errors: unknown[] }) => p.errors);
	expect(entries.map((e) => `${e.product}/${e.code}/${e.slug}`)).toEqual(
		allEntries(registry).map((e) => `${e.product}/${e.code}/${e.slug}`)
	);

	const validateEntry = ajv.compile(JSON.parse(built(schemaPath('api-entry'))));
	for (const [i, e] of entries.entries()) {
		expect(problem(e.jsonUrl), e.jsonUrl).toBeUndefined();
		const one = JSON.parse(built(new URL(e.jsonUrl).pathname));
		expect(validateEntry(one) ? [] : validateEntry.errors, e.jsonUrl).toEqual([]);
		expect(one.entry).toEqual(entries[i]);
	}
	expect(built(schemaPath('registry'))).toBe(
		readFileSync(join(PROJECT_ROOT, 'content/registry/registry.schema.json'), 'utf8')
	);
});

test("each product's typed module is served as generated (compiled and run by the unit tests)", () => {
	for (const product of registry.products) {
		expect(built(typedModulePath(product.id)), product.id).toBe(
			typedModule(registry, product, SITE)
		);
	}
});

for (const product of registry.products) {
	const entry = product.errors[0]!;
	test(`${product.name}: "Copy as Markdown" on ${entry.code}'s page copies its twin`, async ({
		page,
		context,
		baseURL,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		await page.goto(entry.path);
		const button = page.getByRole('button', { name: 'Copy as Markdown' });
		await button.click();
		await expect(button).toHaveText('Copied');
		const twin = await (await page.request.get(markdownPath(entry.path))).text();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(twin);
		expect(twin).toBe(built(markdownPath(entry.path)));

		const link = page.getByRole('link', { name: 'This page as Markdown' });
		await expect(link).toHaveAttribute('href', markdownPath(entry.path));
	});
}
