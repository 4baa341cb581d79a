// Expressive Code settings for every code block, the <Code> component's included (it reads only
// this file for settings that are functions).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';

export default defineEcConfig({
	shiki: {
		transformers: [
			{
				// Shiki stops tokenising a line after 500 ms and paints the rest in one colour. On a
				// busy machine a build crosses that limit now and then, so two builds of the same
				// commit differed; without the limit the highlighting never depends on timing.
				name: 'error-atlas:no-tokenize-time-limit',
				preprocess(_code, options) {
					options.tokenizeTimeLimit = 0;
				},
			},
		],
	},
});
