/**
 * The scale benchmark: builds the site for the real registry and for larger synthetic ones, and
 * reports what a growing registry costs — build time, memory, site size, code-page weight, the
 * search index — against the targets of issue 6, with the decoder's figures (scripts/bench-decode.ts).
 *
 * Each site is built in its own copy of the project under .bench/ (gitignored), so a benchmark
 * never touches the working tree's src/content/docs/, dist/ or content/registry/. A synthetic
 * site holds the real products plus synthetic ones up to the size asked for, so the very same
 * real code pages can be compared at 132 codes and at 5,000.
 *
 * Wall-clock figures read high on a busy machine (the load average is reported with them); CPU
 * time much less so, which is why the generator's share is taken from CPU time.
 *
 * Usage: see USAGE below (`npm run bench -- --help`).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_REGISTRY_DIR, loadRegistry, PROJECT_ROOT } from '../src/registry/load.ts';
import { allEntries, type Registry } from '../src/registry/model.ts';
import { decoderBench, decoderTable, formatBytes, type DecoderFigures } from './bench-decode.ts';
import { islandBench, islandTable, type IslandBench } from './bench-island.ts';
import { percentile } from './bench-stats.ts';
import { commandLine } from './cli.ts';
import { listFiles } from './files.ts';
import { copyProject } from './project-copy.ts';
import { writeSyntheticRegistry } from './synthetic.ts';

const BENCH_DIR = join(PROJECT_ROOT, '.bench');
const DEFAULT_SIZES = [1000, 5000];
const QUICK_SIZES = [1000];

export const TARGETS = {
	/** The size the build targets are stated for. */
	codes: 5000,
	buildSeconds: 150,
	peakBytes: 3 * 1024 ** 3,
	codePageGzipBytes: 15 * 1024,
	/** How much a real code page may grow between the real registry and the largest size. */
	pageGrowth: 0.1,
	/** Of the build's CPU time. */
	generatorShare: 0.02,
} as const;

export interface Step {
	command: string;
	wallSeconds: number;
	cpuSeconds: number;
	peakBytes: number;
}

export interface PageSize {
	path: string;
	raw: number;
	gzip: number;
}

export interface SiteFigures {
	label: string;
	codes: number;
	products: number;
	steps: Step[];
	build: { wallSeconds: number; cpuSeconds: number; peakBytes: number };
	/** `share` is of the build's CPU time. */
	generator: { wallSeconds: number; cpuSeconds: number; share: number };
	site: { bytes: number; files: number };
	codePages: { count: number; median: PageSize; largest: PageSize };
	pagefind: { bytes: number; files: number };
	/** Gzipped size of every real code page, by path, to compare across sizes. */
	realPages: Record<string, number>;
	/** The 1-minute load average after the build: above the CPU count, wall times read high. */
	load: number;
}

/** The copy of the project a site is built in; its build is in `dist/` there. */
function siteDir(label: string): string {
	return join(BENCH_DIR, `site-${label}`);
}

function fail(message: string): never {
	console.error(`bench: ${message}`);
	process.exit(1);
}

/** Runs one shell step under GNU time: wall, user+sys CPU and peak RSS of the largest process. */
function timed(command: string, cwd: string, env: NodeJS.ProcessEnv): Step {
	const out = join(cwd, '.time');
	const log = join(cwd, 'build.log');
	const r = spawnSync('/usr/bin/time', ['-o', out, '-f', '%e %U %S %M', 'sh', '-c', command], {
		cwd,
		env,
		encoding: 'utf8',
		maxBuffer: 1 << 28,
	});
	appendFileSync(log, `$ ${command}\n${r.stdout}${r.stderr}`);
	if (r.status !== 0)
		fail(
			`"${command}" failed (exit ${r.status}) — see ${log} for why:\n${(r.stdout + r.stderr).trim().split('\n').slice(-10).join('\n')}`
		);
	const [wall, user, sys, kb] = readFileSync(out, 'utf8')
		.trim()
		.split('\n')
		.at(-1)!
		.split(' ')
		.map(Number);
	return { command, wallSeconds: wall!, cpuSeconds: user! + sys!, peakBytes: kb! * 1024 };
}

