/**
 * Every shipped server configuration in deploy/ names the same security headers with the same
 * values (tests/servers/expected-headers.ts) and the same three Cache-Control values. nginx,
 * Apache and Caddy are also checked on the wire (tests/servers/); the _headers file, which no
 * test can serve, is checked only here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL, SECURITY_HEADERS } from '../servers/expected-headers.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

/** Each shipped file, and how a header line is written in it: [name, value] pairs in file order. */
const CONFIGS: Record<string, () => [string, string][]> = {
	'deploy/nginx/security-headers.conf': () =>
		[...read('deploy/nginx/security-headers.conf').matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)].map(
			(m) => [m[1] as string, m[2] as string],
		),
	'deploy/apache/.htaccess': () =>
		[...read('deploy/apache/.htaccess').matchAll(/^\s*Header always set (\S+) "([^"]*)"$/gm)].map((m) => [
			m[1] as string,
			m[2] as string,
		]),
	'deploy/caddy/Caddyfile': () => {
		const text = read('deploy/caddy/Caddyfile');
		const block = /^\(security_headers\) \{\n\theader \{\n([\s\S]*?)\n\t\}\n\}$/m.exec(text)?.[1] ?? '';
		return [...block.matchAll(/^\t\t([A-Z][\w-]*) "([^"]*)"$/gm)].map((m) => [
			m[1] as string,
			m[2] as string,
		]);
	},
	'deploy/static-hosts/_headers': () => {
		const block = /^\/\*\n((?: {2}.*\n)+)/m.exec(read('deploy/static-hosts/_headers'))?.[1] ?? '';
		return [...block.matchAll(/^ {2}([\w-]+): (.*)$/gm)]
			.map((m): [string, string] => [m[1] as string, m[2] as string])
			.filter(([name]) => name !== 'Cache-Control');
	},
};

/** Every Cache-Control value a shipped file sets. */
const CACHE_LINES: Record<string, RegExp> = {
	'deploy/nginx/site.conf': /add_header Cache-Control "([^"]*)" always;/g,
	'deploy/apache/.htaccess': /Header set Cache-Control "([^"]*)"/g,
	'deploy/caddy/Caddyfile': /header (?:@\w+ )?Cache-Control "([^"]*)"/g,
	'deploy/static-hosts/_headers': /^ {2}Cache-Control: (.*)$/gm,
};

describe('shipped server configurations', () => {
	for (const [file, headersOf] of Object.entries(CONFIGS)) {
		it(`${file} sends every security header with the expected value`, () => {
			expect(Object.fromEntries(headersOf()), file).toEqual(SECURITY_HEADERS);
		});
	}

	for (const [file, pattern] of Object.entries(CACHE_LINES)) {
		it(`${file} uses exactly the three Cache-Control values`, () => {
			const values = new Set([...read(file).matchAll(pattern)].map((m) => m[1]));
			expect([...values].sort(), file).toEqual(Object.values(CACHE_CONTROL).sort());
		});
	}

	it('no file in deploy/ or the docs names interest-cohort, a feature browsers no longer know', () => {
		const files = [...Object.keys(CONFIGS), ...Object.keys(CACHE_LINES), 'README.md'];
		for (const file of files) expect(read(file), file).not.toContain('interest-cohort');
	});
});
