import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA, respond, siteOf } from '../../api/endpoint.ts';
import { productLlmsTxt } from '../../markdown/llms.ts';
import { productById, siteRegistry } from '../../site/registry.ts';

export const prerender = true;

export const getStaticPaths = (() =>
	siteRegistry().products.map((p) => ({ params: { product: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
	respond(
		productLlmsTxt(siteRegistry(), productById(params.product!), siteOf(site)),
		MEDIA.markdown
	);
