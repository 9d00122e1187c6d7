/**
 * The loopback test servers serve the shipped files: the Caddyfile under test differs from
 * deploy/caddy/Caddyfile only in its site address, its root and a leading global block, and the
 * generated httpd.conf allows the shipped .htaccess and includes the shipped server.conf.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apacheConfForLoopback, caddyfileForLoopback } from '../../scripts/lib/loopback-servers.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const SHIPPED = readFileSync(`${ROOT}deploy/caddy/Caddyfile`, 'utf8');

describe('caddyfileForLoopback', () => {
	const out = caddyfileForLoopback(SHIPPED, { port: 4342, root: '/tmp/a "quoted" dist' });
	const [globals, site] = [
		out.slice(0, out.indexOf(SHIPPED.split('\n')[0] as string)),
		out.slice(out.indexOf(SHIPPED.split('\n')[0] as string)),
	];

	it('puts a global block first that turns off the admin endpoint and automatic HTTPS, on loopback only', () => {
		expect(globals).toMatch(/^# .*\n\{\n\tadmin off\n\tauto_https off\n\tdefault_bind 127\.0\.0\.1\n\}\n\n$/);
	});

	it('changes only the site address and the root of the shipped file', () => {
		const before = SHIPPED.split('\n');
		const after = site.split('\n');
		expect(after).toHaveLength(before.length);
		const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
		expect(changed).toEqual([
			['training.example.org {', 'http://127.0.0.1:4342 {'],
			['\troot * /var/www/secure-ai-academy', '\troot * "/tmp/a \\"quoted\\" dist"'],
		]);
	});

	it('refuses a Caddyfile whose address or root line is missing or doubled, naming the file', () => {
		expect(() =>
			caddyfileForLoopback(SHIPPED.replace('training.example.org {', 'example.com {'), {
				port: 1,
				root: '/x',
			}),
		).toThrow(/deploy\/caddy\/Caddyfile: expected exactly one site address line .* found 0/);
		expect(() =>
			caddyfileForLoopback(`${SHIPPED}\ntraining.example.org {\n}\n`, { port: 1, root: '/x' }),
		).toThrow(/found 2/);
		expect(() =>
			caddyfileForLoopback(SHIPPED.replace('root * /var/www/secure-ai-academy', 'root * /srv'), {
				port: 1,
				root: '/x',
			}),
		).toThrow(/expected exactly one root line/);
	});

	it('refuses a port that is not a number', () => {
		expect(() => caddyfileForLoopback(SHIPPED, { port: '80 {\n}', root: '/x' })).toThrow(
			/port must be a number/,
		);
	});
});

describe('apacheConfForLoopback', () => {
	const conf = apacheConfForLoopback({
		port: 4341,
		docRoot: '/tmp/root',
		prefix: '/tmp/apache',
		serverConf: '/repo/deploy/apache/server.conf',
	});

	it('listens on loopback only, allows the .htaccess in the document root and includes the shipped server.conf', () => {
		expect(conf).toMatch(/^Listen 127\.0\.0\.1:4341$/m);
		expect(conf).not.toMatch(/^Listen (?!127\.0\.0\.1:)/m);
		expect(conf).toContain('<Directory "/tmp/root">\n\tOptions FollowSymLinks\n\tAllowOverride All\n');
		expect(conf).toMatch(/^Include "\/repo\/deploy\/apache\/server\.conf"$/m);
		expect(conf).toMatch(/^LoadModule headers_module .*mod_headers\.so"$/m);
	});

	it('sets none of what the shipped files are tested for (headers, tokens, refusals)', () => {
		expect(conf).not.toMatch(/^\s*(Header|ServerTokens|ServerSignature|ErrorDocument|<Files)/m);
	});

	it('runs the children as nobody only when started as root', () => {
		expect(conf).not.toMatch(/^User /m);
		expect(
			apacheConfForLoopback({ port: 1, docRoot: '/r', prefix: '/p', serverConf: '/s', runAsRoot: true }),
		).toMatch(/^User #65534$/m);
	});

	it('refuses a port that is not a number', () => {
		expect(() =>
			apacheConfForLoopback({ port: '80\nListen 0.0.0.0:80', docRoot: '/r', prefix: '/p', serverConf: '/s' }),
		).toThrow(/port must be a number/);
	});
});
