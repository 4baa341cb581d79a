/**
 * Drift between what a product publishes in its package and what the registry says: the catalog
 * kept under content/sources/ against the installed (pinned) catalog, and the registry file against
 * what the importer would write from the kept extract. Each difference is one line naming the code
 * and what differs; the caller says which command brings it up to date.
 */
import { parse } from 'yaml';
import type { CatalogCode, PackageExtract } from '../../src/registry/package-extract.ts';
import { importPackage } from './registry-from-package.ts';

/** A catalog as the package exports it at run time: `smithersErrorDefinitions`. */
export type InstalledCatalog = Record<string, { category: string; when: string; details?: string }>;

/** Codes the installed catalog adds, drops or words differently from the kept one. */
export function catalogDrift(kept: readonly CatalogCode[], installed: InstalledCatalog): string[] {
	const lines: string[] = [];
	const keptCodes = new Map(kept.map((c) => [c.code, c]));
	for (const [code, def] of Object.entries(installed)) {
		const c = keptCodes.get(code);
		if (!c) {
			lines.push(`${code}: in the installed catalog, not in the kept one`);
			continue;
		}
		for (const field of ['category', 'when', 'details'] as const) {
			if (c[field] !== def[field])
				lines.push(
					`${code}: its ${field} differs (kept ${JSON.stringify(c[field])}, installed ${JSON.stringify(def[field])})`
				);
		}
	}
	for (const code of keptCodes.keys())
		if (!Object.hasOwn(installed, code))
			lines.push(`${code}: in the kept catalog, gone from the installed one`);
	return lines;
}

interface EntryJs {
	code: string;
	status?: number;
	slug?: string;
}

/** Codes whose entry differs from what the importer writes from the extract, and product facts that do. */
export function registryDrift(yamlText: string, extract: PackageExtract): string[] {
	const { yaml, report } = importPackage(yamlText, extract);
	const lines = [...report.problems];
	const before = parse(yamlText) as Record<string, unknown> & { errors: EntryJs[] };
	const after = parse(yaml) as Record<string, unknown> & { errors: EntryJs[] };
	for (const key of ['catalog', 'emits']) {
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
			lines.push(`the product's ${key} differs from the extract's`);
	}
	const keyOf = (e: EntryJs) => `${e.code}${e.status === undefined ? '' : ` (HTTP ${e.status})`}`;
	const old = new Map(before.errors.map((e) => [keyOf(e), JSON.stringify(e)]));
	const now = new Map(after.errors.map((e) => [keyOf(e), JSON.stringify(e)]));
	for (const [key, entry] of now) {
		if (!old.has(key)) lines.push(`${key}: the extract has it, the registry has no entry`);
		else if (old.get(key) !== entry)
			lines.push(`${key}: its entry differs from what the extract says`);
	}
	for (const key of old.keys())
		if (!now.has(key))
			lines.push(`${key}: the registry's entry is not what the importer would keep`);
	return lines;
}
