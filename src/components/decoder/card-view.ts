/**
 * How the decoder island shows a card (src/decode/card.ts) and the phrases around it, over a node
 * builder: the DOM in the page, plain objects in the tests, so what the island says is tested
 * without a browser. Every word comes from the card; this module only chooses the elements.
 * It imports types only: the island loads it before the decoding engine is in.
 */
import type { Card, Phrase } from '../../decode/card.ts';
import type { MessagePart } from '../../decode/present.ts';
import { proseParts } from '../../registry/prose.ts';

export type Child<N> = N | string | false | undefined;

export interface Build<N> {
	/** An element with attributes and children; strings are set as text, never as HTML. */
	el(tag: string, props: Record<string, string>, ...children: Child<N>[]): N;
	/** A code, as it may wrap (src/site/code-wrap.ts). */
	code(text: string): N;
}

/** Registry prose (src/registry/prose.ts): its code spans as code, the rest as text. */
function proseNodes<N>(text: string, b: Build<N>): Child<N>[] {
	return proseParts(text).map((part) => (part.code ? b.code(part.text) : part.text));
}

/** Running words: text, codes (linked to their pages where they have one), links. */
export function phraseNodes<N>(phrase: readonly Phrase[], b: Build<N>): Child<N>[] {
	return phrase.map((p) =>
		typeof p === 'string'
			? p
			: 'code' in p
				? p.url
					? b.el('a', { href: p.url }, b.code(p.code))
					: b.code(p.code)
				: b.el('a', { href: p.url }, p.link)
	);
}

/** The message with the user's values marked; a placeholder with no value stays a variable. */
function messageNodes<N>(parts: readonly MessagePart[], b: Build<N>): Child<N>[] {
	return parts.map((part) =>
		'text' in part
			? part.text
			: part.value === undefined
				? b.el('var', {}, `{${part.param}}`)
				: b.el('mark', { title: part.param }, part.value)
	);
}

/** One result, as an article: each is a section of the page (the decoder sits under the page's h1, in no section of its own). */
export function cardNode<N>(card: Card, b: Build<N>): N {
	const heading = b.el(
		'h2',
		{ class: 'atlas-decoded-code' },
		b.el('a', { href: card.url }, b.code(card.code)),
		card.seen !== undefined && ' ',
		card.seen !== undefined && b.el('span', { class: 'atlas-decoded-count' }, card.seen)
	);
	const children: Child<N>[] = [b.el('p', { class: 'atlas-decoded-where' }, card.where), heading];
	if (card.message)
		children.push(b.el('p', { class: 'atlas-decoded-message' }, ...messageNodes(card.message, b)));
	else if (card.quote !== undefined)
		children.push(b.el('p', { class: 'atlas-decoded-message' }, b.el('q', {}, card.quote)));
	if (card.facts.length)
		children.push(
			b.el(
				'dl',
				{ class: 'atlas-decoded-facts' },
				...card.facts.flatMap(({ label, value, kind }) => [
					b.el('dt', {}, label),
					b.el('dd', {}, kind === 'value' ? b.el('mark', {}, value) : value),
				])
			)
		);
	if (card.advice)
		children.push(
			b.el(
				'p',
				{},
				b.el('strong', {}, `${card.advice.label}: `),
				...proseNodes(card.advice.text, b)
			)
		);
	if (card.cause)
		children.push(
			b.el('p', { class: 'atlas-decoded-cause-title' }, card.cause.label),
			b.el(
				'ol',
				{ class: 'atlas-decoded-cause' },
				...card.cause.links.map((link) => b.el('li', {}, ...phraseNodes(link, b)))
			)
		);
	return b.el('article', { class: 'atlas-decoded' }, ...children);
}
