/**
 * Normalisation, in two steps:
 *
 * - `clean` removes what is never part of an error: terminal colour codes, carriage returns,
 *   byte-order marks and zero-width characters; it replaces lone surrogates. Values are taken
 *   from the cleaned text, so they read exactly as the user saw them.
 * - `fold` maps characters one to one (same length, so offsets carry over) to compare text with
 *   templates: ASCII case, curly quotes to straight ones, non-breaking spaces and tabs to spaces.
 */

/** CSI sequences (colours, cursor moves), OSC sequences (titles, links; an unterminated one ends
 * with its line), two-byte escapes; and colour codes that lost their ESC on the way through a copy
 * and paste (`[31m`). */
const ANSI =
	/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\[[0-9;]{1,12}m/g;
const COLOUR_HINT = /\[[0-9;]{1,12}m/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Up to this length a loop over the characters beats a regular expression's set-up; above, the other way round. */
const SHORT = 256;

export function clean(text: string): string {
	// Most text has nothing to clean: one pass says so (the payload strings of a large paste are many and short).
	if (text.length <= SHORT && isClean(text)) return text;
	// Most pastes have no colour codes: test before rewriting the whole text.
	let out = text.includes('\x1b') || COLOUR_HINT.test(text) ? text.replace(ANSI, '') : text;
	if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
	out = out.replace(INVISIBLE, '');
	return wellFormed(out);
}

/** True when `clean` would leave `text` as it is: no ESC, CR, colour code, invisible character or surrogate. */
function isClean(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x1b || c === 13) return false;
		// `[31m`: a colour code that lost its ESC.
		if (c === 0x5b) {
			const d = text.charCodeAt(i + 1);
			if ((d >= 48 && d <= 57) || d === 59) return false;
		}
		if (
			c >= 0x200b &&
			(c <= 0x200d || c === 0x2060 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff))
		)
			return false;
	}
	return true;
}

/** Replaces lone surrogates (half of a character, from a cut or a broken encoder) with U+FFFD. */
export function wellFormed(text: string): string {
	const s = text as string & { isWellFormed?: () => boolean; toWellFormed?: () => string };
	if (typeof s.isWellFormed === 'function' && typeof s.toWellFormed === 'function') {
		return s.isWellFormed() ? text : s.toWellFormed();
	}
	return text.replace(
		/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
		'\ufffd'
	);
}

/** Characters compared as another: curly quotes as straight ones, odd spaces and tabs as spaces. */
const FOLDED: Record<string, string> = {};
for (const c of '\u2018\u2019\u201a\u201b\u2032\u00b4') FOLDED[c] = "'";
for (const c of '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb') FOLDED[c] = '"';
for (const c of '\t\u00a0\u2007\u202f') FOLDED[c] = ' ';
const TO_FOLD = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'g');

/** Same length as `text`: offsets in the folded text are offsets in the original. */
export function fold(text: string): string {
	let out = text.toLowerCase();
	// A few characters lower-case to two (İ): keep lengths equal by folding ASCII only then.
	if (out.length !== text.length) out = text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
	if (out.length > SHORT) return out.replace(TO_FOLD, (ch) => FOLDED[ch]!);
	// Every character folded is a tab or above U+00A0: short ASCII text has none, and costs no regular expression.
	for (let i = 0; i < out.length; i++) {
		const c = out.charCodeAt(i);
		if (c === 9 || c >= 0xa0) return out.replace(TO_FOLD, (ch) => FOLDED[ch]!);
	}
	return out;
}

/** `[A-Za-z0-9_]`: the characters of codes and of the words templates are indexed by. */
export function isWordChar(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** A space or a tab, the blanks within a line. */
export function isSpace(c: number): boolean {
	return c === 32 || c === 9;
}

/** `"`, `'` or `` ` ``, the quotes a value is written in. */
export function isQuote(c: number): boolean {
	return c === 34 || c === 39 || c === 96;
}

/**
 * Log noise that can precede a message at a line start: timestamps, levels, `Error:`-style
 * prefixes, status symbols, a short `[tag]` or `name:`. Each is anchored and has no nested
 * quantifier, so skipping them is linear.
 */
const PREFIXES: RegExp[] = [
	/\s+/y,
	/\[?\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?\]?/y,
	/\[?\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\]?/y,
	/\[?(?:error|err|warn|warning|info|debug|fatal|trace|notice|crit|critical|panic|fail|failed)\]?:?(?=\s|$)/iy,
	/\w{0,40}(?:Error|Exception)\w{0,40}(?: \[[^\]\n]{1,64}\])?:(?=\s|$)/y,
	/[✖✗✘×⚠›»>!*•·|-]+(?=\s)/y,
	/\[[^\]\n]{1,40}\]:?/y,
	/[a-z][\w.-]{0,30}:(?=\s)/y,
];

/** The offset in `line` where log noise at its start ends (at most 200 characters in). */
export function skipLogPrefix(line: string): number {
	let at = 0;
	const stop = Math.min(line.length, 200);
	for (let progressed = true; progressed && at < stop;) {
		progressed = false;
		for (const re of PREFIXES) {
			re.lastIndex = at;
			if (re.test(line) && re.lastIndex > at) {
				at = re.lastIndex;
				progressed = true;
			}
		}
	}
	return Math.min(at, line.length);
}
