/**
 * The decoder island's script: `<atlas-decoder>` decodes what is pasted into its text area as
 * the user types, in the page. The decoder data (`data-decoder-data`, /search/data.json, the file
 * the search dialog reads too; see src/decode/load-data.ts) is fetched once as the page loads, so
 * it is in before the user has typed; until then the island says it is loading, and if it cannot
 * be loaded, says so. After that nothing is fetched, and what is pasted is never sent. Pasted
 * text is only ever set as text (`textContent`), never as HTML, and no link is made from it:
 * every link goes to a page of this site taken from the data.
 *
 * A share link carries the product, the code and the values read (src/decode/share.ts); opening
 * one shows that result, once the data is in, on the page that opens shares. Editing the box drops
 * a share fragment from the address, so a reload keeps the new paste rather than the old share.
 *
 * The paste is kept in sessionStorage (this tab only; never in the URL, never sent), so it survives
 * "Open the full decoder", a result followed and Back, and a reload: an empty box is filled from it.
 */
import type { DecodeResult, DecoderData, Match, Report } from '../../decode/index.ts';
import { isShareFragment } from '../../decode/share-fragment.ts';
import { askSearch } from '../../search/dialog/search-for.ts';
// Small modules of the engine the page needs before the engine is in.
import { visibleText } from '../../decode/text.ts';
import { keep, kept } from './kept.ts';
import { PasteBox } from './paste.ts';
import { cardNode, phraseNodes, type Build } from './card-view.ts';
import { codeWrapNodes } from '../../site/code-wrap.ts';
import { SEARCH_ANCHOR } from '../../registry/urls.ts';
import { loadDecoderData } from '../../decode/load-data.ts';

type Child = Node | string | false | undefined;

function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: Record<string, string> = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
	// Every text shown is set as text, with direction controls made visible: a paste cannot turn the page's own words around.
	for (const child of children)
		if (child) node.append(typeof child === 'string' ? visibleText(child) : child);
	return node;
}

/** Code that wraps only after an underscore on a narrow screen (src/site/code-wrap.ts). */
function code(text: string): HTMLElement {
	return h('code', {}, ...codeWrapNodes(text));
}

/** The page's node builder for card-view.ts. */
const DOM: Build<HTMLElement> = {
	el: (tag, props, ...children) => h(tag as keyof HTMLElementTagNameMap, props, ...children),
	code,
};

const LOADING = 'Loading the decoder data…';
const FAILED = 'Could not load the decoder data: reload the page.';

/** The decoding engine (src/decode/), a chunk of its own. */
type Engine = typeof import('../../decode/index.ts');
let engine: Promise<Engine> | undefined;

/**
 * The engine, fetched once: what the page loads first is only this island, and the engine comes
 * when the page is idle, or at the first focus or keystroke in the box, whichever is sooner.
 */
function loadEngine(): Promise<Engine> {
	return (engine ??= import('../../decode/index.ts'));
}

function whenIdle(run: () => void): void {
	if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
	else setTimeout(run, 200);
}

class AtlasDecoder extends HTMLElement {
	/** The decoder data, once loaded. */
	#data: DecoderData | undefined;
	/** The decoding engine, once loaded. */
	#engine: Engine | undefined;
	#failed = false;
	#input!: HTMLTextAreaElement;
	/** The box and what is held of a paste too long for it: what the decoder reads. */
	#paste!: PasteBox;
	#results!: HTMLElement;
	#status!: HTMLElement;
	#timer: ReturnType<typeof setTimeout> | undefined;

