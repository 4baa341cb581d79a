/**
 * What an error code is: the registry's schema checks every code against this, and the decoder
 * looks for codes in pasted text within the same bounds. No dependencies, so the browser's decoder
 * can import it.
 */

/** `SCREAMING_SNAKE_CASE`: upper-case letters and digits in words joined by single underscores. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** The shortest and longest a code may be, in characters. */
export const CODE_MIN_CHARS = 2;
export const CODE_MAX_CHARS = 64;
