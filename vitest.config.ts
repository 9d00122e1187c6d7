/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig lets tests import `astro:*` modules; the second argument keeps dev-only
// attributes out of rendered HTML.
export default getViteConfig(
	{
		test: {
			include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
			// Node >= 22 has its own localStorage global, which would shadow jsdom's.
			execArgv: ['--no-experimental-webstorage'],
			testTimeout: 20_000,
			// `npm run test:coverage` only (not part of `npm test`): how much of src/core the unit and
			// component tests run. The thresholds sit a little under today's numbers, so a change that
			// drops coverage noticeably fails; raise them as tests are added.
			coverage: {
				provider: 'v8',
				include: ['src/core/**/*.ts'],
				reporter: ['text-summary', 'text', 'json-summary'],
				reportsDirectory: 'test-results/coverage',
				// Measured 2026-12-07 with tests/core and tests/islands: 91.7% statements, 87.0% branches,
				// 91.0% functions, 92.7% lines.
				thresholds: { statements: 90, branches: 85, functions: 89, lines: 91 },
			},
		},
	},
	{ devToolbar: { enabled: false } },
);
