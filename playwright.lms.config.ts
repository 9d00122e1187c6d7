import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './playwright.config.ts';

/**
 * Browser tests of the LMS packages (tests/lms/): each spec packages the built site with
 * `npm run package:lms -- --reuse-dist` and serves the packages, an LMS harness (scorm-again as
 * the SCORM LMS side) and, for cmi5, a strict in-test LRS, from its own local server.
 * tests/lms/xapi-feed.spec.ts tests the optional LRS feed of the site itself (no package): it
 * builds the site with tests/fixtures/config/lrs.yaml into dist-lrs/ and serves it beside a strict
 * LRS on 127.0.0.1:4344 and :4345.
 * Needs a build first (npm run build). Run: npx playwright test -c playwright.lms.config.ts
 */
export default defineConfig({
	testDir: 'tests/lms',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 120_000,
	forbidOnly: !!process.env.CI,
	reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/lms-e2e.json' }]],
	use: { trace: 'retain-on-failure', serviceWorkers: 'block' },
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
			},
		},
	],
});
