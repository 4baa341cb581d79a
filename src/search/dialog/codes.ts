/**
 * The decoder data behind the search dialog: what to offer as a direct jump (src/search/jump.ts) and
 * what to ask Pagefind (src/search/search-term.ts) for what was typed. It is /search/data.json
 * and the decoder's code, fetched once, when the dialog first opens or its field is focused, so
 * pages do not each carry every code; a page with the decoder island has fetched the file
 * already, and the dialog shares that fetch (src/decode/load-data.ts). A failure
 * leaves the full-text search working on its own.
 */
import type { JumpView } from '../jump.ts';

/**
 * `url` is the data's address; `onSettle` is called once loading has ended, with whether the
 * codes loaded: what was searched before can now be searched again with them.
 */
export function setupCodes(url: string, onSettle: (loaded: boolean) => void) {
	let jump: ((query: string) => JumpView | undefined) | undefined;
	let term: ((query: string) => string) | undefined;
	let settled = false;
	let loading: Promise<void> | undefined;
	return {
		/** What the dialog offers above the results for `query`; nothing until the codes are in. */
		jumpFor: (query: string) => jump?.(query),
		/** What to ask Pagefind for `query`; the query as typed until the codes are in. */
		termFor: (query: string) => term?.(query) ?? query,
		/** Whether loading has ended, loaded or failed: until then a jump may yet come. */
		get settled() {
			return settled;
		},
		/** Loads the codes, once; resolves when loading has ended and `onSettle` has run. */
		load(): Promise<void> {
			loading ??= Promise.all([
				import('../../decode/load-data.ts').then(({ loadDecoderData }) => loadDecoderData(url)),
				import('../jump.ts'),
				import('../code-index.ts'),
				import('../search-term.ts'),
			])
				.then(([data, { jumpFor, jumpView }, { codeTargets }, { searchTerm }]) => {
					const targets = codeTargets(data);
					jump = (query) => jumpView(jumpFor(query, data, targets));
					term = (query) => searchTerm(query, data, targets);
					return true;
				})
				.catch((error) => {
					console.warn(
						`Search: the decoder data at ${url} did not load (${error}); full-text search still works. Reload to try again.`
					);
					return false;
				})
				.then((loaded) => {
					settled = true;
					onSettle(loaded);
				});
			return loading;
		},
	};
}
