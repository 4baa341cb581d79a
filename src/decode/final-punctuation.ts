/**
 * The punctuation that ends a template's sentence (`Port {port} is busy.`), which a line may leave
 * off (`Port 5432 is busy`): templates.ts matches a line without it, and a card shows the message
 * as the line wrote it, never with punctuation the paste did not have.
 */

/** The punctuation that ends a template's sentence, which a line may leave off. */
const FINAL_PUNCTUATION = /[\s.!?]+$/;
/** A template's last literal that only ends its sentence (`.`): a line may leave it off, and its value then runs to the end. */
const PUNCTUATION_ONLY = /^[\s.!?]*$/;

/** Text without the punctuation that ends its sentence. */
export function withoutFinalPunctuation(text: string): string {
	return text.replace(FINAL_PUNCTUATION, '');
}

/** Whether a template's last literal only ends its sentence (`.`, or nothing). */
export function onlyEndsSentence(literal: string): boolean {
	return PUNCTUATION_ONLY.test(literal);
}

/** A template as a line wrote it: without its final punctuation when the line left that off (`short`). */
export function asWritten(template: string, short: boolean | undefined): string {
	return short ? withoutFinalPunctuation(template) : template;
}
