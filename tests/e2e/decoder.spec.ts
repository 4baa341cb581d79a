/**
 * The decoder island on /diagnose/, as a user meets it: a real error of each product pasted gives
 * its entry with the values highlighted; hostile text is shown as text and never runs; nothing is
 * requested while decoding; a share link reopens the same result; the keyboard alone does it all.
 */
import assert from 'node:assert/strict';
import type { Page, Request } from '@playwright/test';
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, problemType, type RegistryEntry } from '../../src/registry/model.ts';
import { fillTemplate } from '../../src/registry/template.ts';
import { DECODER_DATA_PATH, DIAGNOSE_PATH, SEARCH_ANCHOR } from '../../src/registry/urls.ts';
import {
	decode,
	inputNote,
	phraseText,
	readQuery,
	report,
	searchWords,
	toDecoderData,
} from '../../src/decode/index.ts';
import { BOX_CHARS, DROP_REFUSED } from '../../src/components/decoder/paste.ts';
import { dropFiles, LOG_MIB, logLength, pasteLog } from '../support/large-paste.ts';
import { SmithersError } from '@smithers-orchestrator/errors';
import { breaksInsideWords, renderedLines } from '../support/lines.ts';
import { expect, test } from './fixtures.ts';

const registry = loadRegistry();
const entries = allEntries(registry);
const data = toDecoderData(registry);

function find(product: string, code: string): RegistryEntry {
	const e = entries.find((x) => x.product === product && x.code === code);
	if (!e) throw new Error(`decoder.spec: ${product}/${code} is not in the registry`);
	return e;
}

async function paste(page: Page, text: string): Promise<void> {
	await page.goto(DIAGNOSE_PATH);
	await page.locator('atlas-decoder textarea').fill(text);
}

const results = (page: Page) => page.locator('atlas-decoder article.atlas-decoded');

