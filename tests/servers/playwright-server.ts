import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

/** The servers whose shipped configuration (deploy/) is tested for real, and how each is started. */
const SERVERS = {
	nginx: { port: 4324, portVar: 'NGINX_PORT', script: 'scripts/nginx-for-tests.mjs' },
	apache: { port: 4341, portVar: 'APACHE_PORT', script: 'scripts/apache-for-tests.mjs' },
	caddy: { port: 4342, portVar: 'CADDY_PORT', script: 'scripts/caddy-for-tests.mjs' },
} as const;

/**
 * A Playwright config that serves the build (dist/) with one server and its shipped
 * configuration on loopback, and runs that server's thin spec (tests/servers/<server>.spec.ts,
 * which calls the shared checks in checks.ts). The port can be moved with NGINX_PORT,
 * APACHE_PORT or CADDY_PORT.
 */
export function serverTestConfig(server: keyof typeof SERVERS) {
	const { port: defaultPort, portVar, script } = SERVERS[server];
	const port = Number(process.env[portVar] ?? defaultPort);
	return defineConfig({
		...base,
		testDir: 'tests/servers',
		testMatch: `${server}.spec.ts`,
		reporter: [
			['list'],
			['json', { outputFile: process.env.E2E_REPORT ?? `test-results/e2e-${server}.json` }],
		],
		use: { ...base.use, baseURL: `http://127.0.0.1:${port}/` },
		webServer: {
			command: `node ${script}`,
			url: `http://127.0.0.1:${port}/`,
			reuseExistingServer: false,
			timeout: 30_000,
			env: { [portVar]: String(port) },
		},
	});
}
