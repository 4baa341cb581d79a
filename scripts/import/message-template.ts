/**
 * A thrown message as a registry template: literal text as written, each substituted value a
 * `{placeholder}` named by the importer after its expression. Some messages are no template, and
 * the report says why.
 */
import type { MessagePart } from '../../src/registry/package-extract.ts';

export type TemplateSkip =
	'not a literal' | 'only placeholders' | 'literal braces' | 'several lines';

/** Why each kind of message is not made a template, as the importer's report says it. */
export const SKIP_REASONS: Record<TemplateSkip, string> = {
	'not a literal':
		'the message is a value computed at run time (a variable, `err.message`), not text in the code',
	'only placeholders':
		'the message has no words of its own (`${message}`): it would match any text',
	'literal braces': 'the text itself holds `{` or `}`, which a template reads as a placeholder',
	'several lines': 'the message spans several lines; the decoder reads a paste line by line',
};

export function messageTemplate(
	parts: readonly MessagePart[] | undefined
): string | { skip: TemplateSkip } {
	if (!parts) return { skip: 'not a literal' };
	const literal = parts.filter((p) => typeof p === 'string').join('');
	if (!/[\p{L}\p{N}]{2}/u.test(literal)) return { skip: 'only placeholders' };
	if (/[{}]/.test(literal)) return { skip: 'literal braces' };
	if (literal.includes('\n')) return { skip: 'several lines' };
	return parts.map((p) => (typeof p === 'string' ? p : `{${p.name}}`)).join('');
}
