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
import {
	allEntries,
	findProduct,
	problemType,
	type Registry,
	type RegistryEntry,
} from '../src/registry/model.ts';
import { fillTemplate, parseTemplate, templateParams } from '../src/registry/template.ts';
import { absoluteUrl, DECODER_DATA_PATH, DEFAULT_SITE_URL } from '../src/registry/urls.ts';
import { commandLine, refuse } from './cli.ts';
import { mulberry32, syntheticRegistry } from './synthetic.ts';

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

const STAMP = '2025-03-01T12:00:00.000Z';

/** Every template of the registry with its entry: entries' messages, and the other messages they may be seen with. */
function templates(registry: Registry): { entry: RegistryEntry; template: string }[] {
	return allEntries(registry).flatMap((entry) =>
		[entry.message, ...entry.messages.map((m) => m.text)].flatMap((t) =>
			t === undefined ? [] : [{ entry, template: t }]
		)
	);
}

/** Pastes as users bring them, made from the registry's own entries: every kind in turn. Seeded: the same corpus on every run, so figures compare. */
function corpus(registry: Registry, size: number): string[] {
	const rnd = mulberry32(size + allEntries(registry).length);
	const entries = allEntries(registry);
	const pick = () => entries[Math.floor(rnd() * entries.length)]!;
	const values = (params: readonly string[]) =>
		Object.fromEntries(params.map((p, i) => [p, `${p}-${Math.floor(rnd() * 9000) + 1000}${i}`]));
	const messages = templates(registry).filter(({ template }) =>
		parseTemplate(template).some((s) => s.kind === 'text' && /\w{3}/.test(s.text))
	);
	const filled = (template: string) => fillTemplate(template, values(templateParams(template)));
	const withExample = entries.filter((e) => e.examples?.length);
	const body = (e: RegistryEntry): Record<string, unknown> => {
		const type = problemType(findProduct(registry, e.product)!, e);
		return type
			? {
					type,
					title: 'Error',
					status: e.status,
					detail: `The request failed (${e.code.toLowerCase()})`,
					code: e.code,
					retryable: false,
				}
			: {
					code: e.code,
					message: e.message ? filled(e.message) : `Failed: ${e.code}`,
					...(e.status ? { status: e.status } : {}),
				};
	};
	const kinds: (() => string)[] = [
		() => {
			const m = messages[Math.floor(rnd() * messages.length)];
			return `${STAMP} ERROR ${m ? filled(m.template) : pick().code}`;
		},
		() => JSON.stringify(body(pick()), null, 2),
		() => JSON.stringify(body(pick())),
		() => {
			const [e, cause] = [pick(), pick()];
			const details = Object.fromEntries((e.details ?? []).map((d) => [d.name, 'v-1']));
			return JSON.stringify(
				{
					name: 'Error',
					code: e.code,
					message: `${e.code} failed`,
					summary: 'failed',
					docsUrl: 'https://docs.example.com/errors',
					details,
					cause: { code: cause.code, message: 'inner' },
				},
				null,
				2
			);
		},
		() => {
			const e = pick();
			return `${STAMP} INFO starting\n${STAMP} ERROR Error [${e.code}]: request failed\n    at handler (/app/src/server.ts:42:11)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
		},
		() =>
			[pick(), pick(), pick()]
				.map((e, i) =>
					JSON.stringify({
						level: i === 1 ? 'info' : 'error',
						time: STAMP,
						...(i === 1 ? { msg: 'retrying' } : body(e)),
					})
				)
				.join('\n'),
		() => pick().code,
		() => absoluteUrl(DEFAULT_SITE_URL, pick().path),
		() => {
			const e = withExample.length ? withExample[Math.floor(rnd() * withExample.length)]! : pick();
			return e.examples?.[0]?.payload ?? e.code;
		},
		() => `${STAMP} INFO server listening on :8080\n${STAMP} DEBUG 42 requests served, 0 failed`,
		() => `failed with ${pick().code.replace(/.$/, 'Q')}`,
	];
	return Array.from({ length: size }, (_, i) => kinds[i % kinds.length]!());
}

/** 1 MiB built to hurt: near-miss messages, unclosed and deep brackets, long lines, code-shaped noise. */
function adversarial(registry: Registry, bytes = 1 << 20): string {
	const entries = allEntries(registry);
	const nearMisses = templates(registry).map(({ template }) => {
		const parts = parseTemplate(template);
		// Every literal but the last, with long values: a lazy `(.+?)` per placeholder tries every split.
		return parts
			.slice(0, -1)
			.map((s) => (s.kind === 'text' ? s.text : 'x '.repeat(40)))
			.join('');
	});
	const chunks = [
		() => nearMisses.join(' ').repeat(4),
		() => '{"a":'.repeat(5000),
		() => '['.repeat(20_000),
		() => `${'a '.repeat(30_000)}\n`,
		() =>
			entries
				.map((e) => `${e.code}_X`)
				.join(' ')
				.repeat(3),
		() => '/errors/'.repeat(4000),
		() => `${'"'.repeat(3000)}'${"'".repeat(3000)}`,
		() => nearMisses.map((m) => `${STAMP} ERROR ${m}`).join('\n'),
	];
	let out = '';
	for (let i = 0; out.length < bytes; i++) out += `${chunks[i % chunks.length]!()}\n`;
	return out.slice(0, bytes);
}

/** `unit` repeated to exactly `bytes` characters. */
function fill(unit: string, bytes: number): string {
	return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

export interface AdversarialShape {
	name: string;
	text: string;
}

/**
 * 1 MiB each, every one built to hurt a different part: the mix above; and single shapes that
 * once took from 200 ms to seconds — util.inspect labels that backtracked a regular expression,
 * a status word before a long run of spaces, a docs link with a long run of dashes, a code's line
 * of unclosed `key="` pairs (read for its documented `details` fields), and large
 * payloads that are slow only by their number of parts (one object per line, one big `errors[]`,
 * many lines of `[x]`, and of `["x"]`, which is read as a payload).
 */
export function adversarialShapes(registry: Registry, bytes = 1 << 20): AdversarialShape[] {
	const [product] = registry.products;
	// A log as services write it: each line's time and request id its own, its level, message and route repeated.
	const logLines: string[] = [];
	for (let n = 0, size = 0; size < bytes; n++) {
		const line = `${JSON.stringify({ level: 'info', time: new Date(Date.UTC(2026, 10, 21) + n * 7).toISOString(), msg: 'request served', path: '/api/v1/items', ms: n % 97, request_id: `req-${n.toString(36)}` })}\n`;
		logLines.push(line);
		size += line.length;
	}
	// A code whose reference documents `details` fields makes its line be read for `key=value` pairs.
	const withDetails = allEntries(registry).find((e) => e.details?.length)?.code ?? 'CODE';
	const unknownError = JSON.stringify({
		code: 'NOT_A_KNOWN_CODE',
		message: 'Something failed while serving the request',
		path: ['query', 'items'],
	});
	return [
		{ name: 'mixed', text: adversarial(registry, bytes) },
		{ name: 'util.inspect labels', text: `[${fill(`${'Error'.repeat(399)}x{}, `, bytes - 1)}` },
		{ name: 'NDJSON, one object a line', text: logLines.join('').slice(0, bytes) },
		{ name: 'one large errors[]', text: `{"errors":[${fill(`${unknownError},`, bytes - 13)}]}` },
		{ name: 'lines of [x]', text: fill('[x]\n', bytes) },
		{ name: 'lines of ["x"]', text: fill('["x"]\n', bytes) },
		{ name: 'status, long spaces', text: fill(`status${' '.repeat(8000)}x\n`, bytes) },
		{
			name: 'docs link, long dashes',
			text: fill(`/${product?.id ?? 'p'}/errors/a${'-'.repeat(4000)}x\n`, bytes),
		},
		{
			name: 'code lines of unclosed pairs',
			text: fill(
				['k="', 'k: ', '=:'].map((f) => `${withDetails} ${f.repeat(2700)}\n`).join(''),
				bytes
			),
		},
	];
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

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
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
	return times.sort((a, b) => a - b);
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
			runs.sort((a, b) => a - b);
			cpu.sort((a, b) => a - b);
			return { shape: name, bytes: text.length, millis: runs[3]!, cpuMillis: cpu[3]!, truncated };
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
