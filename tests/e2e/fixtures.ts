/**
 * The `test` every browser test should import instead of Playwright's own: the same, except that
 * a test fails when the page reports a Content Security Policy violation — a script, style,
 * WebAssembly module or request the site's policy blocked, which in production would be a broken
 * feature. Violations are read from the `securitypolicyviolation` events of every document the
 * page loads and from the console, where Chromium reports those without an event.
 *
 *   import { expect, test } from './fixtures.ts';
 */
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

declare global {
	interface Window {
		__atlasCspViolation?: (report: string) => void;
	}
}

/** Runs in every document before the site's scripts: reports each violation to the test. */
function reportViolations(): void {
	document.addEventListener('securitypolicyviolation', (e) => {
		const where = `${e.sourceFile || location.pathname}:${e.lineNumber}`;
		window.__atlasCspViolation?.(
			`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${where}${e.sample ? ` (${e.sample})` : ''}`
		);
	});
}

/**
 * Starts recording a page's CSP violations, across navigations; returns the list, which fills as
 * they happen. Events give the directive and the place; the console catches what raises no event.
 */
export async function watchCsp(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('__atlasCspViolation', (report: string) =>
		violations.push(`event: ${report}`)
	);
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text()))
			violations.push(`console: ${message.text()}`);
	});
	await page.addInitScript(reportViolations);
	return violations;
}

export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ page }, use) => {
			const violations = await watchCsp(page);
			await use(violations);
			expect(
				violations,
				`The page reported Content Security Policy violations:\n${violations.join('\n')}`
			).toEqual([]);
		},
		{ auto: true },
	],
});
