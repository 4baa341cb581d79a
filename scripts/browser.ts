/**
 * Finds a Chromium for the browser tests, installing one when the machine has none.
 *
 * Order: $CHROMIUM_PATH, Playwright's own download, Debian/Ubuntu's /usr/bin/chromium, Chrome.
 * With none: as root on Debian, `apt-get install chromium`; elsewhere `playwright install chromium`.
 * Prints what it found or did. Imported by playwright.config.ts for the executable path.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { commandLine } from './cli.ts';

/** Flags for a headless Chromium on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

const SYSTEM_BROWSERS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
];

export function findChromium(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		throw new Error(
			`CHROMIUM_PATH is set to ${fromEnv}, which does not exist: point it at a Chromium binary or unset it.`
		);
	}
	const own = chromium.executablePath();
	if (own && existsSync(own)) return own;
	return SYSTEM_BROWSERS.find((p) => existsSync(p));
}

function install(): void {
	const isRoot = process.getuid?.() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log(
			"browser: no Chromium found; installing Debian's chromium with apt-get (one time, about a minute)…"
		);
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		return;
	}
	console.log('browser: no Chromium found; running `npx playwright install chromium`…');
	const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
	if (r.status !== 0) {
		throw new Error(
			'Could not install Chromium. Install one yourself (apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH to a Chromium binary, then run the tests again.'
		);
	}
}

const USAGE = `Usage: node scripts/browser.ts

Finds a Chromium for the browser tests ($CHROMIUM_PATH, Playwright's own, /usr/bin/chromium,
Chrome) or installs one, and prints which; npm run test:e2e runs it first.`;

if (import.meta.main) {
	commandLine('browser', USAGE, {});
	try {
		let path = findChromium();
		if (!path) {
			install();
			path = findChromium();
		}
		if (!path)
			throw new Error(
				'Chromium was installed but cannot be found: set CHROMIUM_PATH to its binary.'
			);
		console.log(`browser: using ${path}`);
	} catch (error) {
		console.error(`browser: ${(error as Error).message}`);
		process.exit(1);
	}
}
