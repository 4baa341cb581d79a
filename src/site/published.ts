/**
 * The page URLs the registry publishes, which are promises: error messages already shipped link
 * to them. An entry's page stays when the code is retired (`removed`), and a renamed entry keeps
 * its old URLs as redirects (`formerSlugs`). urls.lock records them; tests/unit/url-lock.test.ts
 * fails when one is no longer produced.
 */
import { allEntries, type Registry } from '../registry/model.ts';
import { entryPath } from '../registry/urls.ts';

/** Old URL → current page, for every former slug of every entry. */
export function entryRedirects(registry: Registry): Record<string, string> {
	const redirects: Record<string, string> = {};
	for (const entry of allEntries(registry)) {
		for (const former of entry.formerSlugs ?? [])
			redirects[entryPath(entry.product, former)] = entry.path;
	}
	return redirects;
}

/** Every page URL the registry produces: product overviews, entry pages and the redirects to them. */
export function registryPagePaths(registry: Registry): string[] {
	return [
		...registry.products.map((p) => p.path),
		...allEntries(registry).map((e) => e.path),
		...Object.keys(entryRedirects(registry)),
	];
}
