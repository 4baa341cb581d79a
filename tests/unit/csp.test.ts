/**
 * The site's CSP: the config allows Starlight's inline scripts by hash and nothing inline in
 * general; the check of built pages finds what a policy would block (tests/fixtures/csp).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
	csp,
	headersFile,
	HEADER_LINE_LIMIT,
	inlineScriptHashes,
	policyFirst,
	sha256,
	sitePolicy,
} from '../../src/integrations/csp.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { cspProblems, pagePolicy } from '../support/csp.ts';

describe('the CSP config', () => {
	it('allows no inline script or eval, only WebAssembly and hashed scripts', () => {
		const config = csp();
		const sources = config.scriptDirective?.resources ?? [];
		assert.ok(
			!sources.some((s) => /'unsafe-(?:inline|eval)'/.test(typeof s === 'string' ? s : s.resource))
		);
		assert.deepEqual(sources, ["'self'", "'wasm-unsafe-eval'"]);
	});

	it("lets pages fetch from this site only (the decoder data, Pagefind's index)", () => {
		assert.ok(csp().directives?.includes("connect-src 'self'"));
	});

	it("hashes Starlight's inline theme script exactly as the page carries it", () => {
		const source = readFileSync(
			join(PROJECT_ROOT, 'node_modules/@astrojs/starlight/dist/components/ThemeProvider.astro'),
			'utf8'
		);
		const body = /<script is:inline>([\s\S]*?)<\/script>/.exec(source)![1]!;
		assert.ok(
			inlineScriptHashes([join(PROJECT_ROOT, 'node_modules/@astrojs/starlight')]).includes(
				sha256(body)
			)
		);
	});
});

describe('the check of built pages', () => {
	it("reports each inline script, style, handler and javascript: URL the page's policy would block", () => {
		const html = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/csp/blocked.html'), 'utf8');
		assert.deepEqual(
			cspProblems('/blocked.html', html).map((p) => p.problem),
			[
				"runs an inline script its policy does not allow: document.title = 'not allowed: no hash, and no unsafe-inline';",
				'has an inline style element its policy does not allow: body { color: red; }',
				'has an inline event handler (onclick), which no hash can allow',
				'has a javascript: URL (javascript:alert(1))',
			]
		);
	});

	it('reads an attribute value that says `onTimeout=continue` (a message in a description) as text, not a handler', () => {
		const policy =
			'<meta http-equiv="content-security-policy" content="default-src \'self\'; script-src \'self\'">';
		const html = `<head>${policy}<meta property="og:description" content="WaitForEvent uses onTimeout=continue"><p title='a onclick=x'>onload=y</p>`;
		assert.deepEqual(cspProblems('/text/', html), []);
	});

	it('reports a policy that allows inline script, and a page without a policy, a redirect page too', () => {
		const loose =
			'<meta http-equiv="content-security-policy" content="script-src \'self\' \'unsafe-inline\'">';
		assert.deepEqual(
			cspProblems('/loose/', loose).map((p) => p.problem),
			["allows 'unsafe-inline' in script-src"]
		);
		assert.deepEqual(
			cspProblems('/none/', '<title>x</title><script>1</script>').map((p) => p.problem),
			['has no content-security-policy meta element']
		);
		const redirect =
			'<!doctype html><title>Redirecting to: /a/</title><meta http-equiv="refresh" content="0;url=/a/"><body><a href="/a/">/a/</a></body>';
		assert.deepEqual(
			cspProblems('/e/A/', redirect).map((p) => p.problem),
			['has no content-security-policy meta element']
		);
	});

	it('reports a policy that is not the first thing in <head>, which leaves what comes before it uncovered', () => {
		const policy = '<meta http-equiv="content-security-policy" content="default-src \'self\'">';
		const first = [
			`<!doctype html><html lang="en"><head><meta charset="utf-8"/>${policy}<title>x</title>`,
			`<!doctype html>${policy}<title>Redirecting</title>`,
			`<!DOCTYPE html>\n<html>\n<head>\n${policy}`,
		];
		for (const html of first) assert.deepEqual(cspProblems('/first/', html), [], html);
		const late = `<!doctype html><html lang="en"><head><meta charset="utf-8"/><title>x</title><link rel="stylesheet" href="/a.css">${policy}`;
		assert.deepEqual(
			cspProblems('/late/', late).map((p) => p.problem),
			[
				'has its policy after what it should cover, not first in <head>: <title>x</title><link rel="stylesheet" href="/a.css">',
			]
		);
	});
});

describe('where the policy goes', () => {
	const policy = "default-src 'self'; script-src 'self' 'sha256-abc='";
	const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;

	it("moves a page's policy to the front of its <head>, after <meta charset> alone", () => {
		const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>x</title><script>theme()</script><link rel="stylesheet" href="/a.css">${meta}<script type="module" src="/b.js"></script></head><body></body></html>`;
		const placed = policyFirst(page, 'unused');
		assert.equal(
			placed,
			`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>${meta}<title>x</title><script>theme()</script><link rel="stylesheet" href="/a.css"><script type="module" src="/b.js"></script></head><body></body></html>`
		);
		assert.deepEqual(
			cspProblems('/x/', placed).filter((p) => p.problem.includes('first')),
			[]
		);
		assert.equal(policyFirst(placed, 'unused'), placed, 'placing it again changes nothing');
	});

	it("gives a redirect page, which Astro writes without one, the site's policy", () => {
		const redirect =
			'<!doctype html><title>Redirecting to: /a/</title><meta http-equiv="refresh" content="0;url=/a/"><body><a href="/a/">/a/</a></body>';
		const placed = policyFirst(redirect, policy);
		assert.equal(
			placed,
			`<!doctype html>${meta}<title>Redirecting to: /a/</title><meta http-equiv="refresh" content="0;url=/a/"><body><a href="/a/">/a/</a></body>`
		);
		assert.deepEqual(cspProblems('/e/A/', placed), []);
	});

	it("sends the pages' policy as it is when they agree, and what each allows when they do not", () => {
		assert.equal(sitePolicy([policy, policy]), policy);
		const other = "default-src 'self'; script-src 'self' 'sha256-def='; style-src 'self'";
		assert.equal(
			sitePolicy([policy, other]),
			"default-src 'self'; script-src 'self' 'sha256-abc=' 'sha256-def='; style-src 'self'"
		);
	});

	it("writes _headers: the policy for every path, with frame-ancestors 'none', refusing a line Cloudflare Pages would ignore", () => {
		const file = headersFile(`${policy};`);
		assert.match(
			file,
			/^\/\*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'\n$/m
		);
		assert.deepEqual(
			pagePolicy(
				`<meta http-equiv="content-security-policy" content="${/Content-Security-Policy: (.*)/.exec(file)![1]}">`
			)?.get('frame-ancestors'),
			["'none'"]
		);
		assert.throws(
			() => headersFile(`script-src ${"'sha256-x=' ".repeat(HEADER_LINE_LIMIT / 10)}`),
			/over the 2000 Cloudflare Pages reads/
		);
	});
});
