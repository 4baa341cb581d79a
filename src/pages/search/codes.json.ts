/**
 * `/search/codes.json`: every code with its product, category, page and summary. The search
 * dialog fetches it when opened (so pages do not each carry every code) to offer a direct jump.
 */
import type { APIRoute } from 'astro';
import { siteRegistry } from '../../registry/site.ts';
import { codeTargets } from '../../search/code-index.ts';

export const GET: APIRoute = () =>
	new Response(JSON.stringify(codeTargets(siteRegistry())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
