/**
 * Installable: Chromium's own installability check (DevTools protocol, Page.getInstallabilityErrors)
 * finds nothing missing, and its manifest parser (Page.getAppManifest) reports no error. Run on the
 * root build and again under /training/ (E2E_BASE_PATH), where start_url and scope must follow.
 * A persistent browser profile is used because Chromium never offers to install from an
 * incognito-like context, which is what Playwright's ordinary contexts are.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config.ts';
import { expectNoAxeViolations, PAGES } from './helpers.ts';

let context: BrowserContext;
let profile: string;

test.beforeAll(async () => {
	profile = mkdtempSync(join(tmpdir(), 'saa-install-'));
	context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath,
		args: chromiumArgs,
		serviceWorkers: 'allow',
	});
});

test.afterAll(async () => {
	await context?.close();
	rmSync(profile, { recursive: true, force: true });
});

test('Chromium finds the site installable, with a manifest that follows the base path', async ({
	baseURL,
}) => {
	const base = new URL(baseURL as string);
	const page = await context.newPage();
	await page.goto(base.href);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	const cdp = await context.newCDPSession(page);

	const manifest = (await cdp.send('Page.getAppManifest')) as {
		url: string;
		errors: { message: string; critical: number }[];
		data: string;
	};
	expect(manifest.url).toBe(new URL('manifest.webmanifest', base).href);
	expect(manifest.errors, 'manifest parse errors').toEqual([]);
	const data = JSON.parse(manifest.data);
	expect(data.start_url).toBe(base.pathname);
	expect(data.scope).toBe(base.pathname);
	expect(data.display).toBe('standalone');
	expect(data.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	const sizes = data.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
	expect(sizes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

	// Give Chromium time to fetch and decode the icons; the check reports what is still missing.
	await expect
		.poll(
			async () =>
				(
					(await cdp.send('Page.getInstallabilityErrors')) as {
						installabilityErrors: { errorId: string }[];
					}
				).installabilityErrors.map((e) => e.errorId),
			{ timeout: 20_000 },
		)
		.toEqual([]);

	// Every icon is a PNG of the size the manifest says.
	for (const icon of data.icons as { src: string; sizes: string }[]) {
		const res = await page.request.get(new URL(icon.src, base).href);
		expect(res.status(), icon.src).toBe(200);
		const png = await res.body();
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
	}
	await page.close();
});

test('every page links the manifest and names a theme colour', async ({ baseURL }) => {
	const page = await context.newPage();
	for (const { path } of PAGES) {
		await page.goto(new URL(path, baseURL).href);
		await expect(page.locator('link[rel=manifest]')).toHaveAttribute(
			'href',
			`${new URL(baseURL as string).pathname}manifest.webmanifest`,
		);
		await expect(page.locator('meta[name=theme-color]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);
	}
	// The head changed on every page: axe on the home page, at 320 px as well.
	await page.goto(baseURL as string);
	await expectNoAxeViolations(page, 'home');
	await page.setViewportSize({ width: 320, height: 640 });
	await expectNoAxeViolations(page, 'home at 320 px');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await page.close();
});
