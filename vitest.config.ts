/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig lets tests import `astro:*` modules; the second argument keeps dev-only
// attributes out of rendered HTML.
export default getViteConfig(
	{
		test: {
			include: ['tests/**/*.test.ts'],
			// Node >= 22 has its own localStorage global, which would shadow jsdom's.
			execArgv: ['--no-experimental-webstorage'],
			testTimeout: 20_000,
		},
	},
	{ devToolbar: { enabled: false } },
);
