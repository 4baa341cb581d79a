/**
 * What a match says to a reader, shared by the CLI and the browser island so both show the
 * same thing: the entry's message with the user's values in it, what to do with those values
 * filled in, and what the payload itself reported.
 */
import { fillTemplate, parseTemplate } from '../registry/template.ts';
import type { DecoderData, DecoderEntry, DecoderProduct } from './data.ts';
import { LIMITS } from './limits.ts';
import { entryOf } from './lookup.ts';
import type { Match } from './result.ts';

/** A piece of a message: literal text, or a placeholder with the value read from the paste. */
export type MessagePart = { text: string } | { param: string; value: string | undefined };

export interface Described {
	product: DecoderProduct;
	entry: DecoderEntry;
	/** The entry's category name, when it has one. */
	category?: string;
	/** The entry's message template, split so the values can be highlighted. */
	message?: MessagePart[];
	/** What to do, with the user's values where the text names them. */
	fix?: string;
	/** What triggers it, or what it means, for entries that publish no fix. */
	about?: string;
}

export function describe(match: Pick<Match, 'path' | 'params'>, data: DecoderData): Described | undefined {
	const found = entryOf(data, match.path);
	if (!found) return undefined;
	const { product, entry } = found;
	const described: Described = { product, entry };
	if (entry.category !== undefined) described.category = product.categories[entry.category];
	if (entry.message !== undefined) {
		described.message = parseTemplate(entry.message).map((s) =>
			s.kind === 'text' ? { text: s.text } : { param: s.name, value: Object.hasOwn(match.params, s.name) ? match.params[s.name] : undefined },
		);
	}
	if (entry.fix !== undefined) described.fix = fillFix(entry.fix, match.params);
	const about = entry.when ?? entry.description;
	if (about !== undefined) described.about = about;
	return described;
}

/**
 * A fix with the user's values in it: `{name}` as in templates, and `<name>` as fix texts write
 * a value to substitute (`asym logs <id>`). Only names the paste gave a value for are replaced.
 */
export function fillFix(fix: string, params: Readonly<Record<string, string>>): string {
	const filled = fillTemplate(fix, params);
	return filled.replace(/<([A-Za-z_][\w-]*)>/g, (whole, name: string) => (Object.hasOwn(params, name) ? params[name]! : whole));
}

/** What was read of a paste longer than the input bound: "read the first and last 512 KiB of 2.1 MB". */
export function inputNote(inputChars: number, maxInputChars = LIMITS.maxInputChars): string {
	const half = Math.floor(maxInputChars / 2);
	return `read the first and last ${half % 1024 ? `${half.toLocaleString('en')} characters` : `${half / 1024} KiB`} of ${(inputChars / 1e6).toFixed(1)} MB`;
}