function bytes(files: string[]): number {
	return files.reduce((n, f) => n + statSync(f).size, 0);
}

function pageSize(dist: string, path: string): PageSize {
	const html = readFileSync(join(dist, path, 'index.html'));
	return { path, raw: html.length, gzip: gzipSync(html).length };
}

/**
 * Builds one site with the project's own `build` script, step by step, and measures it: the real
 * registry (`real`, loaded once by the caller) or, with `codes`, a synthetic one holding it.
 */
function benchSite(
	label: string,
	codes: number | undefined,
	ref: string | undefined,
	real: Registry
): SiteFigures {
	const dir = siteDir(label);
	copyProject(dir, ref);
	let registryDir = DEFAULT_REGISTRY_DIR;
	let registry = real;
	if (codes !== undefined) {
		registryDir = join(BENCH_DIR, `registry-${label}`);
		const realCount = allEntries(real).length;
		if (codes <= realCount)
			fail(
				`--codes ${codes} is not more than the real registry's ${realCount} codes — ask for a larger size.`
			);
		writeSyntheticRegistry(registryDir, codes - realCount);
		for (const f of readdirSync(DEFAULT_REGISTRY_DIR).filter((f) => /\.ya?ml$/.test(f)))
			cpSync(join(DEFAULT_REGISTRY_DIR, f), join(registryDir, f));
		registry = loadRegistry(registryDir);
	}
	const entries = allEntries(registry);
	const env = {
		...process.env,
		ATLAS_REGISTRY_DIR: registryDir,
		PATH: `${join(dir, 'node_modules/.bin')}:${process.env.PATH}`,
		ASTRO_TELEMETRY_DISABLED: '1',
	};
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
	};
	const steps = pkg.scripts.build!.split('&&').map((s) => timed(s.trim(), dir, env));
	const generatorStep = steps.find((s) => s.command.includes('scripts/generate.ts'));

	const dist = join(dir, 'dist');
	const files = listFiles(dist);
	// Each code page with the product it belongs to, smallest first.
	const sized = entries
		.map((e) => ({ product: e.product, page: pageSize(dist, e.path) }))
		.sort((a, b) => a.page.gzip - b.page.gzip);
	const pages = sized.map((s) => s.page);
	const pagefindFiles = listFiles(join(dist, 'pagefind'));
	const realIds = new Set(real.products.map((p) => p.id));
	const build = {
		wallSeconds: steps.reduce((n, s) => n + s.wallSeconds, 0),
		cpuSeconds: steps.reduce((n, s) => n + s.cpuSeconds, 0),
		peakBytes: Math.max(...steps.map((s) => s.peakBytes)),
	};
	return {
		label,
		codes: entries.length,
		products: registry.products.length,
		steps,
		build,
		generator: {
			wallSeconds: generatorStep?.wallSeconds ?? 0,
			cpuSeconds: generatorStep?.cpuSeconds ?? 0,
			share: (generatorStep?.cpuSeconds ?? 0) / build.cpuSeconds,
		},
		site: { bytes: bytes(files), files: files.length },
		codePages: {
			count: pages.length,
			median: percentile(pages, 0.5),
			largest: pages.at(-1)!,
		},
		pagefind: { bytes: bytes(pagefindFiles), files: pagefindFiles.length },
		realPages: Object.fromEntries(
			sized.filter((s) => realIds.has(s.product)).map(({ page }) => [page.path, page.gzip])
		),
		load: loadavg()[0]!,
	};
}

/** The largest relative growth of a real code page's gzipped HTML from the first site to `site`. */
export function pageGrowth(base: SiteFigures, site: SiteFigures): { path: string; ratio: number } {
	let worst = { path: '', ratio: 0 };
	for (const [path, gzip] of Object.entries(site.realPages)) {
		const before = base.realPages[path];
		if (before === undefined) continue;
		const ratio = gzip / before - 1;
		if (Math.abs(ratio) >= Math.abs(worst.ratio)) worst = { path, ratio };
	}
	return worst;
}

