/**
 * The Starlight virtual module Search.astro reads, as Starlight's own Search does: the site's
 * `pagefind` options (ranking and the like) from astro.config.ts. Starlight ships no type for it.
 */
declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}
