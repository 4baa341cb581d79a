import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.ts';

/** The built site is served as a static host would serve it, on its own port, so a running `npm start` is left alone. */
const PORT = Number(process.env.E2E_PORT ?? 4329);
/** The build under test: dist/, or the folder E2E_DIST names (tests/support/dist.ts reads the same one). */
const DIR = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: `node scripts/serve.ts --port ${PORT} --dir ${JSON.stringify(DIR)}`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
