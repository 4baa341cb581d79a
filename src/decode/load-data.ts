/**
 * The decoder data in the browser: `/search/data.json` (DECODER_DATA_PATH, built by
 * src/pages/search/data.json.ts), fetched once per page and shared by everything on it that
 * decodes — the decoder island as the page loads, the search dialog when it opens. Pages do not
 * carry the data themselves: at thousands of codes it is hundreds of kilobytes, and the browser
 * caches one file for every page.
 *
 * Only the data is fetched; nothing a user types or pastes is ever sent.
 */
// The data's module alone, not the engine's door: this runs as the page loads, before the engine is fetched.
import { DECODER_DATA_VERSION, type DecoderData } from './data.ts';

const loads = new Map<string, Promise<DecoderData>>();

/**
 * The decoder data at `url`, fetched on the first call; later calls share that fetch. A failed
 * load is not kept, so a later call tries again. Rejects with an Error that says what went wrong
 * (a status, a network failure, a file of another shape or version).
 */
export function loadDecoderData(
	url: string,
	get: (url: string) => Promise<Response> = (u) => fetch(u)
): Promise<DecoderData> {
	let load = loads.get(url);
	if (!load) {
		load = get(url).then(async (response) => {
			if (!response.ok)
				throw new Error(`${url} answered ${response.status} ${response.statusText}`.trimEnd());
			const data = (await response.json()) as Partial<DecoderData> | null;
			if (data?.v !== DECODER_DATA_VERSION || !Array.isArray(data.products)) {
				throw new Error(
					`${url} is not decoder data of version ${DECODER_DATA_VERSION} (a page and its data from two builds?)`
				);
			}
			return data as DecoderData;
		});
		loads.set(url, load);
		load.catch(() => loads.delete(url));
	}
	return load;
}
