import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSiteConfig } from '../../src/lib/site-config.ts';
import { connectSrc, contrastRatio, SiteConfigSchema } from '../../src/schemas/site-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'saa-config-'));
const file = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};

describe('site configuration', () => {
	test('an empty file gives the defaults', () => {
		const c = loadSiteConfig(file('empty.yaml', ''));
		expect(c.site).toEqual({ name: 'Secure AI Academy', url: 'http://127.0.0.1:4321', basePath: '/' });
		expect(c.tracks).toEqual(['principles', 'ncsc', 'secure-coding', 'ml-complexity']);
	});
	test('the shipped academy.config.yaml is valid', () => {
		expect(() =>
			loadSiteConfig(new URL('../../academy.config.yaml', import.meta.url).pathname),
		).not.toThrow();
	});
	test('a full, valid file', () => {
		const c = loadSiteConfig(
			file(
				'full.yaml',
				'site: { name: Acme Academy, url: "https://training.acme.example", basePath: /training/ }\norganisation: { name: Acme, logo: /logo.svg }\ncertificates: { signatory: "A. Person, CISO" }\ntheme: { accent: "#7a1f5c" }\ntracks: [principles]\ncontact: { contentErrors: "mailto:sec@acme.example" }\n',
			),
		);
		expect(c.site.basePath).toBe('/training/');
		expect(c.tracks).toEqual(['principles']);
	});
	test.each([
		[
			'a base path without slashes',
			'site: { basePath: training }',
			/site.basePath: site.basePath starts and ends with "\/"/,
		],
		[
			'a URL with a path',
			'site: { url: "https://x.example/training" }',
			/origin only; put any path in site.basePath/,
		],
		['a relative URL', 'site: { url: "training.example" }', /absolute http\(s\) URL/],
		['a javascript: URL', 'site: { url: "javascript:alert(1)" }', /absolute http\(s\) URL/],
		['an accent too light for white', 'theme: { accent: "#ffcc00" }', /contrast of 1\.\d+:1 on white/],
		['an accent that is not a colour', 'theme: { accent: red }', /#RRGGBB/],
		['an unknown track', 'tracks: [principles, blockchain]', /tracks may contain/],
		['no tracks', 'tracks: []', /enable at least one track/],
		['a misspelt key', 'sitee: { name: X }', /sitee/],
		[
			'a contact that is not a link',
			'contact: { contentErrors: "call Bob" }',
			/mailto: address or an https:\/\/ link/,
		],
		[
			'a logo outside public/',
			'organisation: { logo: "https://cdn.example/logo.png" }',
			/path under public\//,
		],
	])('%s is refused with a message naming the field', (_name, yaml, message) => {
		const path = file('bad.yaml', yaml);
		expect(() => loadSiteConfig(path)).toThrow(message);
		expect(() => loadSiteConfig(path)).toThrow(path);
	});
	test('YAML that does not parse', () => {
		expect(() => loadSiteConfig(file('broken.yaml', 'site: [unclosed'))).toThrow(/is not valid YAML/);
	});
	test('contrast ratio matches WCAG examples', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(SiteConfigSchema.safeParse({ theme: { accent: '#767676' } }).success).toBe(true);
	});
});

describe('the optional LRS feed (lrs:)', () => {
	test('is off by default: no lrs section, and connect-src names only the site', () => {
		const c = loadSiteConfig(file('no-lrs.yaml', 'site: { name: X }\n'));
		expect(c.lrs).toBeUndefined();
		expect(connectSrc(c)).toBe("connect-src 'self'");
		// A section whose fields are all commented out reads as null: still off.
		expect(
			loadSiteConfig(file('null-lrs.yaml', 'lrs:\n  # endpoint: https://lrs.example.org/xapi/\n')).lrs,
		).toBe(undefined);
	});
	test('a valid section: defaults filled in, and connect-src gains exactly the LRS origin', () => {
		const c = loadSiteConfig(file('lrs.yaml', 'lrs:\n  endpoint: https://lrs.example.org:8443/xapi/\n'));
		expect(c.lrs).toEqual({
			endpoint: 'https://lrs.example.org:8443/xapi/',
			actor: { label: 'Your name, or an id your organisation asked you to use' },
		});
		expect(connectSrc(c)).toBe("connect-src 'self' https://lrs.example.org:8443");
	});
	test('a full section, and plain http for a local test LRS', () => {
		const c = loadSiteConfig(
			file(
				'lrs-full.yaml',
				'lrs:\n  endpoint: http://127.0.0.1:4345/xapi/\n  publicWriteKey: "k1:s2"\n  actor: { label: Staff id, homePage: "https://people.example.org" }\n',
			),
		);
		expect(c.lrs?.publicWriteKey).toBe('k1:s2');
		expect(c.lrs?.actor).toEqual({ label: 'Staff id', homePage: 'https://people.example.org' });
		expect(connectSrc(c)).toBe("connect-src 'self' http://127.0.0.1:4345");
	});
	test.each([
		[
			'plain http to a remote host',
			'lrs: { endpoint: "http://lrs.example.org/xapi/" }',
			/lrs.endpoint: lrs.endpoint must use https:\/\//,
		],
		[
			'credentials in the URL',
			'lrs: { endpoint: "https://key:secret@lrs.example.org/xapi/" }',
			/must not contain a user name or password/,
		],
		['a query string', 'lrs: { endpoint: "https://lrs.example.org/xapi/?key=1" }', /must not have a query/],
		['no trailing slash', 'lrs: { endpoint: "https://lrs.example.org/xapi" }', /must end with "\/"/],
		['not a URL', 'lrs: { endpoint: "lrs.example.org" }', /absolute https:\/\/ URL/],
		['a javascript: URL', 'lrs: { endpoint: "javascript:alert(1)" }', /absolute https:\/\/ URL/],
		['no endpoint', 'lrs: { publicWriteKey: "a:b" }', /lrs.endpoint/],
		[
			'a key without its secret',
			'lrs: { endpoint: "https://lrs.example.org/xapi/", publicWriteKey: "justakey" }',
			/lrs.publicWriteKey: lrs.publicWriteKey is written "key:secret"/,
		],
		['a misspelt field', 'lrs: { endpoint: "https://lrs.example.org/xapi/", secret: "x" }', /secret/],
		[
			'a relative actor home page',
			'lrs: { endpoint: "https://lrs.example.org/xapi/", actor: { homePage: people } }',
			/lrs.actor.homePage/,
		],
	])('%s is refused, naming the file and the field', (_name, yaml, message) => {
		const path = file('bad-lrs.yaml', yaml);
		expect(() => loadSiteConfig(path)).toThrow(message);
		expect(() => loadSiteConfig(path)).toThrow(path);
	});
});
