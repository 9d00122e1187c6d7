/**
 * The checks every shipped server configuration must pass while it serves the built site, for
 * real, on loopback: every page type with the security headers, the right caching, no CSP
 * violation, no console error and no request to any other origin; immutable /_astro/ files,
 * revalidated Pagefind files, pages and service worker; the site's 404 page with status 404 and
 * the same headers (a missing hashed file included: it must not be cached for a year); no
 * version in the Server header; files that must not be served refused; search (WebAssembly) and
 * a quiz working under the headers. One thin spec per server (nginx.spec.ts, apache.spec.ts,
 * caddy.spec.ts) calls `serverChecks`, each run by its own Playwright config.
 */
import { readFileSync } from 'node:fs';
import { type APIResponse, expect, test } from '@playwright/test';
import { DIST, PAGES, watchPage } from '../e2e/helpers.ts';
import { CACHE_CONTROL, SECURITY_HEADERS } from './expected-headers.ts';

/** What differs between the servers under test. */
export interface ServerUnderTest {
	/** The server's name in test titles, e.g. "nginx". */
	name: string;
	/** The exact Server header the configuration leaves (a product name, no version), or undefined for none. */
	serverHeader: string | undefined;
	/** Paths (relative to the site) that must be refused with 403 or 404, e.g. Apache's .htaccess. */
	refused?: readonly string[];
	/**
	 * Names of the PAGES opened in the browser (CSP violations, console errors, other origins);
	 * every page's headers and caching are checked whatever this says. Default: every page. The
	 * headers are the same value for value on every server, so one server (nginx) opens every
	 * page and the others open a sample, to keep `npm test` short on two cores.
	 */
	browserPages?: readonly (typeof PAGES)[number]['name'][];
}

/** The pages a server with `browserPages` opens in the browser: the home page, a lesson with its quiz, a page of each interactive kind, and the 404 page. */
export const BROWSER_SAMPLE = [
	'home',
	'module with quiz',
	'dashboard',
	'verify',
	'assignment builder',
	'404',
] as const;

function collectViolations() {
	const w = window as unknown as { __csp: string[] };
	w.__csp = [];
	document.addEventListener('securitypolicyviolation', (e) =>
		w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`),
	);
}

/** Every security header with its exact value, the expected Cache-Control, and no version in Server. */
function expectHeaders(
	headers: Record<string, string>,
	server: ServerUnderTest,
	cacheControl: string,
	what: string,
) {
	for (const [header, value] of Object.entries(SECURITY_HEADERS))
		expect(headers[header.toLowerCase()], `${header} on ${what}`).toBe(value);
	expect(headers['cache-control'], `Cache-Control on ${what}`).toBe(cacheControl);
	expect(headers.server, `Server header on ${what}`).toBe(server.serverHeader);
}

const NOT_FOUND_PAGE = readFileSync(`${DIST}404.html`, 'utf8');

async function expectNotFoundPage(res: APIResponse, server: ServerUnderTest, what: string) {
	expect(res.status(), `status of ${what}`).toBe(404);
	expect(res.headers()['content-type'], `Content-Type of ${what}`).toMatch(/^text\/html\b/);
	expect(await res.text(), `body of ${what} (dist/404.html)`).toBe(NOT_FOUND_PAGE);
	expectHeaders(res.headers(), server, CACHE_CONTROL.pages, what);
}

export function serverChecks(server: ServerUnderTest) {
	test(`${server.name}: every page type has the security headers and revalidates`, async ({ request }) => {
		for (const { name, path } of PAGES) {
			const res = await request.get(path);
			expect(res.status(), `status of /${path}`).toBe(name === '404' ? 404 : 200);
			expectHeaders(res.headers(), server, CACHE_CONTROL.pages, `/${path}`);
		}
	});

	const inBrowser = PAGES.filter(({ name }) => server.browserPages?.includes(name) ?? true);
	for (const { name, path } of inBrowser) {
		test(`${name} through ${server.name}: headers, no CSP violation, no console error, same origin only`, async ({
			page,
			baseURL,
		}) => {
			await page.addInitScript(collectViolations);
			const watch = watchPage(page, new URL(baseURL ?? '').origin);
			const response = await page.goto(path);
			expect(response?.status()).toBe(name === '404' ? 404 : 200);
			expectHeaders(response?.headers() ?? {}, server, CACHE_CONTROL.pages, `/${path}`);
			await page.waitForLoadState('networkidle');
			expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
			expect(watch.errors).toEqual([]);
			expect(watch.foreign).toEqual([]);
		});
	}

	test(`${server.name}: hashed assets are cached for a year; Pagefind, the service worker and the manifest (its own type) revalidate`, async ({
		page,
		request,
	}) => {
		await page.goto('modules/p01-awareness/');
		const asset = await page
			.locator('link[rel=stylesheet], script[src]')
			.first()
			.getAttribute('href')
			.catch(() => null);
		const src = asset ?? (await page.locator('astro-island').first().getAttribute('component-url'));
		expect(src).toMatch(/^\/_astro\//);
		const res = await request.get(src as string);
		expect(res.status()).toBe(200);
		expectHeaders(res.headers(), server, CACHE_CONTROL.hashed, src as string);
		for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
			const pf = await request.get(file);
			expect(pf.status(), file).toBe(200);
			expectHeaders(pf.headers(), server, CACHE_CONTROL.pagefind, file);
		}
		const sw = await request.get('sw.js');
		expect(sw.status()).toBe(200);
		expectHeaders(sw.headers(), server, CACHE_CONTROL.pages, 'sw.js');
		const manifest = await request.get('manifest.webmanifest');
		expect(manifest.status()).toBe(200);
		expectHeaders(manifest.headers(), server, CACHE_CONTROL.pages, 'manifest.webmanifest');
		expect(manifest.headers()['content-type'], 'manifest.webmanifest').toMatch(
			/^application\/manifest\+json/,
		);
	});

	test(`${server.name}: a missing page or file is the site's 404 page with every header, never cached as an asset`, async ({
		request,
	}) => {
		await expectNotFoundPage(await request.get('no-such-page/'), server, '/no-such-page/');
		await expectNotFoundPage(await request.get('_astro/no-such-file.js'), server, '/_astro/no-such-file.js');
		await expectNotFoundPage(
			await request.get('pagefind/no-such-file.js'),
			server,
			'/pagefind/no-such-file.js',
		);
	});

	for (const path of server.refused ?? []) {
		test(`${server.name}: /${path} is refused`, async ({ request }) => {
			const res = await request.get(path);
			expect([403, 404], `status of /${path}`).toContain(res.status());
			expect(res.headers().server, 'Server header').toBe(server.serverHeader);
			expect(await res.text()).not.toMatch(/Header (always )?set/);
		});
	}

	test(`${server.name}: search (WebAssembly) and a quiz work under the shipped headers`, async ({ page }) => {
		await page.addInitScript(collectViolations);
		await page.goto('search/?q=poisoning');
		await expect(page.locator('[data-full] .results > li').first()).toBeVisible();
		await page.goto('modules/p01-awareness/');
		await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await page.getByRole('button', { name: 'Finish and record this practice' }).click();
		await expect(page.locator('.quiz-result')).toBeVisible();
		expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
	});
}
