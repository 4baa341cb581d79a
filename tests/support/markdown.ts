/**
 * Markdown read back as a CommonMark + GFM reader sees it (micromark, the reference parser behind
 * remark and GitHub-compatible tools), so tests check what an agent gets, not what we meant.
 */
import type { Code, Heading, Link, List, Nodes, Paragraph, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

export function parseMarkdown(text: string): Root {
	return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The text a reader sees: code spans without their backticks, links as their text. */
export function shown(node: Nodes): string {
	return toString(node);
}

/** Every node of a tree, depth first. */
export function* walk(node: Nodes): Generator<Nodes> {
	yield node;
	if ('children' in node) for (const child of node.children) yield* walk(child);
}

export function nodesOf<T extends Nodes['type']>(
	root: Nodes,
	type: T
): Extract<Nodes, { type: T }>[] {
	return [...walk(root)].filter((n): n is Extract<Nodes, { type: T }> => n.type === type);
}

export type { Code, Heading, Link, List, Nodes, Paragraph, Root, Table };

/**
 * What a reader sees of registry prose, by the rule the HTML page follows (Prose.astro): backtick
 * spans are code and show without their backticks, an unpaired backtick shows as itself. Line breaks,
 * which a paragraph cannot hold, read as spaces, and spaces outside code at either end show as
 * nothing (an empty code span shows nothing either).
 */
export function proseShown(value: string): { text: string; code: string[] } {
	const parts = value.replace(/\s*\n\s*/g, ' ').split('`');
	const spans = parts
		.map((part, i) =>
			i % 2 === 0
				? { part, code: false }
				: i === parts.length - 1
					? { part: `\`${part}`, code: false }
					: { part, code: true }
		)
		.filter((s) => s.part !== '')
		.reduce<{ part: string; code: boolean }[]>((out, s) => {
			const prev = out.at(-1);
			if (prev && !prev.code && !s.code) prev.part += s.part;
			else out.push({ ...s });
			return out;
		}, []);
	const first = spans[0];
	const last = spans.at(-1);
	if (first && !first.code) first.part = first.part.trimStart();
	if (last && !last.code) last.part = last.part.trimEnd();
	return {
		text: spans.map((s) => s.part).join(''),
		code: spans.filter((s) => s.code).map((s) => s.part),
	};
}
