/** A product's codes as a dependency-free TypeScript module: /api/<product>/errors.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA, respond, siteOf } from '../../../api/endpoint.ts';
import { typedModule } from '../../../api/module.ts';
import { productById, siteRegistry } from '../../../site/registry.ts';

export const prerender = true;

export const getStaticPaths = (() =>
	siteRegistry().products.map((p) => ({ params: { product: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
	respond(
		typedModule(siteRegistry(), productById(params.product!), siteOf(site)),
		MEDIA.typescript
	);
