/**
 * After the build: `_redirects`, the redirect rules Netlify and Cloudflare Pages read, next to the
 * `_headers` file (src/integrations/csp.ts). What goes in it and why: src/site/host-redirects.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Registry } from '../registry/model.ts';
import {
	hostRedirects,
	REDIRECTS_FILE,
	redirectsFile,
	STATIC_RULE_LIMIT,
} from '../site/host-redirects.ts';

export function redirectsForHosts(registry: Registry): AstroIntegration {
	return {
		name: 'atlas:host-redirects',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const { text, written, left } = redirectsFile(hostRedirects(registry));
				writeFileSync(join(fileURLToPath(dir), REDIRECTS_FILE), text);
				if (left === 0) logger.info(`${REDIRECTS_FILE}: ${written} redirect rules`);
				else
					logger.warn(
						`${REDIRECTS_FILE}: ${written} redirect rules; ${left} more are left out, past the ${STATIC_RULE_LIMIT} Cloudflare Pages reads (least-typed spellings first). On a host, those short links reach the 404 page, whose script sends a known code on.`
					);
			},
		},
	};
}