test.describe('the decoder', () => {
	test('decodes a CLI line of asymmetric, with its values highlighted and the fix shown', async ({
		page,
	}) => {
		const e = find('asymmetric', 'NO_FREE_PORTS');
		await paste(
			page,
			`2025-03-01T12:00:00Z ERROR ${fillTemplate(e.message!, { from: '4000', to: '4010' })}`
		);
		const card = results(page).first();
		await expect(card.locator(`a[href^="${e.path}"]`)).toHaveText(e.code);
		await expect(card.locator('mark')).toHaveText(['4000', '4010']);
		await expect(card).toContainText(e.fix!.replaceAll('`', ''));
	});

	test('decodes a serialized Smithers error with its details and cause chain', async ({ page }) => {
		const outer = find('smithers', 'TASK_TIMEOUT');
		const inner = find('smithers', 'PROCESS_TIMEOUT');
		await paste(
			page,
			JSON.stringify(
				{
					code: outer.code,
					message: 'Task timed out',
					details: { nodeId: 'fetch', attempt: 2, timeoutMs: 5000 },
					cause: { code: inner.code },
				},
				null,
				2
			)
		);
		const card = results(page).first();
		await expect(card.locator(`a[href^="${outer.path}"]`)).toBeVisible();
		await expect(card.locator('dd mark')).toHaveText(['fetch', '2', '5000']);
		await expect(card.locator(`ol a[href^="${inner.path}"]`)).toHaveText(inner.code);
	});

	test('decodes an Asset Core Problem Details body with status, retryable and retry-after', async ({
		page,
	}) => {
		const e = find('assetcore', 'SERVICE_UNAVAILABLE');
		const product = registry.products.find((p) => p.id === e.product)!;
		await paste(
			page,
			JSON.stringify({
				type: problemType(product, e),
				status: e.status,
				retryable: true,
				retry_after_ms: 100,
				detail: 'System is at capacity',
			})
		);
		const card = results(page).first();
		await expect(card.locator(`a[href^="${e.path}"]`)).toBeVisible();
		await expect(card.locator('dl')).toContainText(`HTTP status${e.status}`);
		await expect(card.locator('dl')).toContainText('Retryableyes');
		await expect(card.locator('dl')).toContainText('Retry after100 ms');
	});

	test('shows what an Asset Core payload reports for support: detail, details fields, correlation ids', async ({
		page,
	}) => {
		const e = find('assetcore', 'CONTAINER_NOT_FOUND');
		const example = e.examples!.find((x) => x.payload.includes('correlation_id'))!;
		const payload = JSON.parse(example.payload) as Record<string, string> & {
			details: Record<string, unknown>;
		};
		await paste(page, example.payload);
		const card = results(page).first();
		await expect(card).toContainText(payload.detail!);
		const facts = card.locator('dl');
		// A field the message's template names is shown in the message, marked with its name; the others are listed.
		const template = e.messages.find(
			(m) => m.text === payload.detail!.replace(/\d+/, '{container_id}')
		);
		assert(template?.fromExample, "the example detail is one of the entry's templates");
		for (const [k, v] of Object.entries(payload.details)) {
			if (template.params.includes(k))
				await expect(card.locator(`.atlas-decoded-message mark[title="${k}"]`)).toHaveText(
					String(v)
				);
			else await expect(facts).toContainText(`details.${k}${v}`);
		}
		await expect(facts).toContainText(`server_correlation_id${payload.server_correlation_id}`);
		await expect(facts).toContainText(`client_correlation_id${payload.client_correlation_id}`);
	});

	test('says each thing once: details fields with their values, a cause without a code, no match', async ({
		page,
	}) => {
		const outer = find('smithers', 'TASK_TIMEOUT');
		const fields = outer.details!.map((d) => d.name);
		await paste(
			page,
			JSON.stringify({
				code: outer.code,
				details: Object.fromEntries(fields.map((f, i) => [f, `v${i}`])),
				cause: { message: 'SIGTERM' },
			})
		);
		const card = results(page).first();
		await expect(card.locator('dd mark')).toHaveText(fields.map((_, i) => `v${i}`));
		await expect(card.locator('dl')).not.toContainText('Details fields present');
		await expect(card.locator('ol li')).toHaveText(['SIGTERM']);
		await page.locator('atlas-decoder textarea').fill('nothing to see here');
		await expect(page.locator('atlas-decoder [data-status]')).toHaveText('No known error found.');
		await expect(page.locator('atlas-decoder [data-results]')).not.toContainText('No known error');
	});

	test("shows a pasted direction control as a visible mark: the page's own text keeps its direction", async ({
		page,
	}) => {
		const e = find('asymmetric', 'PORT_IN_USE');
		await paste(page, fillTemplate(e.message!, { port: '5432\u202e' }));
		const card = results(page).first();
		await expect(card.locator('.atlas-decoded-message')).toContainText('5432⟨U+202E⟩');
		expect(await page.locator('atlas-decoder [data-results]').textContent()).not.toContain(
			'\u202e'
		);
	});

	test('takes a 50 MB paste as what the decoder reads, shows its end in the box, says what it held and set aside, and reads all of it after a keystroke', async ({
		page,
	}) => {
		const [first, last, typed] = [
			find('asymmetric', 'NO_FREE_PORTS'),
			find('asymmetric', 'PORT_IN_USE'),
			find('asymmetric', 'DOCKER_UNAVAILABLE'),
		];
		const log = {
			first: fillTemplate(first.message!, { from: '4000', to: '4010' }),
			last: fillTemplate(last.message!, { port: '5432' }),
		};
		await page.goto(DIAGNOSE_PATH);
		const box = page.locator('atlas-decoder textarea');
		const shown = page.locator('atlas-decoder [data-results]');
		// A log of 50 MB with an error on its first line and one on its last.
		await pasteLog(box, log);
		await expect(results(page).locator(`a[href^="${first.path}"]`)).toBeVisible();
		await expect(results(page).locator(`a[href^="${last.path}"]`)).toBeVisible();
		// The note says how large the paste was, what of it is read, and that its start is held, not shown.
		await expect(shown).toContainText(inputNote(logLength(log)));
		await expect(shown).toContainText('held in this tab rather than shown');
		// The box shows the end of the log, not all that is read: that is what keeps typing fast.
		const inBox = await box.inputValue();
		expect(inBox.endsWith(`step ok\n${log.last}`)).toBe(true);
		expect(inBox.length).toBeLessThanOrEqual(BOX_CHARS);

		// A line typed at the end is decoded with all the log that is read: its first line too.
		await box.press('End');
		await box.pressSequentially(`\n${fillTemplate(typed.message!, {})}`);
		await expect(results(page).locator(`a[href^="${typed.path}"]`)).toBeVisible();
		await expect(results(page).locator(`a[href^="${first.path}"]`)).toBeVisible();
		await expect(results(page).locator(`a[href^="${last.path}"]`)).toBeVisible();
		await expect(shown).toContainText(inputNote(logLength(log)));

		// Replacing all the box holds replaces the paste, held part and all.
		await box.press('ControlOrMeta+a');
		await box.pressSequentially(log.last);
		await expect(results(page)).toHaveCount(1);
		await expect(results(page).locator(`a[href^="${last.path}"]`)).toBeVisible();
		await expect(shown).not.toContainText('held in this tab');
	});

	test('takes a log file dropped on the box: reads its ends, never the whole file, and decodes the Smithers error at its end', async ({
		page,
	}) => {
		// What a Smithers run leaves at the end of its log: the stack of an error made with
		// Smithers' own class, its message filled in and no code anywhere in it.
		const entry = find('smithers', 'TASK_HEARTBEAT_TIMEOUT');
		const template = entry.messages.find((m) => m.params.length === 3)!.text;
		const error = new SmithersError(
			entry.code as never,
			fillTemplate(template, {
				nodeId: 'fetch-users',
				staleForMs: '31250',
				heartbeatTimeoutMs: '30000',
			})
		);
		expect(error.stack).not.toContain(entry.code);
		await page.goto(DIAGNOSE_PATH);
		const box = page.locator('atlas-decoder textarea');
		const shown = page.locator('atlas-decoder [data-results]');
		const filler = { line: 'step ok\n', repeat: (LOG_MIB * 1024 * 1024) / 8 };
		const taken = await dropFiles(box, [
			{ name: 'run.log', parts: ['smithers run started\n', filler, `${error.stack}\n`] },
		]);
		expect(taken).toBe(true);
		const card = results(page).locator(`a[href^="${entry.path}"]`);
		await expect(card).toBeVisible();
		await expect(results(page).first().locator('mark')).toHaveText([
			'fetch-users',
			'31250',
			'30000',
		]);
		await expect(shown).toContainText('Your file is large');
		await expect(shown).toContainText(
			inputNote(LOG_MIB * 1024 * 1024 + 21 + error.stack!.length + 1)
		);
		expect((await box.inputValue()).endsWith(`${error.stack}\n`)).toBe(true);
		expect((await box.inputValue()).length).toBeLessThanOrEqual(BOX_CHARS);

		// A file that is not text, or several at once, leave the box and its result as they were.
		const status = page.locator('atlas-decoder [data-status]');
		const before = await box.inputValue();
		expect(
			await dropFiles(box, [{ name: 'shot.png', parts: [[0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]] }])
		).toBe(true);
		await expect(status).toHaveText(DROP_REFUSED.notText);
		expect(
			await dropFiles(box, [
				{ name: 'a.log', parts: ['a'] },
				{ name: 'b.log', parts: ['b'] },
			])
		).toBe(true);
		await expect(status).toHaveText(DROP_REFUSED.several(2));
		expect(await box.inputValue()).toBe(before);
		await expect(card).toBeVisible();
	});

	test('reads a dropped log as its encoding says: UTF-16 with its mark, and UTF-8 with accents, whole when nothing is cut', async ({
		page,
	}) => {
		const busy = find('asymmetric', 'PORT_IN_USE');
		const line = `${fillTemplate(busy.message!, { port: '5432' })}\n`;
		// Over the box's size, under what the decoder reads: held in part, none of it set aside.
		const accented = { line: 'étape réussie\n', repeat: Math.ceil(BOX_CHARS / 14) + 10 };
		await page.goto(DIAGNOSE_PATH);
		const box = page.locator('atlas-decoder textarea');
		const shown = page.locator('atlas-decoder [data-results]');
		await dropFiles(box, [{ name: 'run.log', parts: [accented, line] }]);
		await expect(results(page).locator(`a[href^="${busy.path}"]`)).toBeVisible();
		await expect(shown).toContainText('Your file is long');
		await expect(shown).not.toContainText('set the rest aside');

		// PowerShell's `>`: UTF-16 little-endian, with its byte order mark.
		const utf16 = [0xff, 0xfe, ...[...line].flatMap((c) => [c.charCodeAt(0), 0])];
		await box.fill('');
		// Dropped beside the box, on the decoder's own text: taken all the same, not opened by the browser.
		const beside = page.locator('atlas-decoder .atlas-decoder-help');
		expect(await dropFiles(beside, [{ name: 'ps.log', parts: [utf16] }])).toBe(true);
		await expect(results(page).locator(`a[href^="${busy.path}"]`)).toBeVisible();
		await expect(results(page).first().locator('mark').first()).toHaveText('5432');
		expect(await box.inputValue()).toBe(line);
	});

	test('brings a long paste back after a reload, its held start still read', async ({ page }) => {
		const [first, last] = [find('asymmetric', 'NO_FREE_PORTS'), find('asymmetric', 'PORT_IN_USE')];
		const log = {
			first: fillTemplate(first.message!, { from: '4000', to: '4010' }),
			last: fillTemplate(last.message!, { port: '5432' }),
			mib: 0.25,
		};
		await page.goto(DIAGNOSE_PATH);
		await pasteLog(page.locator('atlas-decoder textarea'), log);
		await expect(results(page)).toHaveCount(2);
		await page.reload();
		await expect(results(page).locator(`a[href^="${first.path}"]`)).toBeVisible();
		await expect(results(page).locator(`a[href^="${last.path}"]`)).toBeVisible();
		await expect(page.locator('atlas-decoder [data-results]')).toContainText(
			'held in this tab rather than shown'
		);
	});

	test('after a reload, a paste cut to what the decoder reads still says how large it was and what was set aside', async ({
		page,
	}) => {
		const last = find('asymmetric', 'PORT_IN_USE');
		// Twice what the decoder reads.
		const log = { last: fillTemplate(last.message!, { port: '5432' }), mib: 2 };
		await page.goto(DIAGNOSE_PATH);
		await pasteLog(page.locator('atlas-decoder textarea'), log);
		const shown = page.locator('atlas-decoder [data-results]');
		await expect(shown).toContainText(inputNote(logLength(log)));
		await page.reload();
		await expect(results(page).locator(`a[href^="${last.path}"]`)).toBeVisible();
		await expect(shown).toContainText(inputNote(logLength(log)));
		await expect(shown).toContainText('set the rest aside');
	});

	test('shows every candidate of a code that several products share', async ({ page }) => {
		const all = allEntries(registry).filter((e) => e.code === 'INVALID_REQUEST');
		await paste(page, 'INVALID_REQUEST');
		await expect(page.locator('atlas-decoder .atlas-decoded-note')).toContainText(
			`names ${all.length} entries`
		);
		await expect(results(page)).toHaveCount(all.length);
	});

	test('tells a possible match after the cards of the errors found', async ({ page }) => {
		const e = find('asymmetric', 'PORT_IN_USE');
		const text = `${fillTemplate(e.message!, { port: '5432' })}\nError: password is required`;
		const told = report(decode(text, data), data);
		assert.equal(told.possibly.length, 1, JSON.stringify(told));
		await paste(page, text);
		await expect(results(page)).toHaveCount(1);
		const note = page.locator('atlas-decoder [data-results] .atlas-decoded-note');
		await expect(note).toHaveText(phraseText(told.possibly[0]!));
		await expect(note.locator('a')).toBeVisible();
	});

	test('says plainly when nothing matches, with "did you mean" and a way to search', async ({
		page,
	}) => {
		const e = find('asymmetric', 'PORT_IN_USE');
		await paste(page, `${e.code}E`);
		await expect(page.locator('atlas-decoder [data-status]')).toHaveText('No known error found.');
		await expect(page.locator(`atlas-decoder [data-results] a[href^="${e.path}"]`)).toBeVisible();
		await expect(
			page.locator(`atlas-decoder [data-results] a[href="${SEARCH_ANCHOR}"]`)
		).toBeVisible();
	});

	test('a paste that decodes to nothing hands its telling words to search, which finds the entry that uses them', async ({
		page,
	}) => {
		const text = 'worker heartbeat lost on node 7 (pid 4411)';
		const words = searchWords(text, data);
		const [entry] = readQuery(words, data);
		assert.ok(words && entry, `${text}: no words an entry uses`);
		await paste(page, text);
		await expect(page.locator('atlas-decoder [data-status]')).toHaveText('No known error found.');
		await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
		await page
			.locator('atlas-decoder [data-results]')
			.getByRole('link', { name: `Search the codes for “${words}”` })
			.click();
		await expect(page.locator('dialog[open] .pagefind-ui__search-input')).toHaveValue(words);
		await expect(
			page.locator(`dialog[open] .pagefind-ui__result-link[href^="${entry.path}"]`).first()
		).toBeVisible();
	});

	test('shows hostile text as text: no element made from it, no script run, no javascript: link', async ({
		page,
	}) => {
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		const e = find('assetcore', 'CONTAINER_NOT_FOUND');
		const product = registry.products.find((p) => p.id === e.product)!;
		const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
		await paste(
			page,
			JSON.stringify({
				type: problemType(product, e),
				detail: payload,
				hint: payload,
				docsUrl: 'javascript:alert(3)',
				instance: 'javascript:alert(4)',
			})
		);
		const card = results(page).first();
		await expect(card).toContainText(payload);
		await expect(
			page.locator('atlas-decoder [data-results] img, atlas-decoder [data-results] script')
		).toHaveCount(0);
		expect(
			await page
				.locator('atlas-decoder a')
				.evaluateAll(
					(links, anchor) =>
						links
							.map((a) => a.getAttribute('href') ?? '')
							.filter((h) => !h.startsWith('/') && h !== anchor),
					SEARCH_ANCHOR
				)
		).toEqual([]);
		expect(dialogs).toEqual([]);
	});

	test('makes no network request while decoding, and none ever carries the paste', async ({
		page,
	}) => {
		const all: Request[] = [];
		page.on('request', (r) => all.push(r));
		const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === DECODER_DATA_PATH);
		await page.goto(DIAGNOSE_PATH);
		await loaded;
		await page.waitForLoadState('networkidle');
		// What the page loads of itself comes when the browser is idle (Pagefind's UI) or at the box's
		// focus (the decoding engine), which a busy machine may leave past "network idle": counted
		// from once both are in, Pagefind's field built and a first error decoded.
		const box = page.locator('atlas-decoder textarea');
		const [e, other] = [find('asymmetric', 'PORT_IN_USE'), find('asymmetric', 'NO_FREE_PORTS')];
		const otherLine = fillTemplate(other.message!, { from: '4000', to: '4010' });
		await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
		await box.fill(otherLine);
		await expect(results(page).first().locator(`a[href^="${other.path}"]`)).toBeVisible();
		const before = all.length;
		const secret = 'secret-db-7f3a';
		await box.fill(`${secret} ${fillTemplate(e.message!, { port: '5432' })}`);
		await expect(results(page).first().locator(`a[href^="${e.path}"]`)).toBeVisible();
		await expect(results(page)).toHaveCount(1);
		// Typing on is decoded after a pause: wait for what it decodes (a second result) before counting.
		await box.press('End');
		await box.pressSequentially(`\n${otherLine}`, { delay: 20 });
		await expect(results(page)).toHaveCount(2);
		await expect(results(page).locator(`a[href^="${other.path}"]`)).toBeVisible();
		expect(all.slice(before).map((r) => r.url())).toEqual([]);
		for (const r of all) {
			expect(decodeURIComponent(r.url())).not.toContain(secret);
			expect(r.postData() ?? '').not.toContain(secret);
		}
	});

	test('fetches the decoder data once, on page load, shared with the search dialog', async ({
		page,
	}) => {
		const fetched: string[] = [];
		page.on('request', (r) => {
			if (new URL(r.url()).pathname === DECODER_DATA_PATH) fetched.push(r.url());
		});
		await page.goto('/');
		await expect.poll(() => fetched.length).toBe(1);
		const e = find('asymmetric', 'PORT_IN_USE');
		await page.locator('atlas-decoder textarea').fill(fillTemplate(e.message!, { port: '5432' }));
		await expect(results(page).first().locator(`a[href^="${e.path}"]`)).toBeVisible();
		// The search dialog reads the same codes: no second download.
		await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
		await page.keyboard.press('Control+k');
		await page.locator('dialog[open] .pagefind-ui__search-input').fill(e.code);
		await expect(page.locator('dialog[open] .atlas-jump-row').first()).toContainText(e.code);
		expect(fetched).toHaveLength(1);
		// No page carries the index itself.
		expect(await page.locator('atlas-decoder script').count()).toBe(0);
	});

	test('says it is loading while the decoder data is on its way, then decodes what was typed', async ({
		page,
	}) => {
		let release!: () => void;
		const held = new Promise<void>((ok) => (release = ok));
		await page.route(`**${DECODER_DATA_PATH}`, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(DIAGNOSE_PATH);
		const e = find('asymmetric', 'PORT_IN_USE');
		await page.locator('atlas-decoder textarea').fill(fillTemplate(e.message!, { port: '5432' }));
		await expect(page.locator('atlas-decoder [data-status]')).toHaveText(
			'Loading the decoder data…'
		);
		await expect(results(page)).toHaveCount(0);
		release();
		await expect(results(page).first().locator(`a[href^="${e.path}"]`)).toBeVisible();
	});

	test('says plainly when the decoder data cannot be loaded', async ({ page }) => {
		await page.route(`**${DECODER_DATA_PATH}`, (route) => route.abort());
		await page.goto(DIAGNOSE_PATH);
		const status = page.locator('atlas-decoder [data-status]');
		await expect(status).toHaveText('Could not load the decoder data: reload the page.');
		await page.locator('atlas-decoder textarea').fill('PORT_IN_USE');
		await page.waitForTimeout(600);
		await expect(status).toHaveText('Could not load the decoder data: reload the page.');
		await expect(results(page)).toHaveCount(0);
	});

	test('a share link holds no pasted text and reopens the same result', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const e = find('asymmetric', 'CLONE_NOT_FOUND');
		await paste(page, `secret-host ${fillTemplate(e.message!, { id: 'db "prod" (v2)' })}`);
		await results(page).first().getByRole('button', { name: 'Copy share link' }).click();
		await expect(page.locator('atlas-decoder [data-status]')).toContainText('Share link copied');
		const link = page.url();
		expect(link).not.toContain('secret-host');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

		const other = await context.newPage();
		await other.goto(link);
		const card = other.locator('atlas-decoder article.atlas-decoded');
		await expect(card.locator(`a[href^="${e.path}"]`)).toBeVisible();
		await expect(card.locator('mark')).toHaveText(['db "prod" (v2)']);
		await expect(other.locator('atlas-decoder textarea')).toHaveValue('');
	});

	test('carries what was typed on the home page over to the full decoder, and not in the address', async ({
		page,
	}) => {
		const e = find('asymmetric', 'PORT_IN_USE');
		const text = `secret-7f3a ${fillTemplate(e.message!, { port: '5432' })}`;
		await page.goto('/');
		await page.locator('atlas-decoder textarea').fill(text);
		await page
			.locator('atlas-decoder')
			.getByRole('link', { name: 'Open the full decoder' })
			.click();
		await expect(page).toHaveURL(new RegExp(`${DIAGNOSE_PATH}$`));
		await expect(page.locator('atlas-decoder textarea')).toHaveValue(text);
		await expect(results(page).first().locator(`a[href^="${e.path}"]`)).toBeVisible();
		expect(page.url()).not.toContain('secret');
	});

	test('a result opens its page showing the error with the values pasted; going back brings the paste and its result back', async ({
		page,
	}) => {
		const e = find('asymmetric', 'PORT_IN_USE');
		const text = fillTemplate(e.message!, { port: '5432' });
		await paste(page, text);
		await results(page).first().locator(`a[href^="${e.path}"]`).click();
		// The page shows the user's own error: the values went with the link, in its fragment only.
		await expect(page).toHaveURL(new RegExp(`${e.path}#v\\.port=5432$`));
		const yours = page.locator('atlas-your-error');
		await expect(yours.getByRole('heading', { name: 'Your error' })).toBeVisible();
		await expect(yours.locator('.atlas-your-error-message')).toHaveText(text);
		await expect(yours.locator('mark')).toHaveText('5432');
		await page.goBack();
		await expect(page.locator('atlas-decoder textarea')).toHaveValue(text);
		await expect(results(page).first().locator(`a[href^="${e.path}"]`)).toBeVisible();
	});

	test('a message pasted without its final full stop opens a page that shows that message, as pasted', async ({
		page,
	}) => {
		// An entry with several messages that share a placeholder: the link names which one it was.
		const e = find('smithers', 'TASK_HEARTBEAT_TIMEOUT');
		const messages = e.messages.filter((m) => m.params.length === 1 && m.text.endsWith('.'));
		expect(messages.length).toBeGreaterThan(0);
		const template = messages.at(-1)!.text;
		const text = fillTemplate(template.slice(0, -1), {
			[messages.at(-1)!.params[0]!]: 'build-step',
		});
		await paste(page, text);
		await results(page).first().locator(`a[href^="${e.path}"]`).click();
		const yours = page.locator('atlas-your-error');
		await expect(yours.locator('.atlas-your-error-message')).toHaveText(text);
		await expect(yours.locator('mark')).toHaveText('build-step');
	});

	test('drops the share fragment once the box is edited, so a reload keeps the new paste', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const shared = find('asymmetric', 'CLONE_NOT_FOUND');
		await paste(page, fillTemplate(shared.message!, { id: 'db' }));
		await results(page).first().getByRole('button', { name: 'Copy share link' }).click();
		await expect(page).toHaveURL(/#/);
		const e = find('asymmetric', 'PORT_IN_USE');
		const text = fillTemplate(e.message!, { port: '5432' });
		await page.locator('atlas-decoder textarea').fill(text);
		await expect(page).not.toHaveURL(/#/);
		await page.reload();
		await expect(page.locator('atlas-decoder textarea')).toHaveValue(text);
		await expect(results(page)).toHaveCount(1);
		await expect(results(page).first().locator(`a[href^="${e.path}"]`)).toBeVisible();
	});

	test('puts the cursor in the box on /diagnose/, and not on the home page', async ({ page }) => {
		await page.goto(DIAGNOSE_PATH);
		await expect(page.locator('atlas-decoder textarea')).toBeFocused();
		await page.goto('/');
		await expect(page.locator('atlas-decoder textarea')).not.toBeFocused();
	});

	test('works from the keyboard alone', async ({ page }) => {
		const e = find('asymmetric', 'PORT_IN_USE');
		await page.goto(DIAGNOSE_PATH);
		const input = page.locator('atlas-decoder textarea');
		for (let i = 0; i < 40 && !(await input.evaluate((el) => el === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await expect(input).toBeFocused();
		await page.keyboard.type(fillTemplate(e.message!, { port: '8080' }));
		const link = results(page).first().locator(`a[href^="${e.path}"]`);
		await expect(link).toBeVisible();
		for (let i = 0; i < 10 && !(await link.evaluate((el) => el === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await expect(link).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${e.path}#v\\.port=8080$`));
	});
});

test.describe('the decoder on a phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });
	const longest = [...entries].sort((a, b) => b.code.length - a.code.length)[0]!;

	test(`wraps a long code (${longest.code}) in its result only after an underscore, inside the card`, async ({
		page,
	}) => {
		await paste(page, longest.code);
		const code = results(page).first().locator('.atlas-decoded-code code');
		await expect(code).toHaveText(longest.code);
		// Too long for one line at this width: otherwise this test would show nothing. Polled: the
		// result may be drawn again as the page settles, and a card being replaced has no lines.
		await expect.poll(async () => (await renderedLines(code)).length).toBeGreaterThan(1);
		const lines = await renderedLines(code);
		expect(breaksInsideWords(lines), `lines: ${lines.join(' | ')}`).toEqual([]);
		const fits = await code.evaluate(
			(el) =>
				el.getBoundingClientRect().right <= el.closest('article')!.getBoundingClientRect().right
		);
		expect(fits).toBe(true);
	});
});
