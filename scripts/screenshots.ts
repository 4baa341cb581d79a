/**
 * Screenshots of the built site for a human look: light and dark, wide and narrow.
 * Usage: npm run build && npm run preview & node scripts/screenshots.ts [base URL] [path …]   (--help says more)
 * Writes PNGs to .shots/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.ts';
import { commandLine } from './cli.ts';

const USAGE = `Usage: node scripts/screenshots.ts [BASE-URL] [PATH…]

Screenshots of a served site (npm start, or npm run preview after a build), light and dark, wide
and narrow, into .shots/. BASE-URL defaults to http://localhost:4321; the paths, to a page of
each kind.`;

if (import.meta.main) {
	const { positionals } = commandLine('screenshots', USAGE, {}, { positionals: true });
	const [base = 'http://localhost:4321', ...asked] = positionals;
	const paths = asked.length
		? asked
		: [
				'/',
				'/asymmetric/',
				'/asymmetric/errors/port-in-use/',
				'/smithers/errors/task-heartbeat-timeout/',
				'/assetcore/errors/container-not-found/',
				'/diagnose/',
			];
	mkdirSync('.shots', { recursive: true });
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	for (const scheme of ['light', 'dark'] as const) {
		for (const [label, viewport] of [
			['wide', { width: 1280, height: 900 }],
			['narrow', { width: 390, height: 844 }],
		] as const) {
			const page = await browser.newPage({ viewport, colorScheme: scheme });
			await page.addInitScript((s) => localStorage.setItem('starlight-theme', s), scheme);
			for (const path of paths) {
				await page.goto(base + path);
				const name = `.shots/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${scheme}-${label}.png`;
				await page.screenshot({ path: name, fullPage: true });
				console.log(name);
			}
			await page.close();
		}
	}
	await browser.close();
}
