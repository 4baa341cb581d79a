/**
 * The real registry and its decoder data, for the decoder's tests. Entries are looked up here by
 * product and code, so a test names the error it is about and the registry supplies the rest.
 */
import { loadRegistry } from '../../src/registry/load.ts';
import { allEntries, findProduct, type RegistryEntry } from '../../src/registry/model.ts';
import { toDecoderData, type DecodeResult } from '../../src/decode/index.ts';
import { parseTemplate } from '../../src/registry/template.ts';
import { titleCase } from '../support/code-spellings.ts';

export const registry = loadRegistry();
export const data = toDecoderData(registry);

/** The entry `product`/`code` (with `slug` where a product has the code twice); throws when absent. */
export function entry(product: string, code: string, slug?: string): RegistryEntry {
	const found =
		findProduct(registry, product)?.errors.filter(
			(e) => e.code === code && (slug === undefined || e.slug === slug)
		) ?? [];
	if (found.length !== 1)
		throw new Error(
			`test fixture: ${product}/${code}${slug ? `/${slug}` : ''} names ${found.length} entries in the registry`
		);
	return found[0]!;
}

/** Page paths of the matches, best first. */
export function paths(result: DecodeResult): string[] {
	return result.matches.map((m) => m.path);
}

/** Page paths of the first error found (several when ambiguous). */
export function firstGroup(result: DecodeResult): string[] {
	return (result.groups[0]?.matches ?? []).map((i) => result.matches[i]!.path);
}

/** A template whose literal text has no word cannot be told from any other text: it is found by code only. */
export function matchable(template: string): boolean {
	return parseTemplate(template).some((s) => s.kind === 'text' && /[A-Za-z0-9]{3}/.test(s.text));
}

/** Sample values, distinct per placeholder, in two styles: plain, and with spaces, quotes, dots and parentheses. */
export function samples(e: RegistryEntry, style: 'plain' | 'awkward'): Record<string, string> {
	return Object.fromEntries(
		e.params.map((p, i) => [
			p,
			style === 'plain' ? `v${i + 1}x${e.code.length}` : `it's "v${i + 1}.2" (copy ${i})`,
		])
	);
}

export { allEntries };

/** Every way people write a code: as published, lower case, with spaces, with hyphens, mixed case. */
export const spellings = (code: string) => [
	code,
	code.toLowerCase(),
	code.toLowerCase().replaceAll('_', ' '),
	code.toLowerCase().replaceAll('_', '-'),
	titleCase(code),
	` \`${code}\` `,
];
