/**
 * Link checking at build time: starlight-links-validator fails the build on a link in the
 * Markdown/MDX pages (and their frontmatter: hero actions, prev/next) that goes nowhere.
 *
 * The plugin reads Markdown only, so two kinds of target are left to the check of the built site
 * (tests/e2e/links.spec.ts), which sees every rendered page and every id on it:
 * - anchors: most of ours are rendered by components (`/<product>/#<CODE>`, the search in the
 *   header), which the plugin cannot see and would report as invalid;
 * - pages that src/pages renders (llms.txt, JSON, short links…): the plugin knows they exist but not
 *   what is in them, and reports every link to them as an error.
 */
import type { StarlightPlugin } from '@astrojs/starlight/types';
import starlightLinksValidator from 'starlight-links-validator';

export function linkValidation(): StarlightPlugin[] {
	/** The routes of src/pages, known once Astro has resolved them (before any link is checked). */
	let customRoutes: RegExp[] = [];
	const routes: StarlightPlugin = {
		name: 'error-atlas:custom-routes',
		hooks: {
			'config:setup'({ addIntegration }) {
				addIntegration({
					name: 'error-atlas:custom-routes',
					hooks: {
						'astro:routes:resolved': ({ routes: all }) => {
							customRoutes = all.filter((r) => r.origin === 'project').map((r) => r.patternRegex);
						},
					},
				});
			},
		},
	};
	const isCustomPage = (link: string) => {
		const path = link.split(/[?#]/)[0] ?? '';
		return path.startsWith('/') && customRoutes.some((re) => re.test(path));
	};
	return [
		routes,
		starlightLinksValidator({
			errorOnInvalidHashes: false,
			exclude: ({ link }) => isCustomPage(link),
		}),
	];
}
