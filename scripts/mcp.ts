/**
 * mcp: the Error Atlas MCP server, on standard input and output, for agents (Claude Code, Cursor,
 * VS Code…). It reads the registry once and answers with the same cards as the decoder page and
 * `explain`; links use SITE_URL. The README says how to add it to a client.
 *
 *   npm run --silent mcp
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry, PROJECT_ROOT } from '../src/registry/load.ts';
import { DEFAULT_SITE_URL } from '../src/registry/urls.ts';
import { RegistryError } from '../src/registry/validation.ts';
import { siteUrl, SiteUrlError } from '../src/site/origin.ts';
import { atlasServer, MAX_MESSAGE_BYTES, tooLarge } from '../src/mcp/server.ts';
import { BoundedStdioTransport } from '../src/mcp/stdio.ts';
import { catalog } from '../src/mcp/tools.ts';
import { commandLine } from './cli.ts';

const USAGE = `Usage: npm run --silent mcp

Starts the Error Atlas MCP server on standard input and output (a client starts it; it
prints nothing else to standard output). Tools: explain_error (decode a pasted error),
get_error (an entry as Markdown), search_errors (codes for a query), list_products.
Run it from the project folder; the README shows each client's configuration.

Environment: SITE_URL sets the links' origin, http(s) only (default ${DEFAULT_SITE_URL}).`;

function main(): void {
	commandLine('mcp', USAGE, {});
	const site = siteUrl().href;
	const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		version: string;
	};
	const server = atlasServer(catalog(loadRegistry(), site), version);
	const transport = new BoundedStdioTransport({ maxMessageBytes: MAX_MESSAGE_BYTES, tooLarge });
	// Standard output is the protocol's: what goes wrong is said on standard error, one line each.
	transport.onerror = (error) => console.error(`mcp: ${error.message.split('\n')[0]}`);
	void server.connect(transport);
}

if (import.meta.main) {
	try {
		main();
	} catch (error) {
		if (error instanceof RegistryError || error instanceof SiteUrlError)
			console.error(`mcp: ${error.message}`);
		else
			console.error(
				`mcp: unexpected failure — ${error instanceof Error ? error.stack : String(error)}`
			);
		process.exitCode = 2;
	}
}
