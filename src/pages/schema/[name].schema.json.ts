/** The JSON Schemas: /schema/registry.schema.json (the registry files) and the API files'. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA, respond } from '../../api/endpoint.ts';
import { SCHEMAS, type SchemaName } from '../../api/schema.ts';

export const prerender = true;

export const getStaticPaths = (() =>
	Object.keys(SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	respond(SCHEMAS[params.name as SchemaName].json(), MEDIA.schema);
