import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** The shipped nginx configuration, tested for real: tests/nginx/ against nginx on loopback. */
const PORT = Number(process.env.NGINX_PORT ?? 4324);

export default defineConfig({
	...base,
	testDir: 'tests/nginx',
	reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e-nginx.json' }]],
	use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}/` },
	webServer: {
		command: 'node scripts/nginx-for-tests.mjs',
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000,
		env: { NGINX_PORT: String(PORT) },
	},
});
