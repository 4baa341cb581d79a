/**
 * Where short links lead, and the `_redirects` file a static host reads: computed from the
 * registry, every code reached in the spellings people type, renamed pages kept, within the
 * limit Cloudflare Pages reads — and read back as scripts/serve.ts and those hosts read it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseRedirects } from '../../scripts/serve.ts';
import { loadRegistry, PROJECT_ROOT } from '../../src/registry/load.ts';
import { allEntries, entriesByCode } from '../../src/registry/model.ts';
import { shortLinkPath, slugForCode } from '../../src/registry/urls.ts';
import { hostRedirects, redirectsFile, STATIC_RULE_LIMIT } from '../../src/site/host-redirects.ts';
import { shortLinkRedirect, shortLinkTargets } from '../../src/site/short-links.ts';
import { titleCase } from '../support/code-spellings.ts';

const registry = loadRegistry();
const byCode = [...entriesByCode(registry)];
const targets = shortLinkTargets(allEntries(registry));

/** Where a code's short link must lead: its one page, or the page listing the entries that share it. */
const expected = (code: string, entries: readonly { path: string }[]) =>
	entries.length === 1 ? entries[0]!.path : shortLinkPath(code);

describe('short links', () => {
	it('send every code, in any case or separator, with or without its slash, under /e/ or /E/, to its page or its chooser', () => {
		const wrong: string[] = [];
		for (const [code, entries] of byCode) {
			for (const spelling of [code, code.toLowerCase(), slugForCode(code), titleCase(code)]) {
				const path = shortLinkPath(spelling);
				for (const typed of [path, path.slice(0, -1), path.replace('/e/', '/E/')]) {
					const to = shortLinkRedirect(typed, targets);
					const want = expected(code, entries);
					if (typed !== want && to !== want) wrong.push(`${typed} → ${to}, not ${want}`);
				}
			}
		}
		assert.deepEqual(wrong, []);
	});

	it('leave a chooser where it is, and unknown codes and other paths to the 404 page and the files', () => {
		const [shared] = byCode.find(([, entries]) => entries.length > 1)!;
		assert.equal(shortLinkRedirect(shortLinkPath(shared), targets), undefined);
		assert.equal(shortLinkRedirect('/e/NO_SUCH_CODE_HERE/', targets), undefined);
		assert.equal(shortLinkRedirect('/diagnose/', targets), undefined);
		assert.equal(shortLinkRedirect(`/e/${byCode[0]![0]}/index.html`, targets), undefined);
	});
});

describe('_redirects', () => {
	const rules = hostRedirects(registry);
	const file = redirectsFile(rules);
	const read = parseRedirects(file.text);

	it("gives every code's short link a permanent redirect in kebab, upper and lower case, with and without its slash", () => {
		const rule = new Map(read.map((r) => [r.from, r]));
		const missing: string[] = [];
		for (const [code, entries] of byCode) {
			const to = expected(code, entries);
			for (const spelling of [slugForCode(code), code, code.toLowerCase()]) {
				for (const from of [shortLinkPath(spelling), shortLinkPath(spelling).slice(0, -1)]) {
					if (from.replace(/\/$/, '') === to.replace(/\/$/, '')) continue;
					const got = rule.get(from);
					if (got?.to !== to || got.status !== 301)
						missing.push(`${from}: ${got ? `${got.to} ${got.status}` : 'no rule'}`);
				}
			}
		}
		assert.deepEqual(missing, []);
		assert.equal(file.left, 0);
		assert.ok(read.length <= STATIC_RULE_LIMIT);
	});

	it('has one rule per path and none that leads to itself, with or without the slash', () => {
		assert.equal(new Set(read.map((r) => r.from)).size, read.length);
		const loops = read.filter((r) => r.from.replace(/\/$/, '') === r.to.replace(/\/$/, ''));
		assert.deepEqual(loops, []);
	});

	it("keeps a renamed page's former URL, with and without its slash, before any short link", () => {
		const renamed = loadRegistry(join(PROJECT_ROOT, 'tests/fixtures/url-lock/renamed'));
		const entry = allEntries(renamed).find((e) => e.formerSlugs?.length)!;
		const former = `/${entry.product}/errors/${entry.formerSlugs![0]}/`;
		assert.deepEqual(hostRedirects(renamed).slice(0, 2), [
			{ from: former, to: entry.path },
			{ from: former.slice(0, -1), to: entry.path },
		]);
	});

	it("past the limit, keeps every code's most-typed spelling before any code's next one, and says how many are left out", () => {
		const cut = redirectsFile(rules, byCode.length);
		const kept = parseRedirects(cut.text);
		assert.equal(kept.length, byCode.length);
		assert.equal(cut.left, rules.length - byCode.length);
		assert.deepEqual(
			kept.map((r) => r.from).sort(),
			byCode.map(([code]) => shortLinkPath(slugForCode(code))).sort()
		);
	});
});
