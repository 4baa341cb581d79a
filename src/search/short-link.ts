/**
 * What a short link in a spelling the build did not write (`/e/Health_Timeout`, `/e/NOPE_CODE`)
 * leads to, on the 404 page a static host answers it with: the code's own short link when the
 * code is known, or a plain "no such code" with the decoder's "did you mean" when it is not. Pure:
 * src/components/ShortLinkFallback.astro acts on it, the tests ask it what the page should say.
 */
import { closeCodes, visibleText, type DecoderData } from '../decode/index.ts';
import { codeTargets } from './code-index.ts';
import { codeKey, type CodeTarget } from './code-query.ts';

export type ShortLinkOutcome =
	/** The generated page at the code's own spelling (a chooser): nothing to do. */
	| { kind: 'known' }
	/** A known code in another spelling: its short link. */
	| { kind: 'redirect'; to: string }
	/** No such code. `code` is what was typed, as a code; `suggestions` the close ones, closest first. */
	| { kind: 'unknown'; code: string; suggestions: CodeTarget[] };

export function shortLinkOutcome(
	typed: string,
	data: DecoderData,
	targets: readonly CodeTarget[] = codeTargets(data)
): ShortLinkOutcome {
	const key = codeKey(typed);
	if (key && targets.some((t) => t.code === key))
		return typed === key ? { kind: 'known' } : { kind: 'redirect', to: key };
	const byPath = new Map(targets.map((t) => [t.path, t]));
	const suggestions = key ? closeCodes(key, data).flatMap((s) => byPath.get(s.path) ?? []) : [];
	return { kind: 'unknown', code: key || typed.trim(), suggestions };
}

/** The page's heading for a short link to no known code. */
export function unknownCodeTitle(code: string): string {
	// What was typed in the address, shown: bounded, and its direction controls visible.
	const shown = code.length > SHOWN_CHARS ? `${code.slice(0, SHOWN_CHARS)}…` : code;
	return `No error code ${visibleText(shown)} in this reference`;
}

/** Characters of a typed code shown in the page's heading: longer than any code, short enough for a heading. */
const SHOWN_CHARS = 80;
