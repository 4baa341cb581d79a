/**
 * A small static server for the built site, as any static host would serve it: files as they
 * are, `dir/` → `dir/index.html`, `dir` → 301 to `dir/`, unknown paths → 404.html with status 404;
 * and, as Netlify and Cloudflare Pages do, the headers the site's `_headers` file sets (the CSP
 * with frame-ancestors: src/integrations/csp.ts) and the redirects its `_redirects` file lists
 * (src/site/host-redirects.ts), neither of which is served.
 *
 * Two things it does that those hosts' files cannot say, so that an address typed by hand reaches
 * its page in one redirect at most: a short link in any spelling (`/e/Port_In_Use`) redirects to
 * where its code leads (src/site/short-links.ts, with the codes of the build's decoder data), and a
 * path in another case than a file's or folder's (`/Diagnose`) redirects to it.
 * The browser tests use it (astro preview allows only one server per project, and tests must not
 * take over a developer's running `npm start`).
 *
 * Usage: node scripts/serve.ts [--port 4329] [--dir dist]
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { DECODER_DATA_VERSION, type DecoderData } from '../src/decode/data.ts';
import { DECODER_DATA_PATH } from '../src/registry/urls.ts';
import { codeTargets } from '../src/search/code-index.ts';
import { HEADERS_FILE } from '../src/integrations/csp.ts';
import { REDIRECTS_FILE, type Redirect } from '../src/site/host-redirects.ts';
import { shortLinkRedirect, shortLinkTargets } from '../src/site/short-links.ts';
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

/** A `_redirects` rule as Netlify and Cloudflare Pages read it: `from to [status]` (Cloudflare's default status, 302, when none is given). */
export function parseRedirects(text: string): (Redirect & { status: number })[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => {
			const [from = '', to = '', status = '302'] = line.split(/\s+/);
			return { from, to, status: Number(status) };
		});
}

/** The files a host reads for itself, at the root of the site, and never serves. */
const HOST_FILES = [HEADERS_FILE, REDIRECTS_FILE];

const isHostFile = (root: string, file: string) =>
	dirname(file) === root && HOST_FILES.includes(file.slice(root.length + 1));

/** Every code of the build and its page, from its decoder data; none when the build has none (a test fixture). */
function builtCodes(root: string) {
	const file = join(root, DECODER_DATA_PATH);
	if (!existsSync(file)) return [];
	const data = JSON.parse(readFileSync(file, 'utf8')) as DecoderData;
	if (data.v !== DECODER_DATA_VERSION)
		throw new Error(
			`${file} is decoder data of another version of the site: run \`npm run build\` again.`
		);
	return codeTargets(data);
}

/**
 * Each file's and folder's path in lower case → its path (`/diagnose` → `/diagnose/`), for a path
 * typed in another case. A lower-case path two of them share leads nowhere: which was meant is unknown.
 */
function pathsByLowerCase(root: string): Map<string, string | undefined> {
	const index = new Map<string, string | undefined>();
	for (const d of readdirSync(root, { recursive: true, withFileTypes: true })) {
		const file = join(d.parentPath, d.name);
		// Only what is a page: a file, or a folder with its index.html (`/e/` holds only folders).
		const page = d.isFile() || (d.isDirectory() && existsSync(join(file, 'index.html')));
		if (isHostFile(root, file) || !page) continue;
		const path = `/${relative(root, file).split(sep).join('/')}`;
		const key = path.toLowerCase();
		index.set(key, index.has(key) ? undefined : d.isDirectory() ? `${path}/` : path);
	}
	return index;
}

export function serve(dir: string, port: number) {
	const root = resolve(dir);
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error(`${root} has no index.html: run \`npm run build\` first.`);
	}
	const read = (name: string) =>
		existsSync(join(root, name)) ? readFileSync(join(root, name), 'utf8') : '';
	const rules = parseHeaders(read(HEADERS_FILE));
	const redirects = new Map(
		parseRedirects(read(REDIRECTS_FILE))
			.filter((r) => r.status >= 300 && r.status < 400)
			.map((r) => [r.from, r])
	);
	const shortLinks = shortLinkTargets(builtCodes(root));
	const byLowerCase = pathsByLowerCase(root);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const redirect = (location: string, status = 301) =>
			res.writeHead(status, { location: `${location}${url.search}` }).end();
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
		// As on Cloudflare Pages, a rule is followed even where a file exists (the meta-refresh pages).
		const rule = redirects.get(url.pathname);
		if (rule) return redirect(rule.to, rule.status);
		const shortLink = shortLinkRedirect(url.pathname, shortLinks);
		if (shortLink) return redirect(shortLink);
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!url.pathname.endsWith('/')) return redirect(`${url.pathname}/`);
			file = join(file, 'index.html');
		}
		const found = existsSync(file) && statSync(file).isFile() && !isHostFile(root, file);
		if (!found) {
			const elsewhere = byLowerCase.get(path.replace(/\/$/, '').toLowerCase());
			if (elsewhere) return redirect(elsewhere);
		}
		const served = found ? file : join(root, '404.html');
		// A build with no 404 page (or one being rebuilt): a plain answer, not a crash.
		if (!found && !existsSync(served)) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404: no page here.');
			return;
		}
		res.writeHead(found ? 200 : 404, {
			...Object.fromEntries(headersFor(rules, url.pathname)),
			'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
		});
		// A file gone since it was found (a rebuild under way) ends the answer, not the server.
		createReadStream(served)
			.on('error', () => res.destroy())
			.pipe(res);
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
