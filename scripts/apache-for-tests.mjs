// Serves dist/ with Debian's apache2 and the shipped configuration (deploy/apache/), on loopback,
// in the foreground, for the browser tests in tests/servers/ (playwright.apache.config.ts).
// The document root is a folder of links to dist/'s entries plus a link to the shipped
// .htaccess, so neither the build nor the .htaccess is copied or changed; the generated
// httpd.conf (scripts/lib/loopback-servers.mjs) only loads modules, listens on loopback, allows
// the .htaccess (AllowOverride All) and includes deploy/apache/server.conf.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apacheConfForLoopback } from './lib/loopback-servers.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const port = process.env.APACHE_PORT ?? '4341';
const dist = resolve(root, process.env.ACADEMY_OUT_DIR ?? 'dist');
const prefix = resolve(root, 'test-results/apache');
const apache =
	process.env.APACHE_PATH ??
	['/usr/sbin/apache2', '/usr/sbin/httpd', '/usr/local/sbin/httpd'].find(existsSync);
if (!apache) {
	console.error('apache2 not found: sudo apt-get install -y apache2 (or set APACHE_PATH).');
	process.exit(1);
}
if (!existsSync(`${dist}/index.html`)) {
	console.error(`${dist} has no build: run npm run build first.`);
	process.exit(1);
}

const docRoot = `${prefix}/root`;
rmSync(docRoot, { recursive: true, force: true });
for (const d of ['root', 'logs', 'run']) mkdirSync(`${prefix}/${d}`, { recursive: true });
for (const entry of readdirSync(dist)) symlinkSync(`${dist}/${entry}`, `${docRoot}/${entry}`);
symlinkSync(`${root}/deploy/apache/.htaccess`, `${docRoot}/.htaccess`);

writeFileSync(
	`${prefix}/httpd.conf`,
	apacheConfForLoopback({
		port,
		docRoot,
		prefix,
		serverConf: `${root}/deploy/apache/server.conf`,
		modules: process.env.APACHE_MODULES ?? '/usr/lib/apache2/modules',
		runAsRoot: process.getuid?.() === 0,
	}),
);
const child = spawn(apache, ['-f', `${prefix}/httpd.conf`, '-DFOREGROUND'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
child.on('error', (e) => {
	console.error(
		`Could not start ${apache} (${e.message}): check APACHE_PATH, or sudo apt-get install -y apache2.`,
	);
	process.exit(1);
});
