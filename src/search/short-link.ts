/**
 * What a short link in a spelling the build did not write (`/e/Health_Timeout`, `/e/NOPE_CODE`)
 * leads to, on the 404 page a static host answers it with: the code's own short link when the
 * code is known, or a plain "no such code" with what the search dialog's jump row offers for the
 * same text (jumpFor: the codes it begins, is part of or misspells, the message it is). Pure:
 * not-found.ts reads the 404 page's address with it, the tests ask it what the page should say.
 */
import { codeKey, visibleText, type DecoderData } from '../decode/index.ts';
import { codeTargets } from './code-index.ts';
import type { CodeTarget } from './code-query.ts';
import { jumpFor, JUMP_TITLES, MAX_JUMPS } from './jump.ts';

export type ShortLinkOutcome =
	/** The generated page at the code's own spelling (a chooser): nothing to do. */
	| { kind: 'known' }
	/** A known code in another spelling: its short link. */
	| { kind: 'redirect'; to: string }
	/** No such code. `code` is what was typed, as a code; `suggestions` the close ones, closest first. */
	| {
			kind: 'unknown';
			code: string;
			suggestions: CodeTarget[];
			/** What the suggestions are, as the search dialog's jump row heads them (JUMP_TITLES). */
			heading?: string;
	  };

export function shortLinkOutcome(
	typed: string,
	data: DecoderData,
	targets: readonly CodeTarget[] = codeTargets(data)
): ShortLinkOutcome {
	// The jump row's reading, rows and heading: the page offers what the search dialog would.
	const jump = jumpFor(typed, data, targets);
	if (jump?.kind === 'code') {
		const code = jump.rows[0]!.code;
		return typed === code ? { kind: 'known' } : { kind: 'redirect', to: code };
	}
	const suggestions = jump?.rows.slice(0, MAX_JUMPS) ?? [];
	const outcome: ShortLinkOutcome = {
		kind: 'unknown',
		code: codeKey(typed) || typed.trim(),
		suggestions,
	};
	if (jump) outcome.heading = JUMP_TITLES[jump.kind];
	return outcome;
}

/** The page's heading for a short link to no known code. */
export function unknownCodeTitle(code: string): string {
	return `No error code ${shownTyped(code)} in this reference`;
}

/** What was typed in the address, as a page's heading shows it: bounded, and its direction controls visible. */
export function shownTyped(typed: string): string {
	return visibleText(typed.length > SHOWN_CHARS ? `${typed.slice(0, SHOWN_CHARS)}…` : typed);
}

/** Characters of what was typed shown in the page's heading: longer than any code, short enough for a heading. */
const SHOWN_CHARS = 80;
