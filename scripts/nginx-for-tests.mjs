// Serves dist/ with Debian's nginx and the shipped configuration (deploy/nginx/), on loopback,
// in the foreground, for the browser tests in tests/servers/ (playwright.nginx.config.ts). Only
// the listen address, the root and the snippet path are changed; every header and location rule
// is the shipped one.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const port = process.env.NGINX_PORT ?? '4324';
const dist = resolve(root, process.env.ACADEMY_OUT_DIR ?? 'dist');
const prefix = resolve(root, 'test-results/nginx');
const nginx =
	process.env.NGINX_PATH ?? ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find(existsSync);
if (!nginx) {
	console.error('nginx not found: sudo apt-get install -y nginx (or set NGINX_PATH).');
	process.exit(1);
}
if (!existsSync(`${dist}/index.html`)) {
	console.error(`${dist} has no build: run npm run build first.`);
	process.exit(1);
}
for (const d of ['', 'logs', 'tmp']) mkdirSync(`${prefix}/${d}`, { recursive: true });

const site = readFileSync(`${root}/deploy/nginx/site.conf`, 'utf8')
	.replace(/^\s*listen 80;/m, `\tlisten 127.0.0.1:${port};`)
	.replace(/^\s*server_name .*;/m, '\tserver_name 127.0.0.1;')
	.replace(/^\s*root .*;/m, `\troot ${dist};`)
	.replaceAll(
		'include snippets/security-headers.conf;',
		`include ${root}/deploy/nginx/security-headers.conf;`,
	);

writeFileSync(
	`${prefix}/nginx.conf`,
	`worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${prefix}/tmp/body;
	proxy_temp_path ${prefix}/tmp/proxy;
	fastcgi_temp_path ${prefix}/tmp/fastcgi;
	uwsgi_temp_path ${prefix}/tmp/uwsgi;
	scgi_temp_path ${prefix}/tmp/scgi;
${site}
}
`,
);
// Running as root, nginx's workers would switch to "nobody", who may not be able to read the
// checkout; keep them as the current user.
const globals = process.getuid?.() === 0 ? 'daemon off; user root;' : 'daemon off;';
const args = ['-p', prefix, '-c', `${prefix}/nginx.conf`, '-g', globals];
const child = spawn(nginx, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGQUIT'));
child.on('exit', (code) => process.exit(code ?? 0));
