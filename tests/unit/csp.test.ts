/**
 * The site's CSP: the config allows Starlight's inline scripts by hash and nothing inline in
 * general; the check of built pages finds what a policy would block (tests/fixtures/csp).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { csp, inlineScriptHashes, sha256 } from '../../src/integrations/csp.ts';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { cspProblems } from '../support/csp.ts';

describe('the CSP config', () => {
	it('allows no inline script or eval, only WebAssembly and hashed scripts', () => {
		const config = csp();
		const sources = config.scriptDirective?.resources ?? [];
		assert.ok(!sources.some((s) => /'unsafe-(?:inline|eval)'/.test(typeof s === 'string' ? s : s.resource)));
		assert.deepEqual(sources, ["'self'", "'wasm-unsafe-eval'"]);
	});

	it('lets pages fetch from this site only (the decoder data, Pagefind\'s index)', () => {
		assert.ok(csp().directives?.includes("connect-src 'self'"));
	});

	it('hashes Starlight\'s inline theme script exactly as the page carries it', () => {
		const source = readFileSync(join(PROJECT_ROOT, 'node_modules/@astrojs/starlight/dist/components/ThemeProvider.astro'), 'utf8');
		const body = /<script is:inline>([\s\S]*?)<\/script>/.exec(source)![1]!;
		assert.ok(inlineScriptHashes([join(PROJECT_ROOT, 'node_modules/@astrojs/starlight')]).includes(sha256(body)));
	});
});

describe('the check of built pages', () => {
	it('reports each inline script, style, handler and javascript: URL the page\'s policy would block', () => {
		const html = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/csp/blocked.html'), 'utf8');
		assert.deepEqual(
			cspProblems('/blocked.html', html).map((p) => p.problem),
			[
				"runs an inline script its policy does not allow: document.title = 'not allowed: no hash, and no unsafe-inline';",
				'has an inline style element its policy does not allow: body { color: red; }',
				'has an inline event handler (onclick), which no hash can allow',
				'has a javascript: URL (javascript:alert(1))',
			],
		);
	});

	it('reports a policy that allows inline script, and a page without a policy', () => {
		const loose = '<meta http-equiv="content-security-policy" content="script-src \'self\' \'unsafe-inline\'">';
		assert.deepEqual(cspProblems('/loose/', loose).map((p) => p.problem), ["allows 'unsafe-inline' in script-src"]);
		assert.deepEqual(cspProblems('/none/', '<title>x</title><script>1</script>').map((p) => p.problem), ['has no content-security-policy meta element']);
	});
});
