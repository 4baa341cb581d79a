/**
 * Real Smithers errors, made with the product's own published `SmithersError` from every message
 * its packages throw, decode to their entry with the values filled in: as its CLI prints them, as
 * Node inspects them, as `errorToJson` serialises them, and as the message alone, without the code.
 * HTTP errors decode from the body its server sends. Every case is computed from the registry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import * as smithersErrors from '@smithers-orchestrator/errors';
import { errorToJson, SmithersError } from '@smithers-orchestrator/errors';
import { decode, searchWords, type DecodeResult, type Match } from '../../src/decode/index.ts';
import { fillTemplate, parseTemplate, templateParams } from '../../src/registry/template.ts';
import { data, firstGroup, registry } from './decode-fixtures.ts';

const smithers = registry.products.find((p) => p.id === 'smithers')!;
const cliLine = smithers.emits!.cliLine!.value;

/** Values no message holds, one per placeholder, so a match can only come from the template. */
function valuesFor(params: readonly string[]): Record<string, string> {
	return Object.fromEntries(params.map((p, i) => [p, `v${i}q${p.length}z`]));
}

/** Whether the decoder can read the template on its own: a word of its own, and text between every two placeholders. */
function readable(template: string): boolean {
	const segments = parseTemplate(template);
	const glued = segments.some((s, i) => s.kind === 'param' && segments[i + 1]?.kind === 'param');
	const words = segments.some((s) => s.kind === 'text' && /[\p{L}]{3}/u.test(s.text));
	return words && !glued;
}

/** The message a card shows: the template it matched, with the values read into it — the user's message when all went well. */
function shownMessage(match: Match): string {
	return fillTemplate(
		match.template ?? smithers.errors.find((e) => e.path === match.path)!.message ?? '',
		match.params
	);
}

/** The reading of the entry at `path` in the first error found, if the paste gave it. */
function readingOf(result: DecodeResult, path: string) {
	return firstGroup(result).includes(path)
		? result.matches.find((m) => m.path === path)
		: undefined;
}

/** Every way a Smithers error is printed: its CLI's line, Node's inspection, errorToJson, and Node's `Name [CODE]: message` line. */
function printed(error: SmithersError): Record<string, string> {
	return {
		'CLI line': fillTemplate(cliLine, { code: error.code, message: error.message }),
		inspected: inspect(error),
		errorToJson: JSON.stringify(errorToJson(error)),
		'Name [CODE]:': `${error.name} [${error.code}]: ${error.message}`,
	};
}

const runtime = smithers.errors.filter(
	(e) => e.status === undefined && e.messages.some((m) => m.at && readable(m.text))
);
const http = smithers.errors.filter(
	(e) => e.status !== undefined && e.messages.some((m) => m.at && readable(m.text))
);

describe("a SmithersError made with the product's own class", () => {
	it('covers most of what Smithers throws', () => {
		assert.ok(runtime.length >= 100, `${runtime.length} runtime entries with a readable message`);
	});

	for (const entry of runtime) {
		it(`${entry.code}: every message, in every printed form and alone`, () => {
			for (const m of entry.messages.filter((x) => x.at && readable(x.text))) {
				const values = valuesFor(m.params);
				const error = new SmithersError(entry.code as never, fillTemplate(m.text, values));
				for (const [how, paste] of Object.entries(printed(error))) {
					const result = decode(paste, data);
					assert.equal(
						result.matches[0]?.path,
						entry.path,
						`${how}: ${m.text} → ${result.matches.map((x) => x.path).join(', ')}`
					);
					assert.equal(shownMessage(result.matches[0]!), error.summary, `${how}: ${m.text}`);
				}
				// Without its code, the message may be one that another code throws too: it is among the readings, with the values.
				const alone = readingOf(decode(error.message, data), entry.path);
				assert.ok(alone, `alone: ${error.message}`);
				assert.equal(shownMessage(alone), error.summary, `alone: ${m.text}`);
			}
		});
	}
});

describe('an HTTP error body as the Smithers server sends it', () => {
	for (const entry of http) {
		it(`${entry.code} (HTTP ${entry.status}): every message, under its status line`, () => {
			for (const m of entry.messages.filter((x) => x.at && readable(x.text))) {
				const values = valuesFor(m.params);
				const body = JSON.stringify({
					error: { code: entry.code, message: fillTemplate(m.text, values) },
				});
				const result = decode(
					`HTTP/1.1 ${entry.status} Error\ncontent-type: application/json\n\n${body}`,
					data
				);
				assert.equal(
					result.matches[0]?.path,
					entry.path,
					`${m.text} → ${result.matches.map((x) => x.path).join(', ')}`
				);
			}
		});
	}
});

describe('a code written the way Smithers writes its own, that the registry does not list', () => {
	const code = 'SURELY_NOT_A_SMITHERS_CODE';
	const error = new SmithersError(code as never, 'Something new went wrong.');
	const shown = printed(error);
	for (const [how, paste] of Object.entries(shown)) {
		it(`is reported as Smithers' unlisted code, not as no known error: ${how}`, () => {
			assert.ok(!registry.products.some((p) => p.errors.some((e) => e.code === code)));
			const result = decode(paste, data);
			assert.deepEqual(result.matches, []);
			assert.deepEqual(result.unlisted, [{ code, product: smithers.id }]);
		});
	}

	it("but a code in a line of no product's shape stays unknown", () => {
		assert.deepEqual(decode(`Error [${code}]: Something new went wrong.`, data).unlisted, []);
	});
});