export interface Check {
	target: string;
	value: string;
	ok: boolean;
}

function checks(sites: SiteFigures[]): Check[] {
	const base = sites[0]!;
	const largest = sites.reduce((a, b) => (b.codes > a.codes ? b : a));
	const out: Check[] = [];
	if (largest.codes >= TARGETS.codes) {
		const busy =
			largest.load > cpus().length
				? ` (load ${largest.load.toFixed(1)} on ${cpus().length} CPUs: wall time reads high; CPU ${largest.build.cpuSeconds.toFixed(1)} s)`
				: '';
		out.push({
			target: `${largest.codes} codes build < ${TARGETS.buildSeconds} s`,
			value: `${largest.build.wallSeconds.toFixed(1)} s${busy}`,
			ok: largest.build.wallSeconds < TARGETS.buildSeconds,
		});
		out.push({
			target: `${largest.codes} codes peak memory < ${formatBytes(TARGETS.peakBytes)}`,
			value: formatBytes(largest.build.peakBytes),
			ok: largest.build.peakBytes < TARGETS.peakBytes,
		});
	}
	for (const site of sites) {
		out.push({
			target: `${site.label}: largest code page < ${formatBytes(TARGETS.codePageGzipBytes)} gzipped`,
			value: formatBytes(site.codePages.largest.gzip),
			ok: site.codePages.largest.gzip < TARGETS.codePageGzipBytes,
		});
	}
	// Checked at the target size, like the build: on small sites the generator's fixed ~0.4 s of Node
	// start-up and module loading is itself 2% of the build.
	for (const site of sites.filter((x) => x.codes >= TARGETS.codes)) {
		out.push({
			target: `${site.label}: generator < ${TARGETS.generatorShare * 100}% of build CPU`,
			value: `${(site.generator.share * 100).toFixed(2)}%`,
			ok: site.generator.share < TARGETS.generatorShare,
		});
	}
	for (const site of sites.slice(1)) {
		const g = pageGrowth(base, site);
		out.push({
			target: `same code page at ${base.codes} and ${site.codes} codes within ${TARGETS.pageGrowth * 100}%`,
			value: `${g.ratio >= 0 ? '+' : ''}${(g.ratio * 100).toFixed(1)}% (${g.path})`,
			ok: Math.abs(g.ratio) <= TARGETS.pageGrowth,
		});
	}
	return out;
}

function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	return rows
		.map((r) =>
			r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
		)
		.join('\n');
}

function report(
	sites: SiteFigures[],
	results: Check[],
	decoder: DecoderFigures | undefined,
	island: IslandBench | undefined
): string {
	const s = (f: (x: SiteFigures) => string, name: string) => [name, ...sites.map(f)];
	const rows = [
		s((x) => x.label, 'site'),
		s((x) => String(x.codes), 'codes'),
		s((x) => String(x.products), 'products'),
		s((x) => `${x.build.wallSeconds.toFixed(1)} s`, 'build wall (generate + astro build)'),
		s((x) => `${x.build.cpuSeconds.toFixed(1)} s`, 'build CPU (user + sys)'),
		s((x) => formatBytes(x.build.peakBytes), 'peak memory (largest process RSS)'),
		s(
			(x) =>
				`${x.generator.wallSeconds.toFixed(2)} s (${(x.generator.share * 100).toFixed(1)}% CPU)`,
			'generator (wall, share of build CPU)'
		),
		s((x) => formatBytes(x.site.bytes), 'site size'),
		s((x) => String(x.site.files), 'site files'),
		s(
			(x) => `${formatBytes(x.codePages.median.raw)} / ${formatBytes(x.codePages.median.gzip)}`,
			'median code page (raw / gzip)'
		),
		s(
			(x) => `${formatBytes(x.codePages.largest.raw)} / ${formatBytes(x.codePages.largest.gzip)}`,
			'largest code page (raw / gzip)'
		),
		s((x) => `${formatBytes(x.pagefind.bytes)} (${x.pagefind.files} files)`, 'Pagefind index'),
		s((x) => x.load.toFixed(1), 'load average after build'),
	];
	const lines = [
		table(rows),
		'',
		'largest code pages: ' + sites.map((x) => `${x.label} ${x.codePages.largest.path}`).join(', '),
		'',
		'targets:',
	];
	for (const c of results) lines.push(`  ${c.ok ? 'ok  ' : 'MISS'}  ${c.target}: ${c.value}`);
	if (decoder) lines.push('', decoderTable(decoder));
	if (island) lines.push('', islandTable(island));
	return lines.join('\n');
}

