/**
 * Where a long code may wrap: after an underscore (and after the colons of a URN such as
 * `urn:assetcore:error:CODE`), never inside a word. The browser's own rules would break
 * `HEARTBEAT_PAYLOAD_NOT_JSON_SERIALIZABLE` anywhere on a phone (`…_PAYL` / `OAD_…`), as it has no
 * break point of its own in it. Pages and the search dialog put a `<wbr>` between these parts: a
 * break point that adds no character, so the code copies, and is indexed, as it is.
 */

/** The characters a code may wrap after. */
export const WRAP_AFTER = ['_', ':'] as const;

/** Between a WRAP_AFTER character and whatever follows it. */
const WRAP_POINT = new RegExp(`(?<=[${WRAP_AFTER.join('')}])(?=.)`, 's');

/** The code in parts that each end with a WRAP_AFTER character but the last (`A_B_C` → `A_`, `B_`, `C`). */
export function codeWrapParts(code: string): string[] {
	return code.split(WRAP_POINT);
}

/** The code as nodes for a script to show, a `<wbr>` between its parts (browser only). */
export function codeWrapNodes(code: string): (Node | string)[] {
	return codeWrapParts(code).flatMap((part, i) =>
		i ? [document.createElement('wbr'), part] : [part]
	);
}