describe('what a Smithers error that decodes to nothing searches for', () => {
	const code = 'SURELY_NOT_A_SMITHERS_CODE';
	/** Its printed forms, and its message as a plain Error's first line: docs link, stack frames, fields and all. */
	const forms = (error: SmithersError) => ({
		...printed(error),
		'Error: line': `Error: ${error.message}`,
	});
	const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];

	for (const message of ['gateway blew up', 'something odd happened in the gateway']) {
		it(`is words of its message only, never of its URLs, paths or frames: ${message}`, () => {
			const error = new SmithersError(code as never, message);
			for (const [how, paste] of Object.entries(forms(error))) {
				assert.deepEqual(decode(paste, data).matches, [], how);
				const searched = searchWords(paste, data);
				for (const word of wordsOf(searched))
					assert.ok(wordsOf(message).includes(word), `${how}: "${searched}" for ${message}`);
			}
		});
	}

	it('is what its message alone searches for, whichever way it is printed', () => {
		const error = new SmithersError(code as never, 'worker heartbeat lost on node 7');
		const alone = searchWords(error.summary, data);
		assert.notEqual(alone, '');
		for (const [how, paste] of Object.entries(forms(error)))
			assert.equal(searchWords(paste, data), alone, how);
	});
});

describe('an error with a cause chain, as Node prints it (util.inspect, console.error)', () => {
	/** Thrown messages whose own text has a comma, quote, bracket, brace or semicolon: where an inspected cause was cut. */
	const awkward = runtime.flatMap((entry) =>
		entry.messages
			.filter((m) => m.at && readable(m.text))
			.filter((m) =>
				parseTemplate(m.text).some((s) => s.kind === 'text' && /[,;"'[\]{}]/.test(s.text))
			)
			.map((m) => ({ entry, text: fillTemplate(m.text, valuesFor(m.params)) }))
	);
	const outer = smithers.errors.find((e) => e.code === 'TASK_TIMEOUT')!;

	/** What a user reads of a decode: each error found, how often, and the codes and messages of its causes. */
	const seen = (result: DecodeResult) =>
		result.groups.map((g) => {
			const m = result.matches[g.matches[0]!]!;
			return { code: m.code, count: g.count, cause: m.cause?.map((c) => [c.code, c.text]) };
		});

	it('has messages of that kind to test', () =>
		assert.ok(awkward.length >= 50, `${awkward.length}`));

	for (const depth of [1, 2, 3]) {
		it(`reads a chain ${depth} deep as one error with its causes, as errorToJson gives it`, () => {
			for (let k = 0; k < awkward.length; k++) {
				const links = Array.from({ length: depth }, (_, d) => awkward[(k + d) % awkward.length]!);
				let cause: SmithersError | undefined;
				for (const link of [...links].reverse())
					cause = new SmithersError(link.entry.code as never, link.text, undefined, cause);
				const error = new SmithersError(
					outer.code as never,
					'Compute callback timed out after 120000ms',
					{ nodeId: 'build', attempt: 2, timeoutMs: 120000 },
					cause
				);
				const json = seen(decode(JSON.stringify(errorToJson(error)), data));
				assert.deepEqual(
					json.map((e) => [e.code, e.count, e.cause?.map((c) => c[0])]),
					[[outer.code, 1, links.map((l) => l.entry.code)]]
				);
				// Each cause's whole message (a very long one shown cut, with an ellipsis).
				json[0]!.cause!.forEach(([, text], d) =>
					assert.ok(links[d]!.text.startsWith(text!.replace(/…$/, '')), text)
				);
				// Node prints two levels of causes, and a deeper one as `[SmithersError]`: all it shows.
				const printed = { ...json[0]!, cause: json[0]!.cause!.slice(0, 2) };
				assert.deepEqual(seen(decode(inspect(error), data)), [printed], inspect(error));
				assert.deepEqual(seen(decode(inspect(error, { depth: 8 }), data)), json);
			}
		});
	}
});

describe("an Effect tagged error made with the product's own class", () => {
	const tags = Object.entries(smithers.emits!.taggedErrors!.value);

	it('covers every tag the product maps to a code', () =>
		assert.ok(tags.length >= 8, `${tags.length}`));

	for (const [tag, code] of tags) {
		const entry = smithers.errors.find((e) => e.code === code && e.status === undefined)!;
		const texts = [entry.message, ...entry.messages.filter((m) => m.at).map((m) => m.text)];
		const messages = [...new Set(texts)].filter((t): t is string => t !== undefined && readable(t));

		it(`${tag} (${code}): every message, inspected, as JSON and as \`${tag}: message\` with its stack`, () => {
			const Tagged = (smithersErrors as unknown as Record<string, new (args: object) => Error>)[
				tag
			];
			assert.ok(Tagged, `@smithers-orchestrator/errors exports no class ${tag}`);
			assert.ok(messages.length, `${code} has no readable message in the registry`);
			for (const text of messages) {
				const message = fillTemplate(text, valuesFor(templateParams(text)));
				const error: Error & { _tag?: string } = new Tagged({ message });
				assert.equal(error._tag, tag);
				const stack = error.stack!;
				assert.ok(stack.startsWith(`${tag}: ${message}\n`), stack);
				const forms = {
					inspected: inspect(error),
					JSON: JSON.stringify(error),
					'Tag: message': stack,
				};
				for (const [how, paste] of Object.entries(forms)) {
					const result = decode(paste, data);
					assert.deepEqual(
						result.groups.map((g) => g.matches.map((i) => result.matches[i]!.path)),
						[[entry.path]],
						`${how}: ${paste.split('\n', 1)[0]} → ${result.matches.map((x) => x.path).join(', ')}`
					);
					assert.equal(result.matches.length, 1, how);
				}
			}
		});
	}
});
