/**
 * The search dialog draws itself with Starlight's own styles, copied into src/styles/starlight/
 * because its override cannot render Starlight's component (see src/components/Search.astro). The
 * copies must stay what the installed Starlight ships: when Starlight changes them, this fails
 * and says which file to copy again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/registry/load.ts';

const STARLIGHT_SEARCH = fileURLToPath(
	import.meta.resolve('@astrojs/starlight/components/Search.astro')
);

/** Starlight's search styles, by the file that copies them: its scoped `<style>` and its `<style is:global>`. */
function starlightStyles(source: string): { 'search.css'?: string; 'pagefind-ui.css'?: string } {
	const blocks = [...source.matchAll(/<style( is:global)?>([\s\S]*?)<\/style>/g)];
	assert.equal(
		blocks.length,
		2,
		`${STARLIGHT_SEARCH} now has ${blocks.length} <style> blocks, not 2: compare it with src/styles/starlight/`
	);
	return Object.fromEntries(
		blocks.map(([, global, css]) => [global ? 'pagefind-ui.css' : 'search.css', css!])
	);
}

/** The CSS as lines, without indentation, blank lines or the copy's own header comment. */
function lines(css: string): string[] {
	return css
		.replace(/^\s*\/\*[\s\S]*?\*\//, (header) =>
			header.includes('copied unchanged') ? '' : header
		)
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}

describe("Starlight's search styles, as copied", () => {
	const installed = starlightStyles(readFileSync(STARLIGHT_SEARCH, 'utf8'));
	for (const file of ['search.css', 'pagefind-ui.css'] as const) {
		it(`src/styles/starlight/${file} is what the installed Starlight ships`, () => {
			const copy = readFileSync(join(PROJECT_ROOT, 'src/styles/starlight', file), 'utf8');
			assert.deepEqual(
				lines(copy),
				lines(installed[file]!),
				`src/styles/starlight/${file} no longer matches ${STARLIGHT_SEARCH}: copy its ${file === 'search.css' ? '<style>' : '<style is:global>'} again, with the version in the header`
			);
		});
	}
});
