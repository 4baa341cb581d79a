/**
 * The decoder benchmark: time per paste (median, p99) over a mixed corpus, on the real registry
 * and on a synthetic one of 10,000 codes; the same corpus through a naive baseline (one regular
 * expression per template, tried in turn); 1 MB of each adversarial shape; and the gzipped size of the
 * island's code and data. Reusable: `scripts/bench.ts` can call `decoderBench()` and print
 * `decoderTable()` next to its own figures.
 *
 * Usage: node scripts/bench-decode.ts [--json] [--codes N]   (--help says more)
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode, toDecoderData, type DecoderData } from '../src/decode/index.ts';
import { loadRegistry, PROJECT_ROOT } from '../src/registry/load.ts';
import { allEntries, type Registry } from '../src/registry/model.ts';
import { parseTemplate } from '../src/registry/template.ts';
import { DECODER_DATA_PATH } from '../src/registry/urls.ts';
import { commandLine, refuse } from './cli.ts';
import { adversarialShapes, corpus, templates } from './bench-corpus.ts';
import { ascending, percentile } from './bench-stats.ts';
import { syntheticRegistry } from './synthetic.ts';

const DECODER_TARGETS = {
	medianRealMicros: 50,
	medianLargeMicros: 100,
	largeCodes: 10_000,
	baselineSpeedup: 5,
	adversarialMillis: 50,
	islandCodeGzipBytes: 10 * 1024,
	islandDataGzipBytes: 20 * 1024,
} as const;

/** The island's script: what the browser downloads to decode. Measured bundled and minified. */
const ISLAND_ENTRY = join(PROJECT_ROOT, 'src/components/decoder/island.ts');

export interface CorpusFigures {
	label: string;
	codes: number;
	pastes: number;
	/** DecoderData built and the first paste decoded: the one-time cost, JIT cold. */
	indexMillis: number;
	medianMicros: number;
	p99Micros: number;
	baseline: { medianMicros: number; p99Micros: number; templates: number };
	/** Baseline median over decoder median. */
	speedup: number;
	/** Per adversarial shape, the median of 7 runs over its 1 MiB: wall clock, and this process's CPU time (what a busy machine does not inflate as much). */
	adversarial: AdversarialFigures[];
	/** The decoder data as the site serves it (/search/data.json, which the island fetches; no page carries it), gzipped. */
	dataGzipBytes: number;
}

export interface AdversarialFigures {
	shape: string;
	bytes: number;
	millis: number;
	cpuMillis: number;
	truncated: boolean;
}

export interface DecoderFigures {
	node: string;
	/** The machine's 1-minute load average while measuring: figures taken on a busy machine read high. */
	load: number;
	real: CorpusFigures;
	large: CorpusFigures;
	island: { entry: string; codeGzipBytes: number; totalGzipBytes: number; dataGzipBytes: number };
	pass: Record<string, boolean>;
}

/** One regular expression per template, tried in turn over the paste: what a first attempt does. */
function naiveBaseline(registry: Registry): { templates: number; run: (text: string) => number } {
	const regexes = templates(registry).map(
		({ template }) =>
			new RegExp(
				parseTemplate(template)
					.map((s) => (s.kind === 'text' ? s.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '(.+?)'))
					.join('')
			)
	);
	return {
		templates: regexes.length,
		run: (text) => {
			let found = 0;
			for (const re of regexes) if (re.exec(text)) found++;
			return found;
		},
	};
}

/**
 * Microseconds per call of `fn` on each paste, after a warm-up: the best of three batches of
 * `reps` calls, so another process taking the CPU for a moment does not count against a paste.
 */
function perPaste(pastes: string[], fn: (text: string) => unknown, reps: number): number[] {
	for (let w = 0; w < 3; w++) for (const p of pastes) fn(p);
	const times = pastes.map((p) => {
		let best = Number.POSITIVE_INFINITY;
		for (let batch = 0; batch < 3; batch++) {
			const start = performance.now();
			for (let r = 0; r < reps; r++) fn(p);
			best = Math.min(best, ((performance.now() - start) * 1000) / reps);
		}
		return best;
	});
	return ascending(times);
}

function gzipBytes(text: string | Uint8Array): number {
	return gzipSync(text, { level: 9 }).length;
}

