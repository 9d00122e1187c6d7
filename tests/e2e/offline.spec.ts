/**
 * Offline: after one visit the service worker has saved the site, so a learner without a
 * connection can still open lessons and take quizzes, and is told the pages are a saved copy.
 */
import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

async function waitForPrecache(page: import('@playwright/test').Page) {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const name = (await caches.keys()).find((k) => k.startsWith('saa-') && k !== 'saa-runtime');
					return name ? (await (await caches.open(name)).keys()).length : 0;
				}),
			{ timeout: 60_000 },
		)
		.toBeGreaterThan(100);
}

test('after one visit, lessons, quizzes and the 404 page work offline, with a notice', async ({
	page,
	context,
}) => {
	await page.goto('');
	await waitForPrecache(page);
	await context.setOffline(true);

	await page.goto('modules/p05-assets/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Principle 5');
	await expect(page.locator('#sw-note')).toContainText('You are offline');
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.getByRole('button', { name: 'Finish and record this practice' }).click();
	await expect(page.locator('.quiz-result')).toBeVisible();

	await page.goto('principles/8/');
	await expect(page.locator('#provision-8-1-2')).toBeVisible();
	await page.goto('no-such-page/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

	await context.setOffline(false);
	await page.goto('glossary/');
	await expect(page.locator('#sw-note')).toHaveCount(0);
});

test('online, pages come from the network, so an updated page is never hidden by the saved copy', async ({
	page,
	context,
}) => {
	await page.goto('');
	await waitForPrecache(page);
	// The saved copy of principles/3/ is in the cache; the "server" now has a newer version.
	await context.route('**/principles/3/', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><html lang="en"><title>Updated</title><h1>Updated on the server</h1></html>',
		}),
	);
	const response = await page.goto('principles/3/');
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Updated on the server');
	await context.unroute('**/principles/3/');
	// Offline, the saved copy comes back, with the notice that it may be out of date.
	await context.setOffline(true);
	await page.goto('principles/3/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Principle 3');
	await expect(page.locator('#sw-note')).toContainText('may be out of date');
});

test('the service worker is registered 4 s after the page has loaded, so saving the site never competes with the first page', async ({
	page,
}) => {
	// Records the document's state each time the page registers a service worker.
	await page.addInitScript(() => {
		const sw = navigator.serviceWorker;
		const register = sw.register.bind(sw);
		const w = window as unknown as { swRegisteredWhen: string[] };
		w.swRegisteredWhen = [];
		sw.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
			const sinceLoad = nav && nav.loadEventEnd > 0 ? performance.now() - nav.loadEventEnd : -1;
			w.swRegisteredWhen.push(
				`${document.readyState}, ${sinceLoad >= 3900 ? 'at least' : 'less than'} 4 s after load`,
			);
			return register(...args);
		};
	});
	await page.goto('dashboard/');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	expect(
		await page.evaluate(() => (window as unknown as { swRegisteredWhen: string[] }).swRegisteredWhen),
	).toEqual(['complete, at least 4 s after load']);
});
