/**
 * `/search/data.json` (DECODER_DATA_PATH): the decoder data (src/decode/data.ts). The search dialog fetches it when
 * it first opens, so pages do not each carry every code: it lists the codes for the direct jump
 * and holds the templates that decode a message typed into the search field.
 */
import type { APIRoute } from 'astro';
import { MEDIA, respond } from '../../api/endpoint.ts';
import { toDecoderData } from '../../decode/index.ts';
import { siteRegistry } from '../../site/registry.ts';

export const prerender = true;

export const GET: APIRoute = () =>
	respond(JSON.stringify(toDecoderData(siteRegistry())), MEDIA.json);
