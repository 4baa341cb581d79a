/**
 * Starlight route middleware: Starlight gives every sidebar link a trailing slash, also after an
 * anchor (`/assetcore/#container` → `/assetcore/#container/`), and no element has that id. The
 * sidebar links to categories on the overviews, so this puts the anchors back as they were made.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';

type SidebarEntry = StarlightRouteData['sidebar'][number];

function fixAnchors(entries: SidebarEntry[]): void {
	for (const entry of entries) {
		if (entry.type === 'group') fixAnchors(entry.entries);
		else if (entry.href.includes('#')) entry.href = entry.href.replace(/\/$/, '');
	}
}

export const onRequest = defineRouteMiddleware((context) => {
	fixAnchors(context.locals.starlightRoute.sidebar);
});
