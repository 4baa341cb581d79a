/**
 * What the reference calls an entry's facts and its advice, and how it says a yes-or-no fact,
 * wherever more than one surface says it: the decoder's card (and so the island, the CLI and the
 * MCP server), the entry's page and its Markdown twin, and the overview's filter. A label only one
 * of them writes (the card's "Retry after") stays where it is written.
 */

/** The facts a reader can filter by or is shown on a card. */
export const FACT_LABELS = {
	status: 'HTTP status',
	retryable: 'Retryable',
	category: 'Category',
} as const;

/** The advice an entry gives: a card's advice and the page's sections of the same name. */
export const ADVICE_LABELS = {
	fix: 'What to do',
	when: 'When it happens',
	description: 'What it means',
} as const;

/** A yes-or-no fact as every surface writes it. */
export function yesNo(value: boolean): 'yes' | 'no' {
	return value ? 'yes' : 'no';
}