const USAGE = `Usage: npm run bench [-- --quick] [--codes N]… [--json] [--ref GIT-REF]

Builds the site for the real registry and for synthetic ones of 1,000 and 5,000 codes, each in its
own copy of the project under .bench/, measures the decoder, and the decoder island with a 50 MB
paste in headless Chromium on the real site (skipped, with a line saying why, if no browser starts),
and prints a table with the targets met or missed (see Performance in README.md).

Options:
  --quick      real registry and 1,000 codes only, no decoder or island figures
  --codes N    a synthetic size (repeatable; replaces the default 1,000 and 5,000)
  --json       print one JSON object instead of the table
  --ref REF    build that commit's project files instead of the working tree (before/after)
  -h, --help   show this help`;

async function main(): Promise<void> {
	const { values } = commandLine('bench', USAGE, {
		quick: { type: 'boolean', default: false },
		codes: { type: 'string', multiple: true },
		json: { type: 'boolean', default: false },
		ref: { type: 'string' },
	});
	if (!existsSync('/usr/bin/time'))
		fail(
			'GNU time is needed to measure builds and /usr/bin/time is missing — install it (Debian: apt-get install -y time).'
		);
	const sizes =
		values.codes?.map((c) => {
			const n = Number(c.replace(/[_,]/g, ''));
			if (!Number.isInteger(n) || n < 1)
				fail(`--codes ${c} is not a whole number of codes — give one such as --codes 5000.`);
			return n;
		}) ?? (values.quick ? QUICK_SIZES : DEFAULT_SIZES);
	const log = (m: string) => values.json || console.error(m);
	// First, while the machine is not yet busy with this benchmark's own builds.
	if (!values.quick) log('bench: measuring the decoder…');
	const decoder = values.quick ? undefined : await decoderBench();
	const real = loadRegistry(DEFAULT_REGISTRY_DIR);
	const sites: SiteFigures[] = [];
	let island: IslandBench | undefined;
	for (const codes of [undefined, ...sizes]) {
		const label = codes === undefined ? 'real' : String(codes);
		log(`bench: building ${label === 'real' ? 'the real registry' : `${label} codes`}…`);
		sites.push(benchSite(label, codes, values.ref, real));
		// On the real site, before the larger builds, while nothing else of this benchmark runs.
		if (label === 'real' && !values.quick) {
			log('bench: measuring the decoder island in a browser…');
			island = await islandBench(join(siteDir(label), 'dist'));
		}
	}
	const results = checks(sites);
	const machine = {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model,
		memoryBytes: totalmem(),
		node: process.version,
	};
	if (values.json)
		console.log(
			JSON.stringify(
				{
					machine,
					ref: values.ref ?? 'working tree',
					targets: TARGETS,
					sites,
					checks: results,
					decoder,
					island,
				},
				null,
				'\t'
			)
		);
	else
		console.log(
			`${report(sites, results, decoder, island)}\n\n${machine.cpus} × ${machine.cpuModel}, ${formatBytes(machine.memoryBytes)}, Node ${machine.node}`
		);
}

if (import.meta.main) await main();
