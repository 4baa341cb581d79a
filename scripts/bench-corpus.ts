/**
 * What the decoder benchmark decodes, made from the registry's own entries and seeded, so every
 * run decodes the same text: a corpus of pastes as users bring them, and 1 MiB shapes built to hurt.
 * scripts/bench-decode.ts times them; tests/unit/decode-bounds.test.ts checks each shape's result.
 */
import {
	allEntries,
	entryTemplates,
	findProduct,
	problemType,
	type Registry,
	type RegistryEntry,
} from '../src/registry/model.ts';
import { fillTemplate, parseTemplate, templateParams } from '../src/registry/template.ts';
import { absoluteUrl, DEFAULT_SITE_URL } from '../src/registry/urls.ts';
import { mulberry32 } from './synthetic.ts';

const STAMP = '2025-03-01T12:00:00.000Z';

/** Every template of the registry with its entry: entries' messages, and the other messages they may be seen with. */
export function templates(registry: Registry): { entry: RegistryEntry; template: string }[] {
	return allEntries(registry).flatMap((entry) =>
		entryTemplates(entry).map((template) => ({ entry, template }))
	);
}

/** Pastes as users bring them, made from the registry's own entries: every kind in turn. Seeded: the same corpus on every run, so figures compare. */
export function corpus(registry: Registry, size: number): string[] {
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
 * Values that read as util.inspect labels (`Error:` then a newline) with no stack below, one a
 * line: each makes the decoder look below it for a stack (inspected-error.ts), up to
 * maxLabelChars; what one look found must serve the next, or the paste is read ~250 times over.
 */
export function labelShapes(bytes = 1 << 20): AdversarialShape[] {
	return [
		{ name: 'labels without a stack, in a list', text: `[${fill('Error:\n,', bytes - 1)}` },
		{ name: 'labels without a stack, as values', text: `{${fill('a:Error:\nx,', bytes - 1)}` },
		{
			name: 'labels without a stack, with messages',
			text: `{ a: ${fill('Error: y\nfoo, b: ', bytes - 5)}`,
		},
	];
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
		...labelShapes(bytes),
	];
}
