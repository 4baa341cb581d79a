/**
 * The sidebar: products and their categories, never one link per code, so that a page's HTML
 * does not grow with the number of codes (the sidebar is repeated in every page).
 */
import type { Registry } from '../registry/model.ts';
import { entriesByCategory } from '../registry/model.ts';
import { anchorPath, DIAGNOSE_PATH } from '../registry/urls.ts';

interface SidebarLink {
	label: string;
	link: string;
}
interface SidebarGroup {
	label: string;
	collapsed?: boolean;
	items: (SidebarLink | SidebarGroup)[];
}

export function sidebar(registry: Registry): (SidebarLink | SidebarGroup)[] {
	return [
		{ label: 'Diagnose an error', link: DIAGNOSE_PATH },
		...registry.products.map((product) => ({
			label: product.name,
			items: [
				{ label: 'Overview', link: product.path },
				...entriesByCategory(product).map((group) => ({
					label: `${group.name} (${group.entries.length})`,
					link: anchorPath(product.path, group.id),
				})),
			],
		})),
	];
}