	connectedCallback(): void {
		const input = this.querySelector('textarea');
		const results = this.querySelector<HTMLElement>('[data-results]');
		const status = this.querySelector<HTMLElement>('[data-status]');
		if (!input || !results || !status || this.#input) return;
		[this.#input, this.#results, this.#status] = [input, results, status];
		const paste = (this.#paste = new PasteBox(input));

		input.addEventListener('input', () => {
			this.#edited();
			this.#schedule();
		});
		input.addEventListener('paste', (event) => paste.paste(event));
		// A file may be dropped on the box, or anywhere on the decoder (a saved log); the browser would
		// open it in place of the page.
		this.addEventListener('dragover', (event) => {
			if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
		});
		this.addEventListener('drop', (event) => {
			void paste.drop(event).then((told) => {
				if (told) status.textContent = told;
			});
		});
		// Leaving the page before the pause ends (a link followed, a reload) still keeps what was typed.
		window.addEventListener('pagehide', () => keep(paste.text(), paste.cut));
		input.addEventListener('focus', () => this.#loadEngine(), { once: true });
		whenIdle(() => this.#loadEngine());
		this.querySelector('[data-clear]')?.addEventListener('click', () => {
			paste.put('');
			keep('');
			this.#edited();
			this.#show();
			input.focus();
		});
		const opensShares = this.dataset.opensShares !== undefined;
		if (opensShares) window.addEventListener('hashchange', () => this.#openShared());
		// An empty box gets the last paste back, unless the address holds a share link to show instead.
		if (!input.value && !(opensShares && isShareFragment(location.hash))) {
			const last = kept();
			paste.put(last.text, last.cut?.pasted, last.cut?.brought);
		}

		results.setAttribute('aria-busy', 'true');
		// Text the browser restored into the field waits for the data, and says so.
		if (input.value.trim()) status.textContent = LOADING;
		// Text restored into the box, or a share link to open, needs the engine at once.
		if (input.value.trim() || (opensShares && isShareFragment(location.hash))) this.#loadEngine();
		loadDecoderData(this.dataset.decoderData!).then(
			(data) => {
				this.#data = data;
				this.#ready();
			},
			(error: unknown) => {
				this.#failed = true;
				results.removeAttribute('aria-busy');
				this.#show();
				console.warn(
					`Decoder: the decoder data at ${this.dataset.decoderData} did not load (${error instanceof Error ? error.message : String(error)}).`
				);
			}
		);
	}

	#loadEngine(): void {
		if (this.#engine || this.#failed) return;
		loadEngine().then(
			(loaded) => {
				this.#engine = loaded;
				this.#ready();
			},
			(error: unknown) => {
				engine = undefined;
				this.#failed = true;
				this.#results.removeAttribute('aria-busy');
				this.#show();
				console.warn(
					`Decoder: its code did not load (${error instanceof Error ? error.message : String(error)}).`
				);
			}
		);
	}

	/** Once both the data and the engine are in: a share link to open, or the box's text to decode. */
	#ready(): void {
		if (!this.#data || !this.#engine) return;
		this.#results.removeAttribute('aria-busy');
		if (this.dataset.opensShares !== undefined && this.#openShared()) return;
		this.#show();
	}

	/** Drops a share fragment the box no longer shows. */
	#edited(): void {
		if (this.dataset.opensShares !== undefined && isShareFragment(location.hash))
			history.replaceState(history.state, '', location.pathname + location.search);
	}

	/** Decodes after a pause in typing; longer pastes wait a little longer, so typing stays smooth. */
	#schedule(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(
			() => {
				// Kept for this tab behind the same pause as decoding: writing storage at every keystroke is slow for a long paste.
				keep(this.#paste.text(), this.#paste.cut);
				this.#show();
			},
			Math.min(400, 120 + this.#paste.length / 4000)
		);
	}

	#show(): void {
		const text = this.#paste.text();
		if (this.#failed || !this.#data || !this.#engine || !text.trim()) {
			this.#results.replaceChildren();
			this.#status.textContent = this.#failed ? FAILED : text.trim() ? LOADING : '';
			if (text.trim()) this.#loadEngine();
			return;
		}
		this.#render(text, this.#engine.decode(text, this.#data), this.#data, this.#engine);
	}

	/** Shows the result a share link names; true when the address held one (and the data is in). */
	#openShared(): boolean {
		if (!this.#data || !this.#engine) return false;
		const match = this.#engine.openShare(location.hash, this.#data);
		if (!match) return false;
		this.#status.textContent = 'Shared result: paste your own error above to decode it.';
		this.#results.replaceChildren(cardNode(this.#engine.card(match, this.#data), DOM));
		return true;
	}

	#render(text: string, result: DecodeResult, data: DecoderData, { report }: Engine): void {
		const told = report(result, data, { text });
		const nodes: Node[] = [];
		told.groups.forEach((group, i) => {
			const matches = result.groups[i]!.matches.map((m) => result.matches[m]!);
			const cards = group.cards.map((c, j) => this.#shareable(cardNode(c, DOM), matches[j]!, data));
			if (group.note)
				nodes.push(
					h(
						'div',
						{ class: 'atlas-decoded-group' },
						h('p', { class: 'atlas-decoded-note' }, ...phraseNodes(group.note, DOM)),
						...cards
					)
				);
			else nodes.push(...cards);
		});
		if (told.more) nodes.push(h('p', {}, told.more));
		for (const p of told.possibly)
			nodes.push(h('p', { class: 'atlas-decoded-note' }, ...phraseNodes(p, DOM)));
		if (!told.groups.length) nodes.push(...this.#noMatch(told));
		const held = this.#paste.note();
		if (held) nodes.push(h('p', { class: 'atlas-decoded-note' }, held));
		for (const note of told.notes) nodes.push(h('p', { class: 'atlas-decoded-note' }, note));
		this.#results.replaceChildren(...nodes);
		this.#status.textContent = told.status;
	}

	#noMatch(told: Report): Node[] {
		// The status line says that nothing was found; this says why it may be.
		const nodes: Node[] = [
			...told.unlisted.map((u) => h('p', {}, ...phraseNodes(u, DOM))),
			...(told.nothing === undefined ? [] : [h('p', {}, told.nothing)]),
			...told.suggestions.map((s) => h('p', {}, ...phraseNodes(s, DOM))),
		];
		// The search opens on the paste's telling words: what the user brought is not dropped.
		const words = told.searchFor;
		const search = h(
			'a',
			{ href: SEARCH_ANCHOR },
			words ? `Search the codes for “${words}”` : 'Search the codes'
		);
		if (words)
			search.addEventListener('click', (e) => {
				e.preventDefault();
				e.stopPropagation();
				askSearch(words);
			});
		nodes.push(
			h(
				'p',
				{},
				search,
				words ? ', or by other words of the message.' : ' by name or by words of the message.'
			)
		);
		return nodes;
	}

	/** A result's card with its share button. */
	#shareable(card: HTMLElement, match: Match, data: DecoderData): HTMLElement {
		const button = h('button', { type: 'button', class: 'atlas-decoded-share' }, 'Copy share link');
		button.addEventListener('click', () => this.#share(match, button, data));
		card.append(h('p', {}, button));
		return card;
	}

	/** Puts the result (product, code, values — not the paste) in a link, in the address where this page opens shares, and on the clipboard. */
	async #share(match: Match, button: HTMLButtonElement, data: DecoderData): Promise<void> {
		const fragment = this.#engine!.shareFragment(match, data);
		const url = new URL(this.dataset.sharePage || location.pathname, location.href);
		url.hash = fragment;
		if (this.dataset.opensShares !== undefined) history.replaceState(null, '', url);
		let copied = false;
		try {
			await navigator.clipboard.writeText(url.href);
			copied = true;
		} catch {
			// No clipboard (an insecure origin, a refused permission): the address bar still has the link.
		}
		this.#status.textContent = copied
			? 'Share link copied. It holds the product, the code and the values read — not what you pasted.'
			: `Share link: ${url.href}`;
		button.focus();
	}
}

if (!customElements.get('atlas-decoder')) customElements.define('atlas-decoder', AtlasDecoder);
