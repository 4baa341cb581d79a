/**
 * SITE_URL, the origin of every absolute URL the site and the CLI write: an http(s) origin or
 * nothing. A bad value is refused in one line saying what is wrong and what to do, by the rule
 * itself, and by the build before it touches the output folder (explain's refusals are in
 * explain.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/registry/load.ts';
import { DEFAULT_SITE_URL } from '../../src/registry/urls.ts';
import { siteUrl, SiteUrlError } from '../../src/site/origin.ts';

describe('SITE_URL', () => {
	const accepted: [string | undefined, string][] = [
		[undefined, DEFAULT_SITE_URL],
		['', DEFAULT_SITE_URL],
		['https://errors.example.com', 'https://errors.example.com'],
		['https://Errors.Example.com/', 'https://errors.example.com'],
		['http://localhost:8080', 'http://localhost:8080'],
	];
	for (const [value, origin] of accepted) {
		it(`takes ${JSON.stringify(value)} as ${origin}`, () =>
			assert.equal(siteUrl(value).origin, origin));
	}

	const refused: [string, RegExp][] = [
		[
			'not a url',
			/^SITE_URL "not a url" is not a URL — set it to the site's origin, such as https:\/\/errors\.example\.com, or unset it/,
		],
		[
			'javascript:alert(1)',
			/^SITE_URL "javascript:alert\(1\)" is a javascript: URL — the site's links must be http\(s\): /,
		],
		[
			'data:text/html,<script>1</script>',
			/^SITE_URL "data:text\/html,<script>1<\/script>" is a data: URL — /,
		],
		['file:///srv/site', /^SITE_URL "file:\/\/\/srv\/site" is a file: URL — /],
		['ftp://errors.example.com', /^SITE_URL "ftp:\/\/errors\.example\.com" is a ftp: URL — /],
		[
			'https://user:secret@errors.example.com',
			/^SITE_URL "https:\/\/…@errors\.example\.com\/" has a user name or password in it, which every page would publish — remove it: https:\/\/errors\.example\.com\.$/,
		],
		[
			'https://errors.example.com/docs/',
			/^SITE_URL "https:\/\/errors\.example\.com\/docs\/" is not an origin — the site is built for the root of its host: set it to https:\/\/errors\.example\.com\.$/,
		],
		[
			'https://errors.example.com/?v=1',
			/^SITE_URL "https:\/\/errors\.example\.com\/\?v=1" is not an origin — /,
		],
		[
			'https://errors.example.com\u202e\x1b]0;x\x07',
			/^SITE_URL "https:\/\/errors\.example\.com\\u202e\\u001b\]0;x\\u0007" is not a URL — /,
		],
		['https://x'.padEnd(500, 'x') + '/path', /^SITE_URL "https:\/\/x{80,90}…" is not an origin — /],
	];
	for (const [value, message] of refused) {
		it(`refuses ${JSON.stringify(value.slice(0, 40))} in one line saying what to do`, () => {
			assert.throws(
				() => siteUrl(value),
				(error: unknown) => {
					assert.ok(error instanceof SiteUrlError);
					assert.match(error.message, message);
					assert.ok(
						!error.message.includes('\n') && !error.message.includes('secret'),
						error.message
					);
					return true;
				}
			);
		});
	}
});

describe('the build with a bad SITE_URL', () => {
	it('fails in one line before it touches the output folder', () => {
		const out = mkdtempSync(join(tmpdir(), 'atlas-site-url-'));
		try {
			writeFileSync(join(out, 'index.html'), 'the previous build');
			const build = spawnSync(
				process.execPath,
				[join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out],
				{
					cwd: PROJECT_ROOT,
					encoding: 'utf8',
					env: { ...process.env, SITE_URL: 'javascript:alert(1)', ASTRO_TELEMETRY_DISABLED: '1' },
				}
			);
			assert.notEqual(build.status, 0, 'the build should fail');
			assert.match(build.stderr, /^SITE_URL "javascript:alert\(1\)" is a javascript: URL — /);
			assert.equal(build.stderr.trim().split('\n').length, 1, build.stderr);
			assert.ok(!/\n\s+at /.test(build.stdout + build.stderr), 'no stack trace');
			assert.ok(existsSync(join(out, 'index.html')), 'the previous build is left as it was');
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});
});
