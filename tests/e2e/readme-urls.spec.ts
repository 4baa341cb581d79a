/**
 * Every site URL the README names reaches its page as `npm start` serves the build
 * (scripts/serve.ts): as written, without (or with) its trailing slash, and in capitals — each in
 * one HTTP redirect at most. A URL written with placeholders (`/<product>/errors/<slug>/`) is
 * tried for every product and entry of the registry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { SCHEMAS } from '../../src/api/schema.ts';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import { entriesByCode } from '../../src/registry/model.ts';
import { SHORT_LINK_PREFIX, shortLinkPath } from '../../src/registry/urls.ts';
import { codeKey } from '../../src/decode/index.ts';
import { DIST } from '../support/dist.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

/** The first path segments the build serves (`api`, `e`, `llms.txt`…): a code span starting with another (`/usr/bin/chromium`) is no site URL. */
const served = new Set(readdirSync(DIST));

/** The site URLs in the README's code spans: a path on the site, or one with placeholders. */
function readmeUrls(): string[] {
	const spans = [...readme.matchAll(/`(\/[^`\s]*)`/g)].map((m) => m[1]!);
	return [
		...new Set(
			spans.filter((path) => {
				const first = path.split('/')[1]!;
				// `/e/` alone names the short links' prefix, not a page.
				return path !== SHORT_LINK_PREFIX && (!first || first.startsWith('<') || served.has(first));
			})
		),
	];
}

/** A URL with its placeholders filled in, every way the registry allows. */
function instances(url: string): string[] {
	const unknown = [...url.matchAll(/<(\w+)>/g)]
		.map((m) => m[1]!)
		.filter((name) => !['product', 'slug', 'CODE', 'code', 'name'].includes(name));
	if (unknown.length) throw new Error(`${url}: no values known for <${unknown.join('>, <')}>`);
	if (url.includes('<product>'))
		return registry.products.flatMap((p) =>
			url.includes('<slug>')
				? p.errors.map((e) => url.replace('<product>', p.id).replace('<slug>', e.slug))
				: [url.replace('<product>', p.id)]
		);
	const codes = [...entriesByCode(registry).keys()];
	if (url.includes('<CODE>')) return codes.map((c) => url.replace('<CODE>', c));
	if (url.includes('<code>')) return codes.map((c) => url.replace('<code>', c.toLowerCase()));
	if (url.includes('<name>')) return Object.keys(SCHEMAS).map((n) => url.replace('<name>', n));
	return [url];
}

/**
 * The page a URL is for: a short link's code's page (or chooser); else the URL with a page's
 * slash, in the case the build wrote it (the README shows `/Diagnose` typed by hand).
 */
function pageOf(url: string): string {
	if (url.startsWith(SHORT_LINK_PREFIX)) {
		const code = codeKey(url.slice(SHORT_LINK_PREFIX.length).replace(/\/$/, ''));
		const entries = entriesByCode(registry).get(code);
		if (!entries) throw new Error(`${url}: the README's short link names no code of the registry`);
		return entries.length === 1 ? entries[0]!.path : shortLinkPath(code);
	}
	const page = url.endsWith('/') || /\.\w+$/.test(url) ? url : `${url}/`;
	return existsSync(join(DIST, page)) ? page : page.toLowerCase();
}

/** How a person may type it: as written, without or with the trailing slash of a page, in capitals. */
function typings(url: string): string[] {
	const page = !/\.\w+$/.test(url);
	const other = url.endsWith('/') ? url.slice(0, -1) || '/' : `${url}/`;
	const ways = page ? [url, other] : [url];
	return [...new Set([...ways, ...ways.map((w) => w.toUpperCase())])];
}

/** What goes wrong requesting `typed`, which should reach `page`; undefined when it does in one redirect at most. */
async function problem(
	request: APIRequestContext,
	typed: string,
	page: string
): Promise<string | undefined> {
	const first = await request.get(typed, { maxRedirects: 0 });
	if (first.status() === 200)
		return typed === page ? undefined : `${typed}: 200 at itself, not ${page}`;
	const location = first.headers()['location'];
	if (first.status() < 300 || first.status() >= 400 || location !== page)
		return `${typed}: ${first.status()} ${location ?? ''}, not ${page}`;
	const second = await request.get(page, { maxRedirects: 0 });
	return second.status() === 200 ? undefined : `${typed} → ${page}: ${second.status()}`;
}

test('the README names the site URLs this test reads', () => {
	expect(readmeUrls()).toEqual(
		expect.arrayContaining(['/e/port_in_use', '/diagnose/', '/<product>/errors/<slug>/'])
	);
});

test('every URL in the README reaches its page, typed with or without its slash or in capitals, in one redirect at most', async ({
	request,
}) => {
	const problems: string[] = [];
	let tried = 0;
	for (const url of readmeUrls()) {
		for (const instance of instances(url)) {
			for (const typed of typings(instance)) {
				tried++;
				const wrong = await problem(request, typed, pageOf(instance));
				if (wrong) problems.push(wrong);
			}
		}
	}
	expect(problems).toEqual([]);
	expect(tried).toBeGreaterThan(100);
});
