import type { APIRoute } from 'astro';
import { MEDIA, respond, siteOf } from '../api/endpoint.ts';
import { llmsTxt } from '../markdown/llms.ts';
import { siteRegistry } from '../site/registry.ts';

export const prerender = true;

export const GET: APIRoute = ({ site }) =>
	respond(llmsTxt(siteRegistry(), siteOf(site)), MEDIA.markdown);
