import type { APIRoute, GetStaticPaths } from 'astro';
import { apiEntryFile } from '../../../api/document.ts';
import { jsonText } from '../../../registry/json-schema.ts';
import { MEDIA, respond, siteOf } from '../../../api/endpoint.ts';
import { allEntries } from '../../../registry/model.ts';
import { entryBySlug, siteRegistry } from '../../../site/registry.ts';

export const prerender = true;

export const getStaticPaths = (() =>
	allEntries(siteRegistry()).map((e) => ({
		params: { product: e.product, slug: e.slug },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
	const { product, entry } = entryBySlug(params.product!, params.slug!);
	return respond(jsonText(apiEntryFile(product, entry, siteOf(site))), MEDIA.json);
};
