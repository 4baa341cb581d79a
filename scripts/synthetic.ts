/**
 * A synthetic registry of any size, shaped like the real one, for benchmarks: several products in
 * the three styles the real ones have (a CLI with message templates and an exit code, an SDK with
 * typed `details`, an HTTP API with statuses and Problem Details examples), categories of a few
 * dozen codes, templates with 0–4 placeholders, codes shared across products, deprecated and
 * removed entries with replacements, related links. Deterministic: the same size gives the same
 * registry, so figures compare across runs.
 *
 * It never touches content/registry/: `writeSyntheticRegistry` writes into the folder it is given.
 *
 * Usage: node scripts/synthetic.ts <codes> <out-dir>   (--help says more)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Registry } from '../src/registry/model.ts';
import type { Entry, ProductFile } from '../src/registry/schema.ts';
import { validateRegistry, type SourceFile } from '../src/registry/validation.ts';
import { commandLine, refuse } from './cli.ts';

/** Codes per category: the real products have 6 to 24; larger references group more per heading. */
const CATEGORY_SIZE = 40;
/** One code in this many is also emitted by the next product (RUN_NOT_FOUND-style sharing). */
const SHARED_EVERY = 25;

const SUBJECTS = [
	'ACCOUNT',
	'AGENT',
	'ARTIFACT',
	'ASSET',
	'BRANCH',
	'BUCKET',
	'CACHE',
	'CERTIFICATE',
	'CHANNEL',
	'CHECKPOINT',
	'CLONE',
	'CLUSTER',
	'COMMIT',
	'CONFIG',
	'CONTAINER',
	'CREDENTIAL',
	'CURSOR',
	'DATABASE',
	'DEPLOYMENT',
	'DOMAIN',
	'EVENT',
	'FILE',
	'FRAME',
	'GATEWAY',
	'HOOK',
	'IMAGE',
	'INDEX',
	'INVOICE',
	'JOB',
	'KEY',
	'LEASE',
	'LOCK',
	'MANIFEST',
	'MESSAGE',
	'MIGRATION',
	'MODEL',
	'NAMESPACE',
	'NODE',
	'ORDER',
	'OUTPUT',
	'PACKAGE',
	'PARTITION',
	'PAYLOAD',
	'PIPELINE',
	'PLUGIN',
	'POLICY',
	'PORT',
	'PROJECT',
	'QUEUE',
	'QUOTA',
	'RECORD',
	'REGION',
	'RELEASE',
	'REPLICA',
	'REQUEST',
	'ROLE',
	'ROUTE',
	'RUN',
	'SCHEMA',
	'SECRET',
	'SESSION',
	'SNAPSHOT',
	'STREAM',
	'TABLE',
	'TASK',
	'TENANT',
	'TOKEN',
	'TOOL',
	'TOPIC',
	'TRANSACTION',
	'UPLOAD',
	'USER',
	'VOLUME',
	'WEBHOOK',
	'WORKER',
	'WORKFLOW',
	'WORKSPACE',
	'ZONE',
];
const CONDITIONS = [
	'NOT_FOUND',
	'ALREADY_EXISTS',
	'EXPIRED',
	'LOCKED',
	'INVALID',
	'TOO_LARGE',
	'TIMEOUT',
	'UNAVAILABLE',
	'CONFLICT',
	'FORBIDDEN',
	'MISMATCH',
	'CORRUPTED',
	'LIMIT_EXCEEDED',
	'NOT_READY',
	'DISABLED',
	'DEPRECATED_FORMAT',
	'MISSING_FIELD',
	'PARSE_FAILED',
	'WRITE_FAILED',
	'READ_FAILED',
	'START_FAILED',
	'STOP_FAILED',
	'UNSUPPORTED',
	'OUT_OF_RANGE',
	'BUSY',
	'DETACHED',
	'STALE',
	'UNREACHABLE',
	'REJECTED',
	'CANCELLED',
];
const AREAS = [
	'Engine',
	'Components',
	'Tools',
	'Agents',
	'Database',
	'Runtime',
	'Network',
	'Storage',
	'Auth',
	'Billing',
	'Scheduling',
	'Images',
	'Registry',
	'Config',
	'Validation',
	'Hot reload',
	'Scorers',
	'Memory',
	'Sandbox',
	'CLI',
];
const PARAMS = [
	'id',
	'name',
	'path',
	'port',
	'limit',
	'actual',
	'expected',
	'region',
	'version',
	'runId',
	'nodeId',
	'ms',
];
const VERBS = [
	'starting',
	'reading',
	'writing',
	'resolving',
	'validating',
	'deleting',
	'resuming',
	'uploading',
];
const STATUSES = [400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 502, 503, 504];

