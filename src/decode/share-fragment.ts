/**
 * The syntax of a share link's fragment (share.ts writes and opens them). Apart from the engine,
 * so that a page can tell a share link from any other fragment before the engine is loaded.
 */

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
