import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './playwright.config.ts';

/**
 * Browser tests of the LMS packages (tests/lms/): each spec packages the built site with
 * `npm run package:lms -- --reuse-dist` and serves the packages, an LMS harness (scorm-again as
 * the SCORM LMS side) and, for cmi5, a strict in-test LRS, from its own local server.
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
