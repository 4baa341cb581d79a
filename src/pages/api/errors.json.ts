import type { APIRoute } from 'astro';
import { apiErrorsFile } from '../../api/document.ts';
import { jsonText } from '../../registry/json-schema.ts';
import { MEDIA, respond, siteOf } from '../../api/endpoint.ts';
import { siteRegistry } from '../../site/registry.ts';

export const prerender = true;

export const GET: APIRoute = ({ site }) =>
	respond(jsonText(apiErrorsFile(siteRegistry(), siteOf(site))), MEDIA.json);