function measureCorpus(
	label: string,
	registry: Registry,
	options: { pastes?: number; reps?: number } = {}
): CorpusFigures {
	const started = performance.now();
	const data: DecoderData = toDecoderData(registry);
	decode('', data);
	const indexMillis = performance.now() - started;
	const pastes = corpus(registry, options.pastes ?? 440);
	const times = perPaste(pastes, (t) => decode(t, data), options.reps ?? 20);
	const baseline = naiveBaseline(registry);
	const baseTimes = perPaste(pastes, baseline.run, 1);
	const adversarialFigures = adversarialShapes(registry).map(
		({ name, text }): AdversarialFigures => {
			const runs: number[] = [];
			const cpu: number[] = [];
			let truncated = false;
			decode(text, data);
			for (let r = 0; r < 7; r++) {
				const [t0, c0] = [performance.now(), process.cpuUsage()];
				truncated = decode(text, data).truncated;
				const c = process.cpuUsage(c0);
				runs.push(performance.now() - t0);
				cpu.push((c.user + c.system) / 1000);
			}
			return {
				shape: name,
				bytes: text.length,
				millis: percentile(ascending(runs), 0.5),
				cpuMillis: percentile(ascending(cpu), 0.5),
				truncated,
			};
		}
	);
	const median = percentile(times, 0.5);
	const baseMedian = percentile(baseTimes, 0.5);
	return {
		label,
		codes: allEntries(registry).length,
		pastes: pastes.length,
		indexMillis,
		medianMicros: median,
		p99Micros: percentile(times, 0.99),
		baseline: {
			medianMicros: baseMedian,
			p99Micros: percentile(baseTimes, 0.99),
			templates: baseline.templates,
		},
		speedup: baseMedian / median,
		adversarial: adversarialFigures,
		// What src/pages/search/data.json.ts serves.
		dataGzipBytes: gzipBytes(JSON.stringify(data)),
	};
}

/**
 * The island's script bundled and minified as the site ships it: what loads with the page (the
 * island), and in all (with the engine, a chunk it fetches when the page is idle or at first use).
 */
async function islandCodeBytes(): Promise<{
	entry: string;
	gzipBytes: number;
	totalGzipBytes: number;
}> {
	// esbuild comes with Astro (through Vite); it bundles, splits and minifies the way the site build does.
	const { build } = await import('esbuild');
	const result = await build({
		entryPoints: [ISLAND_ENTRY],
		bundle: true,
		splitting: true,
		outdir: 'island',
		minify: true,
		format: 'esm',
		write: false,
		target: 'es2022',
		logLevel: 'silent',
	});
	const first = result.outputFiles.find((f) => f.path.endsWith('/island.js'))!;
	// What the island imports statically comes with it: a shared chunk it names in its first line.
	const shared = result.outputFiles.filter(
		(f) =>
			f !== first &&
			new TextDecoder()
				.decode(first.contents)
				.includes(f.path.slice(f.path.lastIndexOf('/') + 1)) &&
			!isDynamic(first, f)
	);
	return {
		entry: ISLAND_ENTRY.slice(PROJECT_ROOT.length + 1),
		gzipBytes: [first, ...shared].reduce((n, f) => n + gzipBytes(f.contents), 0),
		totalGzipBytes: result.outputFiles.reduce((n, f) => n + gzipBytes(f.contents), 0),
	};
}

/** Whether `first` imports `chunk` only as `import("./chunk.js")`, on demand. */
function isDynamic(first: { contents: Uint8Array }, chunk: { path: string }): boolean {
	const name = chunk.path.slice(chunk.path.lastIndexOf('/') + 1);
	const text = new TextDecoder().decode(first.contents);
	return (
		text.includes(`import("./${name}")`) &&
		!new RegExp(`from\\s*"\\./${name.replace('.', '\\.')}"`).test(text)
	);
}

export async function decoderBench(
	options: { codes?: number; pastes?: number } = {}
): Promise<DecoderFigures> {
	const real = measureCorpus('real', loadRegistry(), options);
	const large = measureCorpus(
		'synthetic',
		syntheticRegistry(options.codes ?? DECODER_TARGETS.largeCodes),
		options
	);
	const code = await islandCodeBytes();
	const t = DECODER_TARGETS;
	return {
		node: process.version,
		load: loadavg()[0]!,
		real,
		large,
		island: {
			entry: code.entry,
			codeGzipBytes: code.gzipBytes,
			totalGzipBytes: code.totalGzipBytes,
			dataGzipBytes: real.dataGzipBytes,
		},
		pass: {
			medianReal: real.medianMicros < t.medianRealMicros,
			medianLarge: large.medianMicros < t.medianLargeMicros,
			baselineSpeedup: large.speedup >= t.baselineSpeedup,
			adversarial: real.adversarial.every((a) => a.millis < t.adversarialMillis),
			islandCode: code.gzipBytes <= t.islandCodeGzipBytes,
			islandData: real.dataGzipBytes <= t.islandDataGzipBytes,
		},
	};
}

