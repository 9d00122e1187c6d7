// Serves dist/ with Debian's caddy and the shipped deploy/caddy/Caddyfile, on loopback, in the
// foreground, for the browser tests in tests/servers/ (playwright.caddy.config.ts). Only the site
// address and the root are replaced, and a global block turns the admin endpoint and automatic
// HTTPS off (scripts/lib/loopback-servers.mjs; tests/scripts/loopback-servers.test.ts checks that
// nothing else changes).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { caddyfileForLoopback } from './lib/loopback-servers.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const port = process.env.CADDY_PORT ?? '4342';
const dist = resolve(root, process.env.ACADEMY_OUT_DIR ?? 'dist');
const prefix = resolve(root, 'test-results/caddy');
const caddy = process.env.CADDY_PATH ?? ['/usr/bin/caddy', '/usr/local/bin/caddy'].find(existsSync);
if (!caddy) {
	console.error('caddy not found: sudo apt-get install -y caddy (or set CADDY_PATH).');
	process.exit(1);
}
if (!existsSync(`${dist}/index.html`)) {
	console.error(`${dist} has no build: run npm run build first.`);
	process.exit(1);
}
mkdirSync(prefix, { recursive: true });
const config = `${prefix}/Caddyfile`;
writeFileSync(
	config,
	caddyfileForLoopback(readFileSync(`${root}/deploy/caddy/Caddyfile`, 'utf8'), { port, root: dist }),
);
// Caddy keeps its data (certificates, autosave) under HOME / XDG folders: keep them in test-results.
const env = {
	...process.env,
	HOME: prefix,
	XDG_DATA_HOME: `${prefix}/data`,
	XDG_CONFIG_HOME: `${prefix}/config`,
};
const child = spawn(caddy, ['run', '--config', config, '--adapter', 'caddyfile'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
child.on('error', (e) => {
	console.error(
		`Could not start ${caddy} (${e.message}): check CADDY_PATH, or sudo apt-get install -y caddy.`,
	);
	process.exit(1);
});
