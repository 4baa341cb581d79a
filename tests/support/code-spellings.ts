/** How people type a code they remember, for the tests of every surface that reads one. */

/** `PORT_IN_USE` → `Port_In_Use`. */
export const titleCase = (code: string) =>
	code
		.split('_')
		.map((w) => w[0] + w.slice(1).toLowerCase())
		.join('_');
