/**
 * What the 404 page makes of the address it answers, read as the search dialog reads what is
 * typed (jumpFor, readQuery): the same rows under the same headings.
 *
 *   /e/<code>                    a code (short-link.ts): its short link in another spelling, or
 *                                the codes near it
 *   /<product>/errors/<slug>/    a page of a product's errors: the slug read as a query for that
 *                                product's codes (`Smithers task-heartbeat-timout`), the page of the
 *                                code it is in another spelling, or the codes near it
 *   /<produt>/…                  a product's id mistyped: read as the product nearest it; its
 *                                overview, when the address is only that
 *
 * Pure: src/components/NotFound.astro acts on it, the tests ask it what the page should say.
 */
import { editDistance } from '../registry/distance.ts';
import { maxDistance, type DecoderData, type DecoderProduct } from '../decode/index.ts';
import { clean } from '../decode/normalize.ts';
import {
	ENTRY_SEGMENT,
	entryPath,
	productPath,
	shortLinkPath,
	shortLinkSegment,
} from '../registry/urls.ts';
import { codeTargets } from './code-index.ts';
import type { CodeTarget } from './code-query.ts';
import { jumpFor, JUMP_TITLES, MAX_JUMPS } from './jump.ts';
import { shortLinkOutcome, shownTyped, unknownCodeTitle } from './short-link.ts';

/** A place the page offers: an entry (a CodeTarget), or a product's overview (no code). */
export interface NotFoundRow {
	path: string;
	/** The product's display name. */
	product: string;
	code?: string;
	summary?: string;
}

export type NotFoundReading =
	/** The address names a page in another spelling: go there. */
	| { kind: 'redirect'; to: string }
	/** What the page says instead of "No page here". */
	| {
			kind: 'explain';
			title: string;
			tagline: string;
			/** The jump row's heading for the rows (JUMP_TITLES); absent with no rows. */
			heading?: string;
			rows: NotFoundRow[];
			/** What the page's search link asks the search dialog, which offers the same rows for it. */
			search: string;
			/** The search link's text: what it searches for, shown as a heading shows what was typed. */
			searchLabel: string;
	  };

/**
 * The reading of `pathname` on the 404 page; undefined when the address is none the site makes
 * (the page stays as it is) or is the page itself.
 */
export function notFoundReading(
	pathname: string,
	data: DecoderData,
	targets: readonly CodeTarget[] = codeTargets(data)
): NotFoundReading | undefined {
	const typed = shortLinkSegment(pathname);
	if (typed !== undefined) {
		const outcome = shortLinkOutcome(typed, data, targets);
		if (outcome.kind === 'known') return undefined;
		if (outcome.kind === 'redirect') return { kind: 'redirect', to: shortLinkPath(outcome.to) };
		return explain(unknownCodeTitle(outcome.code), outcome.suggestions, outcome.heading, typed);
	}
	const [first = '', ...rest] = pathname.split('/').slice(1).map(segmentText);
	if (rest.at(-1) === '') rest.pop();
	const product = productNamed(first, data);
	if (!product) return undefined;
	if (rest.length === 0) {
		const overview = productPath(product.id);
		if (product.id === first.toLowerCase())
			return overview === pathname ? undefined : { kind: 'redirect', to: overview };
		return explain(
			`No product ${shownTyped(first)} in this reference`,
			[{ path: overview, product: product.name }],
			JUMP_TITLES.typo,
			first
		);
	}
	if (`/${rest[0]}/` !== ENTRY_SEGMENT || rest.length > 2) return undefined;
	const slug = rest[1];
	// `/smithers/errors/`: the product's errors are listed on its overview.
	if (!slug) return { kind: 'redirect', to: productPath(product.id) };
	// A page's own slug, in another case or with an unseen character in it.
	const page = targets.find((t) => t.path === entryPath(product.id, slug.toLowerCase()));
	if (page && page.path !== pathname) return { kind: 'redirect', to: page.path };
	// The product's name with what was typed, as a search for it is typed: readQuery reads it within that product.
	const query = `${product.name} ${slug}`;
	const jump = jumpFor(query, data, targets);
	if (jump?.kind === 'code' && jump.rows.length === 1)
		return jump.rows[0]!.path === pathname
			? undefined
			: { kind: 'redirect', to: jump.rows[0]!.path };
	const title = `No ${product.name} error ${shownTyped(slug)} in this reference`;
	// An address is most often a page's own, mistyped: the pages one typo from it come first, a
	// page whose slug is not its code (`http-run-not-found`) too; else what the slug reads as.
	const near = nearSlugs(slug, product, targets);
	if (near.length) return explain(title, near, JUMP_TITLES.typo, query);
	return explain(
		title,
		jump?.rows.slice(0, MAX_JUMPS) ?? [],
		jump && JUMP_TITLES[jump.kind],
		query
	);
}

/** The product's entries whose page slug `typed` is a typo of, the nearest first. */
function nearSlugs(typed: string, product: DecoderProduct, targets: readonly CodeTarget[]) {
	const key = typed.toLowerCase();
	const limit = maxDistance(key.length);
	const under = `${productPath(product.id).replace(/\/$/, '')}${ENTRY_SEGMENT}`;
	return targets
		.filter((t) => t.path.startsWith(under))
		.map((t) => ({ t, distance: editDistance(key, t.path.slice(under.length, -1), limit) }))
		.filter((x) => x.distance <= limit)
		.sort((a, b) => a.distance - b.distance)
		.slice(0, MAX_JUMPS)
		.map((x) => x.t);
}

function explain(
	title: string,
	rows: NotFoundRow[],
	heading: string | undefined,
	search: string
): NotFoundReading {
	const reading: NotFoundReading = {
		kind: 'explain',
		title,
		tagline: rows.length
			? `Check its spelling against the close ${rows.some((r) => r.code) ? 'codes' : 'products'} below, search for it, or paste the whole error to decode it.`
			: 'Nothing close to it is documented here. Search for it, or paste the whole error to decode it.',
		rows,
		search,
		searchLabel: `Search the reference for “${shownTyped(search)}”`,
	};
	if (rows.length && heading !== undefined) reading.heading = heading;
	return reading;
}

/** A path segment as typed: percent-encoding read, and what is never part of an address's words (a zero-width space) left out. */
function segmentText(segment: string): string {
	try {
		return clean(decodeURIComponent(segment));
	} catch {
		return segment;
	}
}

/** The product whose id `typed` is, in any case, or is a typo of: the nearest, and none when two are as near. */
function productNamed(typed: string, data: DecoderData): DecoderProduct | undefined {
	const key = typed.toLowerCase();
	const limit = maxDistance(key.length);
	const near = data.products
		.map((product) => ({ product, distance: editDistance(key, product.id, limit) }))
		.filter((p) => p.distance <= limit)
		.sort((a, b) => a.distance - b.distance);
	return near.length && near[0]!.distance !== near[1]?.distance ? near[0]!.product : undefined;
}
