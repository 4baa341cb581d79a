/**
 * Registry text reaches HTML literally: a site built from a fixture registry whose text is full of
 * characters that MDX, Markdown and HTML treat specially shows each of them as written. Only
 * `backtick spans` mean something: they are code. Built in a copy of the project, so the working
 * tree's pages are untouched.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject } from '../../scripts/project-copy.ts';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import { allEntries } from '../../src/registry/model.ts';
import { expect, test } from './fixtures.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/registries/valid');
const SITE = join(PROJECT_ROOT, '.astro/escaping-site');

/** Text as a reader sees it, and the code spans in it: the backticks themselves are not shown. */
function asShown(text: string): { text: string; code: string[] } {
	const parts = text.split('`');
	const closed = parts.length % 2 === 1;
	const code = parts.filter((_, i) => i % 2 === 1 && (closed || i < parts.length - 1));
	return {
		text: closed ? parts.join('') : `${parts.slice(0, -1).join('')}\`${parts.at(-1)}`,
		code,
	};
}

test('text with {braces}, <tags>, *, |, & and backticks renders literally', async ({ page }) => {
	test.setTimeout(240_000);
	copyProject(SITE, undefined);
	const env = { ...process.env, ATLAS_REGISTRY_DIR: FIXTURE, ASTRO_TELEMETRY_DISABLED: '1' };
	for (const args of [['scripts/generate.ts'], ['node_modules/astro/bin/astro.mjs', 'build']]) {
		const r = spawnSync(process.execPath, args, { cwd: SITE, env, encoding: 'utf8' });
		expect(r.status, `${args.join(' ')} failed:\n${(r.stdout + r.stderr).slice(-2000)}`).toBe(0);
	}

	const registry = loadRegistry(FIXTURE);
	const entry = allEntries(registry).find((e) => e.fix?.includes('*'))!;
	await page.setContent(readFileSync(join(SITE, 'dist', entry.path, 'index.html'), 'utf8'));
	const fix = asShown(entry.fix!);
	await expect(page.locator('#fix + p')).toHaveText(fix.text);
	await expect(page.locator('#fix + p code')).toHaveText(fix.code);
	await expect(page.locator('#fix + p em, #fix + p strong')).toHaveCount(0);
	await expect(page.locator('.atlas-template')).toHaveText(entry.message!);

	const product = registry.products[0]!;
	// A fresh document: the page above requires Trusted Types, which setContent's document.write does not use.
	await page.goto('about:blank');
	await page.setContent(readFileSync(join(SITE, 'dist', product.path, 'index.html'), 'utf8'));
	await expect(page.locator('main')).toContainText(asShown(product.tagline!).text);
	const table = product.sections[0]!.blocks.find((b) => 'table' in b)!;
	const cell = 'table' in table ? table.table.rows[0]![1]! : '';
	await expect(page.locator('main td').filter({ hasText: cell })).toHaveCount(1);
});
