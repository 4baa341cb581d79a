/**
 * Reads a built page the way a browser applies its Content Security Policy, without a browser, so
 * every page of the site can be checked in a second: the policy must not allow inline script in
 * general, and every inline `<script>` and `<style>` of the page must be allowed by its hash.
 */
import { createHash } from 'node:crypto';

export interface CspProblem {
	page: string;
	problem: string;
}

/** The page's policy, directive name → sources, from its `<meta http-equiv="content-security-policy">`. */
export function pagePolicy(html: string): Map<string, string[]> | undefined {
	const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
	if (content === undefined) return undefined;
	const policy = new Map<string, string[]>();
	for (const directive of content.split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		if (name && !policy.has(name)) policy.set(name, sources);
	}
	return policy;
}

function hashSource(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Script types a browser runs; JSON-LD and other data blocks are not run, so CSP ignores them. */
const RUNNABLE = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

function shortened(text: string): string {
	const flat = text.trim().replace(/\s+/g, ' ');
	return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/**
 * What comes before the policy in the page's `<head>`, which the policy does not cover (a meta
 * policy applies to what follows it): '' when the policy is first. Only the doctype, the `<html>`
 * and `<head>` tags and the `<meta charset>` may come first: the charset must be in the first
 * 1,024 bytes, and names no resource.
 */
export function beforePolicy(html: string): string {
	const start =
		/^\s*(?:<!doctype html>)?\s*(?:<html\b[^>]*>)?\s*(?:<head>)?\s*(?:<meta charset="utf-8"\/?>)?\s*/i.exec(
			html
		)![0].length;
	const at = html.search(/<meta http-equiv="content-security-policy"/i);
	return at === -1 ? html : html.slice(start, at);
}

/** What in one page the page's own policy would block, or allows too broadly, or does not cover. */
export function cspProblems(page: string, html: string): CspProblem[] {
	const problems: CspProblem[] = [];
	const add = (problem: string) => problems.push({ page, problem });
	const policy = pagePolicy(html);
	if (!policy) {
		add('has no content-security-policy meta element');
		return problems;
	}
	const before = beforePolicy(html);
	if (before)
		add(`has its policy after what it should cover, not first in <head>: ${shortened(before)}`);
	const scriptSources =
		policy.get('script-src-elem') ?? policy.get('script-src') ?? policy.get('default-src') ?? [];
	const styleSources =
		policy.get('style-src-elem') ?? policy.get('style-src') ?? policy.get('default-src') ?? [];
	for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
		for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
			if (policy.get(name)?.includes(loose)) add(`allows ${loose} in ${name}`);
		}
	}
	if (!policy.has('script-src') && !policy.has('default-src'))
		add('restricts no scripts (no script-src or default-src)');

	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attrs = m[1]!;
		const type = /\btype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
		if (/\bsrc=/i.test(attrs) || !RUNNABLE.test(type)) continue;
		if (!scriptSources.includes(hashSource(m[2]!)))
			add(`runs an inline script its policy does not allow: ${shortened(m[2]!)}`);
	}
	for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
		if (!styleSources.includes(hashSource(m[1]!)))
			add(`has an inline style element its policy does not allow: ${shortened(m[1]!)}`);
	}
	// Each start tag whole (a quoted value may hold `>`), its values blanked: `content="… onTimeout=…"` is text.
	for (const tag of html.matchAll(/<[a-z][\w-]*(?:"[^"]*"|'[^']*'|[^'">])*>/gi)) {
		const names = tag[0].replace(/"[^"]*"|'[^']*'/g, '""');
		for (const m of names.matchAll(/\s(on[a-z]+)\s*=/gi))
			add(`has an inline event handler (${m[1]}), which no hash can allow`);
	}
	for (const m of html.matchAll(/\s(?:href|src|action)="\s*(javascript:[^"]*)"/gi))
		add(`has a javascript: URL (${shortened(m[1]!)})`);
	return problems;
}

export function formatCspProblems(problems: readonly CspProblem[]): string {
	return problems.map((p) => `${p.page} ${p.problem}`).join('\n');
}