interface Style {
	name: string;
	tagline: string;
	catch: string;
	exitCode?: number;
	typePrefix?: boolean;
	/** Entries carry a message template. */
	messages: boolean;
	/** Entries carry a typed `details` shape. */
	details: boolean;
	/** Entries carry an HTTP status and a Problem Details example. */
	http: boolean;
}

const STYLES: Style[] = [
	{
		name: 'CLI',
		tagline: 'A command-line tool with one-line messages.',
		catch: 'isCliError(e) && e.code === "{code}"',
		exitCode: 1,
		messages: true,
		details: false,
		http: false,
	},
	{
		name: 'SDK',
		tagline: 'A TypeScript SDK whose errors carry typed details.',
		catch: 'isSdkError(err) && err.code === "{code}"',
		messages: true,
		details: true,
		http: false,
	},
	{
		name: 'API',
		tagline: 'An HTTP API answering with RFC 9457 Problem Details.',
		catch: 'problem.code === "{code}"',
		typePrefix: true,
		messages: false,
		details: false,
		http: true,
	},
];

/** A small deterministic PRNG: the same seed gives the same numbers, so a size always yields the same registry (and the decoder benchmark the same corpus). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** How many products a registry of `codes` codes spreads over: 3 for small ones, up to 8. */
export function productCount(codes: number): number {
	return Math.min(8, Math.max(3, Math.ceil(codes / 700)));
}

function template(
	rnd: () => number,
	subject: string,
	condition: string
): { message: string; params: string[] } {
	const count = Math.floor(rnd() * 5); // 0–4 placeholders
	const params: string[] = [];
	while (params.length < count) {
		const p = PARAMS[Math.floor(rnd() * PARAMS.length)]!;
		if (!params.includes(p)) params.push(p);
	}
	const thing = subject.toLowerCase().replaceAll('_', ' ');
	const state = condition.toLowerCase().replaceAll('_', ' ');
	const parts = [
		`${thing[0]!.toUpperCase()}${thing.slice(1)} ${params[0] ? `{${params[0]}} ` : ''}is ${state}`,
	];
	if (params[1]) parts.push(`while ${VERBS[Math.floor(rnd() * VERBS.length)]} {${params[1]}}`);
	if (params[2]) parts.push(`(got {${params[2]}}`);
	if (params[3]) parts.push(`, want {${params[3]}})`);
	else if (params[2]) parts.push(')');
	return {
		message: `${parts.join(' ').replace(' , ', ', ').replace(' )', ')')}. Run \`tool doctor\` for details.`,
		params,
	};
}

