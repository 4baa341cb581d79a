/**
 * The MCP server: the tools an agent sees, each with a description and an input schema it can
 * follow without reading our docs, answered by tools.ts. Input the schema refuses (a wrong type,
 * an unknown product) and input tools.ts refuses (empty text) come back as tool errors, one line
 * each; a request too large to read is answered by the transport (stdio.ts), never parsed.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { LIMITS } from '../decode/index.ts';
import type { Envelope } from './envelope.ts';
import {
	explainError,
	getError,
	listProducts,
	MAX_SEARCH_LIMIT,
	productIds,
	searchErrors,
	SEARCH_LIMIT,
	ToolInputError,
	unknownProduct,
	type Answer,
	type Catalog,
} from './tools.ts';

const SERVER_NAME = 'error-atlas';

/** Said of a `limit` that is not one search_errors takes. */
const LIMIT_ERROR = `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`;

/**
 * The largest request read: a paste the decoder reads whole (LIMITS.maxInputChars characters)
 * fits with room for JSON escapes; a longer paste is read as the decoder reads one, its start and
 * its end. Past this, the request is answered with an error and not read.
 */
export const MAX_MESSAGE_BYTES = 8 * LIMITS.maxInputChars;

const MiB = 1024 * 1024;

/** The answer to a request over MAX_MESSAGE_BYTES. */
export function tooLarge(bytes: number, { tool }: Envelope): string {
	return `${tool ? `${tool}: ` : ''}the request is ${(bytes / 1e6).toFixed(1)} MB, over the ${MAX_MESSAGE_BYTES / MiB} MiB this server reads — send the part of the text with the error in it, such as a log's last lines.`;
}

function answer<T>({ text, data }: Answer<T>): CallToolResult {
	return { content: [{ type: 'text', text }], structuredContent: data as Record<string, unknown> };
}

/** Runs a tool; input it refuses is a tool error with its message, not a protocol error. */
function run<T>(tool: () => Answer<T>): CallToolResult {
	try {
		return answer(tool());
	} catch (error) {
		if (!(error instanceof ToolInputError)) throw error;
		return { content: [{ type: 'text', text: error.message }], isError: true };
	}
}

export function atlasServer(c: Catalog, version: string): McpServer {
	const server = new McpServer(
		{ name: SERVER_NAME, version },
		{
			instructions:
				'Error Atlas: the reference of every named error of ' +
				c.registry.products.map((p) => p.name).join(', ') +
				'. Give explain_error whatever a failing command printed; get_error a code; search_errors words; list_products lists the products.',
		}
	);
	const ids = productIds(c);
	const productSchema = z
		.enum(ids, { error: (issue) => unknownProduct(c, issue.input) })
		.optional()
		.describe(`The product's id: one of ${ids.join(', ')}.`);
	const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

	server.registerTool(
		'explain_error',
		{
			title: 'Explain an error',
			description:
				'Decodes whatever a failing command, API or log printed — a CLI message, a JSON error body, a log excerpt, a stack trace, a docs URL or a bare code — into the matching Error Atlas entries: the message with the values read from it, the facts (HTTP status, retryable, details fields), what to do, the cause chain, and links to the page and its Markdown. When nothing matches, the closest codes. Pass the text as it was printed; the status line says how many errors it holds.',
			inputSchema: {
				text: z
					.string({ error: 'text must be a string: the error as it was printed.' })
					.describe(
						`The error as printed. Longer than ${LIMITS.maxInputChars.toLocaleString('en')} characters, its start and end are read.`
					),
			},
			annotations: readOnly,
		},
		({ text }) => run(() => explainError(c, text))
	);

	server.registerTool(
		'get_error',
		{
			title: 'Get an error entry',
			description:
				'One Error Atlas entry as Markdown (its page says the same): message, when it happens, what to do, HTTP status, details fields, examples, related codes, with links. The code may be written in any case or with spaces or hyphens. Where several products use the code, every one is returned unless product is given.',
			inputSchema: {
				code: z
					.string({ error: 'code must be a string, such as PORT_IN_USE.' })
					.min(1, { error: 'code is empty — pass an error code, such as PORT_IN_USE.' })
					.describe('The error code, such as PORT_IN_USE.'),
				product: productSchema,
			},
			annotations: readOnly,
		},
		({ code, product }) => run(() => getError(c, code, product))
	);

	server.registerTool(
		'search_errors',
		{
			title: 'Search error codes',
			description:
				"Finds Error Atlas codes the way the site's search does: the exact code in any spelling, codes that begin with it, the entry a message (with its values) reads as, or the closest codes. Returns the codes with a one-line summary and links, best first.",
			inputSchema: {
				query: z
					.string({ error: 'query must be a string: a code or words of a message.' })
					.describe('A code (any spelling, or its first words) or words of an error message.'),
				product: productSchema,
				limit: z
					.number({ error: LIMIT_ERROR })
					.int({ error: LIMIT_ERROR })
					.min(1, { error: LIMIT_ERROR })
					.max(MAX_SEARCH_LIMIT, { error: LIMIT_ERROR })
					.optional()
					.describe(`How many codes at most (default ${SEARCH_LIMIT}).`),
			},
			annotations: readOnly,
		},
		({ query, product, limit }) => run(() => searchErrors(c, query, product, limit))
	);

	server.registerTool(
		'list_products',
		{
			title: 'List products',
			description:
				'The products Error Atlas documents: each with its id (the product argument of the other tools), how many errors it has, its categories with their counts, and links to its overview, its Markdown and its llms.txt.',
			inputSchema: {},
			annotations: readOnly,
		},
		() => run(() => listProducts(c))
	);
	return server;
}
