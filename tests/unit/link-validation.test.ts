/**
 * The build fails on a broken link in the Markdown pages: a two-page Starlight site with the
 * project's link validation (tests/fixtures/links-site) and one link to a page that does not exist.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { PROJECT_ROOT } from '../../src/registry/load.ts';

it('fails the build on a Markdown link to a missing page, naming the link, and accepts pages src/pages renders', () => {
	// Built from inside the fixture, so its build folders are its own and not the project's.
	const site = join(PROJECT_ROOT, 'tests/fixtures/links-site');
	const build = spawnSync(
		process.execPath,
		[join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{
			cwd: site,
			encoding: 'utf8',
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		}
	);
	const output = build.stdout + build.stderr;
	assert.notEqual(build.status, 0, 'the build should fail');
	const at = output.indexOf('Links validation failed');
	assert.ok(at !== -1, `the build failed, but not on links:\n${output.slice(-2000)}`);
	const report = output.slice(at);
	assert.match(report, /\/absent\/[\s\S]*invalid link/);
	assert.match(report, /Found 1 invalid link/);
	assert.doesNotMatch(report, /\/custom\/|\/present\//);
});
