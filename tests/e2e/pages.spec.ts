import { readdirSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DIST, expectNoAxeViolations, PAGES, watchPage } from './helpers.ts';

for (const { name, path } of PAGES) {
	test.describe(`${name} (${path})`, () => {
		for (const scheme of ['light', 'dark'] as const) {
			test(`has no accessibility violations in the ${scheme} theme`, async ({ page, baseURL }) => {
				await page.emulateMedia({ colorScheme: scheme });
				const watch = watchPage(page, new URL(baseURL ?? '').origin);
				await page.goto(path);
				await expect(page.locator('h1')).toHaveCount(1);
				// Open every disclosure so hidden answers are checked too.
				await page.locator('details').evaluateAll((els) => {
					for (const el of els) (el as HTMLDetailsElement).open = true;
				});
				await expectNoAxeViolations(page, `${path} (${scheme})`);
				expect(watch.foreign, 'requests to other origins').toEqual([]);
				expect(watch.errors, 'console errors').toEqual([]);
			});
		}

		test('fits a 320 px wide screen without sideways scrolling', async ({ page }) => {
			await page.setViewportSize({ width: 320, height: 700 });
			await page.goto(path);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	});
}

test('an unknown address answers 404 with a way back', async ({ page }) => {
	const response = await page.goto('modules/does-not-exist/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await page.getByRole('link', { name: 'Go to the home page' }).click();
	await expect(page).toHaveURL(/\/$/);
});

test.describe('every lesson', () => {
	const dist = `${DIST}modules/`;
	const ids = readdirSync(dist).filter((d) => statSync(`${dist}/${d}`).isDirectory());
	for (const id of ids) {
		test(`/modules/${id}/ has no accessibility violations and fits 320 px`, async ({ page, baseURL }) => {
			const watch = watchPage(page, new URL(baseURL ?? '').origin);
			await page.goto(`modules/${id}/`);
			await expectNoAxeViolations(page, id);
			await page.setViewportSize({ width: 320, height: 700 });
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, 'sideways scrolling at 320 px').toBeLessThanOrEqual(0);
			expect(watch.foreign).toEqual([]);
			expect(watch.errors).toEqual([]);
		});
	}
});

test('every page carries a strict Content-Security-Policy, and the browser reports no violation', async ({
	page,
}) => {
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`),
		);
	});
	for (const path of [
		'',
		'modules/p01-awareness/',
		'dashboard/',
		'search/?q=poisoning',
		'glossary/',
		'principles/8/',
	]) {
		await page.goto(path);
		const csp =
			(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
		expect(csp, path).toContain("script-src 'self'");
		expect(csp, path).toContain("object-src 'none'");
		expect(csp, path).not.toContain('unsafe-inline');
		expect(csp, path).not.toMatch(/'unsafe-eval'/);
		if (path.startsWith('search'))
			await expect(page.locator('[data-full] .results > li').first()).toBeVisible();
		if (path.startsWith('modules')) {
			// Exercise the quiz island too: recording an attempt parses stored data with zod.
			await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			await page.getByRole('button', { name: 'Finish and record this practice' }).click();
			await expect(page.locator('.quiz-result')).toBeVisible();
		}
		expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), path).toEqual([]);
	}
});
