import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { csp, cspPlacement } from './src/integrations/csp.ts';
import { linkValidation } from './src/integrations/links.ts';
import { redirectsForHosts } from './src/integrations/redirects.ts';
import { registryWatch } from './src/integrations/registry-watch.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from './src/meta.ts';
import { loadRegistry } from './src/registry/load.ts';
import { sidebar } from './src/site/navigation.ts';
import { entryRedirects } from './src/site/published.ts';
import { shortLinkSegment } from './src/registry/urls.ts';
import { siteUrl, SiteUrlError } from './src/site/origin.ts';

/** SITE_URL, refused in one line before the build touches dist/ (Astro would print a stack trace, after emptying it). */
function site(): string {
	try {
		return siteUrl().origin;
	} catch (error) {
		if (!(error instanceof SiteUrlError)) throw error;
		console.error(error.message);
		process.exit(1);
	}
}

const registry = loadRegistry();

export default defineConfig({
	site: site(),
	trailingSlash: 'always',
	// A renamed entry's old URLs (its `formerSlugs`) redirect to its page: published URLs never break.
	redirects: entryRedirects(registry),
	// A strict Content Security Policy in every page: see src/integrations/csp.ts.
	security: { csp: csp() },
	// Code blocks are highlighted by Starlight's Expressive Code (ec.config.mjs). Astro's own Shiki
	// highlighter, on by default, never runs here (the build is the same byte for byte without it),
	// and under a CSP Astro warns that it writes inline styles: so it is off, and the warning gone.
	markdown: { syntaxHighlight: false },
	// Stylesheets are always files, allowed as 'self': Astro's CSP does not hash the styles it would
	// inline for the components inside Markdown pages, and the browser would block them.
	build: { inlineStylesheets: 'never' },
	// Rolldown warns once per MDX page that Astro's own "use astro:head-inject" directive may not be
	// preserved (Astro handles it): one copy per overview and hand-written page, burying any warning
	// that matters (5,000 copies when code pages were MDX).
	vite: {
		build: {
			rolldownOptions: {
				onwarn: (warning, warn) =>
					warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')
						? undefined
						: warn(warning),
			},
		},
	},
	integrations: [
		starlight({
			title: SITE_TITLE,
			description: SITE_DESCRIPTION,
			sidebar: sidebar(registry),
			customCss: ['./src/styles/atlas.css'],
			lastUpdated: false,
			pagination: false,
			plugins: [...linkValidation()],
			routeMiddleware: [
				'./src/integrations/sidebar-anchors.ts',
				'./src/integrations/sidebar-focus.ts',
			],
			components: {
				Head: './src/components/Head.astro',
				PageTitle: './src/components/PageTitle.astro',
				Search: './src/components/Search.astro',
			},
		}),
		// Starlight adds the sitemap itself unless it is here; here, short links (redirects and choosers) stay out of it.
		sitemap({ filter: (page) => shortLinkSegment(new URL(page).pathname) === undefined }),
		mdx(),
		registryWatch(),
		// After the pages are written: the policy first in every <head>, the redirect pages too, and _headers.
		cspPlacement(),
		// And _redirects beside _headers: short links and renamed pages as real redirects on static hosts.
		redirectsForHosts(registry),
	],
});
