/** A product overview's Markdown twin: /<product>.md next to /<product>/. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA, respond, siteOf } from '../api/endpoint.ts';
import { productMarkdown } from '../markdown/render.ts';
import { productById, siteRegistry } from '../site/registry.ts';

export const prerender = true;

export const getStaticPaths = (() =>
	siteRegistry().products.map((p) => ({ params: { product: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
	respond(
		`${productMarkdown(siteRegistry(), productById(params.product!), siteOf(site))}\n`,
		MEDIA.markdown
	);
