/**
 * `astro dev` integration: regenerates the pages whenever a registry file is saved, so an edit
 * to content/registry/*.yaml shows up in the browser without a restart. A registry that fails
 * validation is reported in the terminal and the previous pages stay in place.
 */
import type { AstroIntegration } from 'astro';
import { main as generate } from '../../scripts/generate.ts';
import { registryDir } from '../registry/load.ts';

export function registryWatch(): AstroIntegration {
	return {
		name: 'error-atlas:registry-watch',
		hooks: {
			'astro:server:setup': ({ server, logger }) => {
				const dir = registryDir();
				server.watcher.add(dir);
				const onChange = (file: string) => {
					if (!file.startsWith(dir) || !/\.ya?ml$/.test(file)) return;
					logger.info(`registry changed (${file.slice(dir.length + 1)}): regenerating`);
					if (!generate(true)) return;
					// Astro keeps each route's getStaticPaths in dev, and the code pages' route lists the
					// registry's entries: a new code would 404 until a restart. Astro empties that cache
					// on this event (its own, sent when content changes).
					for (const [name, environment] of Object.entries(server.environments)) {
						if (name !== 'client') environment.hot.send('astro:content-changed', {});
					}
					server.ws.send({ type: 'full-reload' });
				};
				server.watcher.on('change', onChange);
				server.watcher.on('add', onChange);
				server.watcher.on('unlink', onChange);
			},
		},
	};
}