/** The product files of a synthetic registry with `codes` entries in all. */
export function syntheticProducts(codes: number): ProductFile[] {
	const rnd = mulberry32(codes);
	const n = productCount(codes);
	const products: ProductFile[] = [];
	const used = new Set<string>();
	for (let p = 0; p < n; p++) {
		const style = STYLES[p % STYLES.length]!;
		const id = `synthetic-${style.name.toLowerCase()}-${p + 1}`;
		const size = Math.floor(codes / n) + (p < codes % n ? 1 : 0);
		const categoryCount = Math.max(1, Math.ceil(size / CATEGORY_SIZE));
		const categories = Array.from({ length: categoryCount }, (_, c) => ({
			id: `group-${c + 1}`,
			name: `${AREAS[c % AREAS.length]}${c >= AREAS.length ? ` ${Math.floor(c / AREAS.length) + 1}` : ''}`,
			...(c % 3 === 0
				? { description: `Errors raised by the ${AREAS[c % AREAS.length]!.toLowerCase()} layer.` }
				: {}),
		}));
		const errors: Entry[] = [];
		const before = products.at(-1);
		for (let i = 0; i < size; i++) {
			const category = categories[Math.floor((i * categoryCount) / size)]!.id;
			let code: string;
			if (before && i % SHARED_EVERY === 0 && before.errors[i + 1])
				code = before.errors[i + 1]!.code;
			else {
				const subject = SUBJECTS[Math.floor(rnd() * SUBJECTS.length)]!;
				const condition = CONDITIONS[Math.floor(rnd() * CONDITIONS.length)]!;
				code = `${subject}_${condition}`;
				for (let k = 2; used.has(code); k++) code = `${subject}_${condition}_${k}`;
				used.add(code);
			}
			const [subject = 'ITEM', ...rest] = code.split('_');
			const condition = rest.join('_') || 'FAILED';
			const e: Entry = { code, category };
			if (style.messages) Object.assign(e, template(rnd, subject, condition));
			e.when = `The ${subject.toLowerCase()} a request names is ${condition.toLowerCase().replaceAll('_', ' ')} when the \`${subject.toLowerCase()}\` step runs.`;
			if (rnd() < 0.6)
				e.fix = `Check the ${subject.toLowerCase()} with \`tool inspect <${subject.toLowerCase()}>\`, correct it and retry; if it persists, open an issue with the output of \`tool doctor --json\`.`;
			if (style.details && rnd() < 0.7) {
				e.details = ['id', 'path', 'reason', 'attempt', 'cause']
					.slice(0, 1 + Math.floor(rnd() * 4))
					.map((name, k) => (k > 1 ? { name, optional: true } : { name }));
			}
			if (style.http) {
				e.status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
				if (rnd() < 0.5) {
					const body = {
						type: `urn:${id}:error:${code}`,
						title: rnd() < 0.5 ? 'ValidationError' : 'NotFoundError',
						status: e.status,
						detail: `The ${subject.toLowerCase()} 1001 is ${condition.toLowerCase().replaceAll('_', ' ')}`,
						code,
						retryable: e.status >= 500 || e.status === 429,
						hint: `Check the ${subject.toLowerCase()} and retry.`,
					};
					e.examples = [
						{
							caption: `${e.status} — ${code}`,
							lang: 'json',
							payload: JSON.stringify(body, null, 2),
						},
					];
				}
			} else if (rnd() < 0.15) {
				e.examples = [
					{
						lang: 'text',
						payload: `error[${code}]: ${e.message ?? e.when}\n  at ${subject.toLowerCase()}.ts:42:7`,
					},
				];
			}
			if (rnd() < 0.3) e.since = `${1 + Math.floor(rnd() * 4)}.${Math.floor(rnd() * 10)}.0`;
			const previous = errors.at(-1);
			if (previous && rnd() < 0.4) e.related = [previous.code];
			if (previous && rnd() < 0.03) {
				e.deprecated =
					'Kept for older clients; the replacement reports the same failure with more detail.';
				e.replacedBy = previous.code;
			} else if (previous && rnd() < 0.01) {
				e.removed = 'No longer emitted since 3.0.';
				e.replacedBy = previous.code;
			}
			errors.push(e);
		}
		if (before && errors[0])
			errors[0].related = [...(errors[0].related ?? []), `${before.id}:${before.errors[0]!.code}`];
		products.push({
			id,
			name: `Synthetic ${style.name} ${p + 1}`,
			tagline: style.tagline,
			catch: style.catch,
			...(style.exitCode !== undefined ? { exitCode: style.exitCode } : {}),
			...(style.typePrefix ? { typePrefix: `urn:${id}:error:` } : {}),
			sections: [
				{
					title: 'How errors reach you',
					blocks: [{ text: `Every failure carries a stable \`code\`. ${style.tagline}` }],
				},
			],
			categories,
			errors,
		});
	}
	return products;
}

function toYaml(product: ProductFile): string {
	return stringify(product, { lineWidth: 0 });
}

/** The synthetic registry as YAML files, one per product, as the loader reads them. */
export function syntheticSources(codes: number): SourceFile[] {
	return syntheticProducts(codes).map((p) => ({ file: `${p.id}.yaml`, text: toYaml(p) }));
}

/** The synthetic registry, validated and resolved like the real one (for in-process benchmarks). */
export function syntheticRegistry(codes: number): Registry {
	return validateRegistry(syntheticSources(codes));
}

/** Writes the synthetic registry into `dir` (emptied of YAML first); returns the number of entries. */
export function writeSyntheticRegistry(dir: string, codes: number): number {
	mkdirSync(dir, { recursive: true });
	for (const f of readdirSync(dir)) if (/\.ya?ml$/.test(f)) rmSync(join(dir, f));
	const products = syntheticProducts(codes);
	for (const p of products) writeFileSync(join(dir, `${p.id}.yaml`), toYaml(p));
	return products.reduce((n, p) => n + p.errors.length, 0);
}

const USAGE = `Usage: node scripts/synthetic.ts <codes> <out-dir>

Writes a synthetic registry of <codes> entries, shaped like the real one, into <out-dir> (never
content/registry/); the same size gives the same registry.`;

if (import.meta.main) {
	const { positionals } = commandLine('synthetic', USAGE, {}, { positionals: true });
	const [codes, out] = positionals;
	const n = Number(codes);
	if (!Number.isInteger(n) || n < 1 || !out || positionals.length > 2)
		refuse('synthetic', USAGE, 'give a positive whole number of codes and a folder');
	const dir = resolve(out);
	if (dir === resolve('content/registry'))
		refuse(
			'synthetic',
			USAGE,
			'refusing to write into content/registry/ — give a temporary folder instead'
		);
	console.log(`synthetic: ${writeSyntheticRegistry(dir, n)} entries written to ${dir}`);
}
