/**
 * The decoder island in a browser, with a huge paste: the 50 MB log of the browser test
 * (tests/support/large-paste.ts) pasted into /diagnose/ of a built site, then keys typed in the box.
 * For each, measured in the page: paste → result shown, and keypress → next frame (the box
 * answering the key) and keypress → result shown. "Shown" is the first frame after the results
 * changed. Reusable: `scripts/bench.ts` calls `islandBench()` on the real site it builds.
 *
 * Usage: node scripts/bench-island.ts [--dir dist] [--runs N] [--json]   (--help says more)
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { loadRegistry } from '../src/registry/load.ts';
import { allEntries } from '../src/registry/model.ts';
import { fillTemplate } from '../src/registry/template.ts';
import { DIAGNOSE_PATH } from '../src/registry/urls.ts';
import { LOG_MIB, logLength, PASTE_MARK, pasteLog } from '../tests/support/large-paste.ts';
import { CHROMIUM_ARGS, findChromium } from './browser.ts';
import { commandLine, refuse } from './cli.ts';
import { serve } from './serve.ts';
import { ascending, percentile } from './bench-stats.ts';

/** Keys typed after each paste, each after the result of the one before: a word added to the log's last line. */
const KEYS = [' ', 'o', 'k'];
const DEFAULT_RUNS = 5;
/** How long one step may take before the measurement is given up as failed, rather than hanging. */
const STEP_MILLIS = 30_000;

/** `step`, or a failure naming what did not happen within STEP_MILLIS. */
async function within<T>(step: Promise<T>, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, fail) => {
		timer = setTimeout(
			() => fail(new Error(`${what} within ${STEP_MILLIS / 1000} s`)),
			STEP_MILLIS
		);
	});
	try {
		return await Promise.race([step, late]);
	} finally {
		clearTimeout(timer);
	}
}

/** Milliseconds: median, fastest and slowest of the samples. */
export interface Spread {
	median: number;
	min: number;
	max: number;
	samples: number;
}

export interface IslandFigures {
	/** Characters pasted. */
	pasteChars: number;
	/** Characters the box holds once the paste is in. */
	boxChars: number;
	browser: string;
	pasteToResult: Spread;
	keyToFrame: Spread;
	keyToResult: Spread;
}

/** What the island benchmark found: its figures, or why there are none (no browser here, or it failed). */
export type IslandBench = { figures: IslandFigures } | { notMeasured: string };

function spread(samples: number[]): Spread {
	const s = ascending(samples);
	return { median: percentile(s, 0.5), min: s[0]!, max: s.at(-1)!, samples: s.length };
}

declare global {
	interface Window {
		/** Settles at the first frame after the decoder's results next change. */
		__atlasNextResult?: () => Promise<number>;
		/** Settles with the next keydown's time and the end of the frame after it. */
		__atlasNextKey?: () => Promise<{ key: number; frame: number }>;
	}
}

/**
 * Puts the page's watchers in place. "After a frame" is a task queued from requestAnimationFrame:
 * it runs once that frame's style, layout and paint are done. (Defined here, not passed as source:
 * the site's Content Security Policy forbids eval.)
 */
async function instrument(page: Page): Promise<void> {
	await page.evaluate(() => {
		const afterFrame = () =>
			new Promise<number>((done) =>
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => done(performance.now());
					channel.port2.postMessage(null);
				})
			);
		const results = document.querySelector('atlas-decoder [data-results]')!;
		window.__atlasNextResult = () =>
			new Promise((done) => {
				const observer = new MutationObserver(() => {
					observer.disconnect();
					void afterFrame().then(done);
				});
				observer.observe(results, { childList: true, subtree: true, characterData: true });
			});
		window.__atlasNextKey = () =>
			new Promise((done) =>
				document.addEventListener(
					'keydown',
					(event) => void afterFrame().then((frame) => done({ key: event.timeStamp, frame })),
					{ once: true, capture: true }
				)
			);
	});
}

/** One paste and its keys in a fresh tab (no paste kept from an earlier run). */
async function run(
	page: Page,
	error: string
): Promise<{ paste: number; boxChars: number; keys: { frame: number; result: number }[] }> {
	await page.goto(DIAGNOSE_PATH);
	// Decoding waits for the data and the engine; a user pastes once the page has settled.
	await page
		.locator('atlas-decoder [data-results]:not([aria-busy])')
		.waitFor({ state: 'attached' });
	const box = page.locator('atlas-decoder textarea');
	await instrument(page);
	// Handles to promises in the page, started before the paste or the key they wait for.
	const result = await page.evaluateHandle(() => ({ shown: window.__atlasNextResult!() }));
	await pasteLog(box, { last: error });
	const shown = await within(
		result.evaluate((r) => r.shown),
		'no result was shown after the paste'
	);
	const pasted = await page.evaluate(
		(mark) => performance.getEntriesByName(mark)[0]!.startTime,
		PASTE_MARK
	);
	const boxChars = await box.evaluate((el: HTMLTextAreaElement) => el.value.length);
	const keys = [];
	for (const key of KEYS) {
		const next = await page.evaluateHandle(() => ({
			shown: window.__atlasNextResult!(),
			key: window.__atlasNextKey!(),
		}));
		await box.press(key);
		const { key: at, frame } = await within(
			next.evaluate((n) => n.key),
			`no frame followed the key "${key}"`
		);
		const result = await within(
			next.evaluate((n) => n.shown),
			`no result was shown after the key "${key}"`
		);
		keys.push({ frame: frame - at, result: result - at });
	}
	return { paste: shown - pasted, boxChars, keys };
}

