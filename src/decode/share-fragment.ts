/**
 * The syntax of the fragments that carry a result: a share link's (share.ts writes and opens
 * them), and a link to an entry's page with the user's values. Apart from the engine, so that a
 * page can read them before, or without, loading it.
 */
import { LIMITS } from './limits.ts';
import { wellFormed } from './normalize.ts';

/** Prefix of a value's field: `v.port=5432`. */
export const VALUE = 'v.';

/** A fragment (with or without its `#`) as a share link's fields; untrusted, so read to 8 KiB at most. */
export function readFragment(fragment: string): URLSearchParams {
	return new URLSearchParams(fragment.replace(/^#/, '').slice(0, 8 * 1024));
}

/** Whether a fragment is shaped like a share link's (names a product and a code), before the data is in to open it. */
export function isShareFragment(fragment: string): boolean {
	const query = readFragment(fragment);
	return Boolean(query.get('p') && query.get('c'));
}

/** Values carried to a page at most; more than any message has placeholders. */
const MAX_VALUES = 32;

/** The field naming the message the values were read from: one of the entry's own templates. */
const TEMPLATE = 'm';

/** Characters of a template carried; longer than any message a product throws. */
const MAX_TEMPLATE_CHARS = 2048;

/**
 * The fragment of a link to an entry's page that carries the values the decoder read
 * (`v.port=5432`) and the message they were read from, so the page can show the user's own
 * error. Never the pasted text; a fragment is never sent to a server.
 */
function valuesFragment(params: Readonly<Record<string, string>>, template?: string): string {
	const query = new URLSearchParams();
	for (const [name, value] of Object.entries(params).slice(0, MAX_VALUES))
		query.set(VALUE + name, value.slice(0, LIMITS.maxValueChars));
	if (query.size && template !== undefined && template.length <= MAX_TEMPLATE_CHARS)
		query.set(TEMPLATE, template);
	return query.toString();
}

/** A link to the entry's page with the values read, and their message, in its fragment (the page alone when there are none). */
export function linkWithValues(match: {
	path: string;
	params: Readonly<Record<string, string>>;
	template?: string | undefined;
}): string {
	const fragment = valuesFragment(match.params, match.template);
	return fragment ? `${match.path}#${fragment}` : match.path;
}

/** The values a fragment carries (valuesFragment), read as untrusted: names of placeholders only, each value bounded. */
export function fragmentValues(fragment: string): Map<string, string> {
	const values = new Map<string, string>();
	for (const [key, value] of readFragment(fragment)) {
		const name = key.slice(VALUE.length);
		if (!key.startsWith(VALUE) || !PLACEHOLDER_NAME.test(name) || values.size >= MAX_VALUES)
			continue;
		values.set(name, wellFormed(value.slice(0, LIMITS.maxValueChars)));
	}
	return values;
}

/** The message a fragment says its values were read from; the page uses it only when it is one of its own. */
export function fragmentTemplate(fragment: string): string | undefined {
	const template = readFragment(fragment).get(TEMPLATE);
	return template === null || template.length > MAX_TEMPLATE_CHARS ? undefined : template;
}

/** What a placeholder's name can be: a word, with dots and hyphens inside (`details.path`). */
const PLACEHOLDER_NAME = /^[A-Za-z_$][\w$.-]{0,63}$/;
