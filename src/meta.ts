/**
 * What the site calls itself: Starlight's title and description (astro.config.ts), and the H1
 * and summary of the llms.txt files.
 */
export const SITE_TITLE = 'Error Atlas';

export const SITE_DESCRIPTION =
	'Every named error of every product: what triggers it, what to do, and a decoder for whatever you paste.';
