/**
 * A small static server for the built site, as any static host would serve it: files as they
 * are, `dir/` → `dir/index.html`, `dir` → 301 to `dir/`, unknown paths → 404.html with status 404;
 * and, as Netlify and Cloudflare Pages do, the headers the site's `_headers` file sets (the CSP
 * with frame-ancestors: src/integrations/csp.ts), which is itself not served.
 * The browser tests use it (astro preview allows only one server per project, and tests must not
 * take over a developer's running `npm start`).
 *
 * Usage: node scripts/serve.ts [--port 4329] [--dir dist]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { commandLine, refuse } from './cli.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.ts': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.xml': 'application/xml; charset=utf-8',
	'.wasm': 'application/wasm',
	'.webmanifest': 'application/manifest+json',
};

/** A `_headers` rule: the paths it applies to (`*` matches anything) and the headers it sets. */
export interface HeaderRule {
	pattern: string;
	headers: [name: string, value: string][];
}

/** The rules of a `_headers` file, in the syntax Netlify and Cloudflare Pages share: a path, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
		else {
			const at = line.indexOf(':');
			rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
		}
	}
	return rules;
}

/** The headers the rules set for a request path. */
export function headersFor(rules: readonly HeaderRule[], path: string): [string, string][] {
	const matches = (pattern: string) =>
		new RegExp(
			`^${pattern
				.split('*')
				.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*')}$`
		).test(path);
	return rules.filter((r) => matches(r.pattern)).flatMap((r) => r.headers);
}

export const HEADERS_FILE = '_headers';

export function serve(dir: string, port: number) {
	const root = resolve(dir);
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error(`${root} has no index.html: run \`npm run build\` first.`);
	}
	const rules = existsSync(join(root, HEADERS_FILE))
		? parseHeaders(readFileSync(join(root, HEADERS_FILE), 'utf8'))
		: [];
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path: string;
		try {
			path = normalize(decodeURIComponent(url.pathname));
		} catch {
			res.writeHead(400).end('Bad request: the path is not valid percent-encoding.');
			return;
		}
		let file = join(root, path);
		if (!file.startsWith(root)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!url.pathname.endsWith('/')) {
				res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		const found = existsSync(file) && statSync(file).isFile() && file !== join(root, HEADERS_FILE);
		const served = found ? file : join(root, '404.html');
		res.writeHead(found ? 200 : 404, {
			...Object.fromEntries(headersFor(rules, url.pathname)),
			'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
		});
		createReadStream(served).pipe(res);
	});
	return new Promise<typeof server>((ok) => server.listen(port, 'localhost', () => ok(server)));
}

const USAGE = `Usage: node scripts/serve.ts [--port 4329] [--dir dist]

Serves a built site as a static host would: for the browser tests (npm run test:e2e starts it) and npm start.`;

if (import.meta.main) {
	const { values } = commandLine('serve', USAGE, {
		port: { type: 'string', default: '4329' },
		dir: { type: 'string', default: 'dist' },
	});
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		refuse('serve', USAGE, `--port ${values.port} is not a port number`);
	try {
		await serve(values.dir!, port);
		console.log(`serving ${values.dir} on http://localhost:${values.port}/`);
	} catch (error) {
		console.error(`serve: ${(error as Error).message}`);
		process.exit(1);
	}
}