const us = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} µs`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A size in bytes for a reader: KB, MB past 1 MiB, GB past 1 GiB (all powers of 1024). */
export function formatBytes(n: number): string {
	if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`;
	return n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

export function decoderTable(f: DecoderFigures): string {
	const t = DECODER_TARGETS;
	const mark = (ok: boolean | undefined) => (ok ? 'ok' : 'MISSED');
	const rows: [string, string, string, string, string][] = [
		[
			'',
			`real (${f.real.codes} codes)`,
			`synthetic (${f.large.codes.toLocaleString('en')})`,
			'target',
			'',
		],
		[
			'median per paste',
			us(f.real.medianMicros),
			us(f.large.medianMicros),
			`< ${t.medianRealMicros} µs / < ${t.medianLargeMicros} µs`,
			`${mark(f.pass.medianReal)} / ${mark(f.pass.medianLarge)}`,
		],
		['p99 per paste', us(f.real.p99Micros), us(f.large.p99Micros), '', ''],
		[
			`naive baseline median`,
			us(f.real.baseline.medianMicros),
			us(f.large.baseline.medianMicros),
			`${f.real.baseline.templates} / ${f.large.baseline.templates} regexes`,
			'',
		],
		[
			'faster than baseline',
			`${f.real.speedup.toFixed(1)}×`,
			`${f.large.speedup.toFixed(1)}×`,
			`≥ ${t.baselineSpeedup}× at ${t.largeCodes.toLocaleString('en')}`,
			mark(f.pass.baselineSpeedup),
		],
		...f.real.adversarial.flatMap((a, i): [string, string, string, string, string][] => {
			const large = f.large.adversarial[i];
			return [
				[
					`1 MB adversarial: ${a.shape}`,
					ms(a.millis),
					large ? ms(large.millis) : '',
					`< ${t.adversarialMillis} ms`,
					mark(a.millis < t.adversarialMillis),
				],
				['  of which CPU time', ms(a.cpuMillis), large ? ms(large.cpuMillis) : '', '', ''],
			];
		}),
		['first decode (cold)', ms(f.real.indexMillis), ms(f.large.indexMillis), '', ''],
		[
			`decoder data (${DECODER_DATA_PATH}), gzip`,
			formatBytes(f.real.dataGzipBytes),
			formatBytes(f.large.dataGzipBytes),
			`≤ ${formatBytes(t.islandDataGzipBytes)}`,
			mark(f.pass.islandData),
		],
		[
			'island code with the page, gzip',
			formatBytes(f.island.codeGzipBytes),
			'',
			`≤ ${formatBytes(t.islandCodeGzipBytes)}`,
			mark(f.pass.islandCode),
		],
		[
			'  and the engine, fetched when idle',
			formatBytes(f.island.totalGzipBytes - f.island.codeGzipBytes),
			'',
			'',
			'',
		],
	];
	const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
	const lines = rows.map((r) =>
		r
			.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell))
			.join('  ')
			.trimEnd()
	);
	return [
		`Decoder (node ${f.node}, ${cpus().length} CPUs, load ${f.load.toFixed(1)}; ${f.real.pastes} pastes per corpus, best of 3 batches each; 1 MB: median of 7; island code: ${f.island.entry})`,
		...lines,
	].join('\n');
}

const USAGE = `Usage: node scripts/bench-decode.ts [--json] [--codes N]

The decoder's benchmark alone (npm run bench runs it with the build's): time per paste on the real
registry and on a synthetic one, the naive baseline, the adversarial shapes, the island's size.

Options:
  --codes N    the synthetic registry's size (default 10,000)
  --json       print one JSON object instead of the table
  -h, --help   show this help`;

if (import.meta.main) {
	const { values } = commandLine('bench-decode', USAGE, {
		json: { type: 'boolean', default: false },
		codes: { type: 'string' },
	});
	const codes = values.codes === undefined ? undefined : Number(values.codes);
	if (codes !== undefined && !(Number.isInteger(codes) && codes > 0))
		refuse(
			'bench-decode',
			USAGE,
			`--codes ${values.codes} is not a positive whole number of synthetic codes`
		);
	const figures = await decoderBench({ codes });
	console.log(values.json ? JSON.stringify(figures) : decoderTable(figures));
}
