import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the production build (`astro preview` over dist/), in the system's
 * Chromium: Playwright's own browser download is never used. Set CHROMIUM_PATH to use another
 * Chromium or Chrome binary.
 */
export const chromiumPath =
	process.env.CHROMIUM_PATH ??
	['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p)) ??
	'/usr/bin/chromium';

/** Flags for the system Chromium on a CI machine: no sandbox, GPU, background traffic or first-run screens. */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

const PORT = Number(process.env.E2E_PORT ?? 4322);
/** The base path of the build under test (the base-path run sets it, e.g. "/training/"). */
const BASE = process.env.E2E_BASE_PATH ?? '/';

export default defineConfig({
	testDir: 'tests/e2e',
	// Under a base path the suite runs again to prove that links, search, assets, quizzes, labs,
	// certificates and the team tools follow the path. Specs whose subject does not depend on the
	// path run once, on the root build: hostile inputs (data, not URLs), byte budgets (the same
	// files), and the question-kind, feedback and item-statistics checks.
	testIgnore:
		BASE === '/'
			? []
			: [
					'**/hostile.spec.ts',
					'**/weight.spec.ts',
					'**/new-kinds.spec.ts',
					'**/assessment-feedback.spec.ts',
					'**/item-stats.spec.ts',
				],
	// Two shared cores run the build, the preview server and Chromium at once: give assertions and
	// tests room, so that a slow moment is not reported as a broken page.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}${BASE}`,
		trace: 'retain-on-failure',
		// The service worker would precache the whole site in every test; tests/e2e/offline.spec.ts allows it.
		serviceWorkers: 'block',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromiumPath,
					args: chromiumArgs,
				},
			},
		},
	],
	webServer: {
		command: `astro preview --host 127.0.0.1 --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}${BASE}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