/**
 * Serves the built site in `dir` and measures the island there `runs` times; says why not when no
 * browser can be started or the measurement fails, so that a benchmark still reports the rest.
 */
export async function islandBench(dir: string, runs = DEFAULT_RUNS): Promise<IslandBench> {
	let executablePath: string | undefined;
	try {
		executablePath = findChromium();
	} catch (failure) {
		return { notMeasured: (failure as Error).message };
	}
	if (!executablePath)
		return {
			notMeasured: 'no Chromium found (npm run test:e2e installs one, or set CHROMIUM_PATH)',
		};
	const e = allEntries(loadRegistry()).find((x) => x.code === 'PORT_IN_USE')!;
	const error = fillTemplate(e.message!, { port: '5432' });
	const server = await serve(dir, 0);
	let browser;
	try {
		browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	} catch (failure) {
		server.close();
		return {
			notMeasured: `Chromium at ${executablePath} did not start (${(failure as Error).message.split('\n')[0]})`,
		};
	}
	try {
		const baseURL = `http://localhost:${(server.address() as AddressInfo).port}`;
		const measured = [];
		for (let r = 0; r < runs; r++) {
			const context = await browser.newContext({ baseURL });
			measured.push(await run(await context.newPage(), error));
			await context.close();
		}
		const keys = measured.flatMap((m) => m.keys);
		return {
			figures: {
				pasteChars: logLength({ last: error }),
				boxChars: Math.max(...measured.map((m) => m.boxChars)),
				browser: `Chromium ${browser.version()}`,
				pasteToResult: spread(measured.map((m) => m.paste)),
				keyToFrame: spread(keys.map((k) => k.frame)),
				keyToResult: spread(keys.map((k) => k.result)),
			},
		};
	} catch (failure) {
		return {
			notMeasured: `the measurement failed (${(failure as Error).message.split('\n')[0]})`,
		};
	} finally {
		await browser.close();
		server.close();
	}
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
const row = (name: string, s: Spread) =>
	`${name.padEnd(26)}${ms(s.median).padStart(9)}${ms(s.min).padStart(10)}${ms(s.max).padStart(10)}${String(s.samples).padStart(9)}`;

/** The figures as bench prints them, or the one line saying why there are none. */
export function islandTable(bench: IslandBench): string {
	if ('notMeasured' in bench)
		return `Island in the browser: not measured — ${bench.notMeasured.replace(/\.$/, '')}.`;
	const f = bench.figures;
	return [
		`Island in the browser (${f.browser}, headless; ${LOG_MIB} MB log of short lines pasted, ${(f.pasteChars / 1e6).toFixed(1)} MB; the box then holds ${f.boxChars.toLocaleString('en')} characters)`,
		`${''.padEnd(26)}${'median'.padStart(9)}${'min'.padStart(10)}${'max'.padStart(10)}${'samples'.padStart(9)}`,
		row('paste → result shown', f.pasteToResult),
		row('keypress → next frame', f.keyToFrame),
		row('keypress → result shown', f.keyToResult),
	].join('\n');
}

const USAGE = `Usage: node scripts/bench-island.ts [--dir dist] [--runs N] [--json]

The decoder island's benchmark alone (npm run bench runs it on the real site it builds): a 50 MB
log pasted into /diagnose/ of a built site in headless Chromium, then keys typed; paste → result,
keypress → next frame and keypress → result, as median, min and max.

Options:
  --dir DIR    the built site (default dist; run npm run build first)
  --runs N     pastes, each in a fresh tab and followed by ${KEYS.length} keys (default ${DEFAULT_RUNS})
  --json       print one JSON object instead of the table
  -h, --help   show this help`;

if (import.meta.main) {
	const { values } = commandLine('bench-island', USAGE, {
		dir: { type: 'string', default: 'dist' },
		runs: { type: 'string', default: String(DEFAULT_RUNS) },
		json: { type: 'boolean', default: false },
	});
	const runs = Number(values.runs);
	if (!(Number.isInteger(runs) && runs > 0))
		refuse('bench-island', USAGE, `--runs ${values.runs} is not a positive whole number`);
	try {
		const bench = await islandBench(values.dir!, runs);
		console.log(values.json ? JSON.stringify(bench) : islandTable(bench));
	} catch (error) {
		console.error(`bench-island: ${(error as Error).message}`);
		process.exit(1);
	}
}
