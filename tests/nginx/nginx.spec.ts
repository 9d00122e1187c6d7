/**
 * The shipped nginx configuration (deploy/nginx/) serving the built site: every page type with
 * the security headers, the right caching, no CSP violation, no console error, and no request to
 * any other origin; search (WebAssembly) and a quiz work through it.
 */
import { expect, test } from '@playwright/test';
import { PAGES, watchPage } from '../e2e/helpers.ts';

const SECURITY_HEADERS: Record<string, RegExp> = {
	'content-security-policy': /frame-ancestors 'none'/,
	'strict-transport-security': /max-age=\d{8,}/,
	'x-content-type-options': /^nosniff$/,
	'x-frame-options': /^DENY$/,
	'referrer-policy': /^no-referrer$/,
	'permissions-policy': /camera=\(\)/,
	'cross-origin-opener-policy': /^same-origin$/,
	'cross-origin-resource-policy': /^same-origin$/,
};

function collectViolations() {
	const w = window as unknown as { __csp: string[] };
	w.__csp = [];
	document.addEventListener('securitypolicyviolation', (e) =>
		w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`),
	);
}

for (const { name, path } of PAGES) {
	test(`${name} through nginx: headers, no CSP violation, no console error, same origin only`, async ({
		page,
		baseURL,
	}) => {
		await page.addInitScript(collectViolations);
		const watch = watchPage(page, new URL(baseURL ?? '').origin);
		const response = await page.goto(path);
		expect(response?.status()).toBe(name === '404' ? 404 : 200);
		const headers = response?.headers() ?? {};
		for (const [header, pattern] of Object.entries(SECURITY_HEADERS))
			expect(headers[header], header).toMatch(pattern);
		expect(headers['cache-control']).toBe('no-cache');
		expect(headers.server ?? '').not.toMatch(/\d/);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
		expect(watch.errors).toEqual([]);
		expect(watch.foreign).toEqual([]);
	});
}

test('hashed assets are cached for a year; the Pagefind entry revalidates', async ({ page, request }) => {
	await page.goto('modules/p01-awareness/');
	const asset = await page
		.locator('link[rel=stylesheet], script[src]')
		.first()
		.getAttribute('href')
		.catch(() => null);
	const src = asset ?? (await page.locator('astro-island').first().getAttribute('component-url'));
	expect(src).toMatch(/^\/_astro\//);
	const res = await request.get(src as string);
	expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	const pf = await request.get('pagefind/pagefind.js');
	expect(pf.status()).toBe(200);
	expect(pf.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
});

test('search (WebAssembly) and a quiz work under the shipped headers', async ({ page }) => {
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
