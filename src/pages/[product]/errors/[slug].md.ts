/** An entry's Markdown twin: /<product>/errors/<slug>.md next to /<product>/errors/<slug>/. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA, respond, siteOf } from '../../../api/endpoint.ts';
import { entryMarkdown } from '../../../markdown/render.ts';
import { allEntries } from '../../../registry/model.ts';
import { entryBySlug, siteRegistry } from '../../../site/registry.ts';

export const prerender = true;

export const getStaticPaths = (() =>
	allEntries(siteRegistry()).map((e) => ({
		params: { product: e.product, slug: e.slug },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
	const { product, entry } = entryBySlug(params.product!, params.slug!);
	return respond(
		`${entryMarkdown(siteRegistry(), product, entry, siteOf(site))}\n`,
		MEDIA.markdown
	);
};
