import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/** Something a held route waits for until the test calls `release`. */
function gate(): { held: Promise<void>; release: () => void } {
	let release = () => {};
	const held = new Promise<void>((resolve) => {
		release = resolve;
	});
	return { held, release };
}

test('header search: "/" focuses it, a phrase from a lesson finds the lesson, and the result opens it', async ({
	page,
}) => {
	await page.goto('principles/3/');
	await page.keyboard.press('/');
	await expect(page.locator('#site-search')).toBeFocused();
	await page.keyboard.type('white text repair estimate');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=white/);
	const lesson = page.locator('[data-full] .results > li').first();
	await expect(lesson.locator('a').first()).toContainText('Principle 1');
	await expect(lesson.locator('mark').first()).toBeVisible();
	await lesson.locator('a').first().focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/modules\/p01-awareness\//);
});

test('nothing is downloaded until the learner turns to the search box; then the engines, and only the shards needed', async ({
	page,
}) => {
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
	// Pagefind is held back until the finder's downloads for the first query have been counted.
	const { held, release } = gate();
	await page.route('**/pagefind/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('search/');
	await expect(page.locator('[data-search-root][data-ready=true]')).toBeAttached();
	expect(fetched.filter((p) => p.includes('pagefind') || p.includes('/search/finder/'))).toEqual([]);
	const head = (await (await page.request.get('search/finder/head.json')).json()) as {
		termFiles: string[];
		docFiles: string[];
	};
	const all = head.termFiles.length + head.docFiles.length;
	const shards = () => new Set(fetched.filter((p) => /\/search\/finder\/[td]\d+\./.test(p))).size;
	// Clicking into the box starts both engines (the finder's head.json, Pagefind's script) while
	// the learner types, and no shard: those depend on the words.
	await page.locator('#search-q').click();
	await expect.poll(() => fetched.filter((p) => p.endsWith('/search/finder/head.json')).length).toBe(1);
	await expect.poll(() => fetched.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
	expect(shards()).toBe(0);
	await page.locator('#search-q').fill('poisoning');
	await expect(page.locator('[data-quick] .results > li').first()).toBeVisible();
	// head.json once: the query reused what the click started.
	expect(fetched.filter((p) => p.endsWith('/search/finder/head.json'))).toHaveLength(1);
	// Only the shards this query needs, not the whole index.
	expect(shards()).toBeGreaterThan(0);
	expect(shards()).toBeLessThan(all);
	release();
	await expect(page.locator('[data-full] .results > li').first()).toBeVisible();
	// Then, in idle time, the rest of the finder, so that later queries download nothing.
	await expect.poll(shards).toBe(all);
});

test('while the learner types, the finder fetches the shards of the words, so Enter waits for no download', async ({
	page,
}) => {
	const shards: { path: string; at: number }[] = [];
	page.on('request', (r) => {
		const path = new URL(r.url()).pathname;
		if (/\/search\/finder\/[td]\d+\./.test(path)) shards.push({ path, at: Date.now() });
	});
	await page.goto('search/');
	await expect(page.locator('[data-search-root][data-ready=true]')).toBeAttached();
	const finderReady = Promise.all([
		page.waitForResponse((r) => /\/_astro\/finder\.[\w-]+\.js$/.test(r.url())),
		page.waitForResponse((r) => r.url().endsWith('/search/finder/head.json')),
	]);
	await page.locator('#search-q').click();
	await finderReady;
	// Keys 40 ms apart, then Enter within 150 ms of the last: the search-as-you-type pause never
	// passes, so only the typing itself can have fetched shards before Enter.
	await page.keyboard.type('poisonin', { delay: 40 });
	const lastKeyAt = Date.now();
	await page.keyboard.type('g');
	await page.waitForTimeout(100);
	const enterAt = Date.now();
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-quick] .results > li').first()).toBeVisible();
	await expect(page.locator('[data-quick]')).toContainText(/poison/i);
	expect(shards.filter((r) => r.at < lastKeyAt).length).toBeGreaterThan(0);
	// Everything the results needed had been asked for before Enter.
	expect(shards.filter((r) => r.at >= enterAt)).toEqual([]);
});

test('Enter runs the query once: the as-you-type search still pending is dropped', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
	await page.goto('search/?q=poisoning');
	await expect(page.locator('[data-full] .results > li').first()).toBeVisible();
	// Wait until the whole finder is loaded, so the next query needs no download and answers at once.
	const head = (await (await page.request.get('search/finder/head.json')).json()) as {
		termFiles: string[];
		docFiles: string[];
	};
	const shards = () => new Set(fetched.filter((p) => /\/search\/finder\/[td]\d+\./.test(p))).size;
	await expect.poll(shards).toBe(head.termFiles.length + head.docFiles.length);
	// Count how often the quick list is rebuilt from now on.
	await page.evaluate(() => {
		const quick = document.querySelector('[data-quick]');
		const w = window as unknown as { quickRenders: number };
		w.quickRenders = 0;
		if (quick) new MutationObserver(() => w.quickRenders++).observe(quick, { childList: true });
	});
	await page.locator('#search-q').fill('');
	await page.keyboard.type('red teaming', { delay: 20 });
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-quick]')).toContainText(/team/i);
	// Longer than the 150 ms typing pause: a pending as-you-type run would have rebuilt the list again.
	await page.waitForTimeout(600);
	expect(await page.evaluate(() => (window as unknown as { quickRenders: number }).quickRenders)).toBe(1);
	await expect(page).toHaveURL(/\?q=red\+teaming$/);
});

test('finder results show while Pagefind is still loading, and Pagefind’s follow when it arrives', async ({
	page,
}) => {
	const { held, release } = gate();
	// Hold every Pagefind file (script, WebAssembly, index chunks) until released.
	await page.route('**/pagefind/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('search/');
	await expect(page.locator('[data-search-root][data-ready=true]')).toBeAttached();
	await page.locator('#search-q').fill('poisoning');
	const quick = page.locator('[data-quick] .results > li');
	await expect(quick.first()).toBeVisible();
	await expect(page.locator('[data-quick]')).toContainText(/poison/i);
	const fullSection = page.locator('section:has([data-full])');
	await expect(fullSection).toHaveAttribute('aria-busy', 'true');
	await expect(page.locator('[data-full-wait]')).toBeVisible();
	await expect(page.locator('[data-full] .results > li')).toHaveCount(0);
	await expect(page.getByRole('status')).toContainText('searching the lesson text');
	// Space is kept for the lesson results meanwhile.
	expect((await fullSection.boundingBox())?.height ?? 0).toBeGreaterThan(200);
	release();
	await expect(page.locator('[data-full] .results > li').first()).toBeVisible();
	await expect(fullSection).not.toHaveAttribute('aria-busy');
	await expect(page.locator('[data-full-wait]')).toBeHidden();
	await expect(page.getByRole('status')).toContainText(/quick match(es)? and \d+ lesson result/);
});

test('the first lesson results show as soon as their text arrives; the rest are added below them', async ({
	page,
}) => {
	const { held, release } = gate();
	// The text of the first four results arrives; the text of any later one is held until released.
	let fragments = 0;
	await page.route('**/pagefind/fragment/**', async (route) => {
		fragments++;
		if (fragments > 4) await held;
		await route.continue();
	});
	await page.goto('search/?q=security');
	const results = page.locator('[data-full] .results > li');
	const fullSection = page.locator('section:has([data-full])');
	await expect(results).toHaveCount(4);
	await expect(results.first().locator('a').first()).toHaveAttribute('href', /\/(modules|principles)\//);
	// Still marked busy, and not yet counted, while the rest are on their way.
	await expect(fullSection).toHaveAttribute('aria-busy', 'true');
	await expect(page.getByRole('status')).not.toContainText('lesson result');
	const firstShown = await results.first().elementHandle();
	release();
	await expect(results).toHaveCount(12);
	await expect(fullSection).not.toHaveAttribute('aria-busy');
	await expect(page.getByRole('status')).toContainText(/\d+ lesson results for “security”/);
	// The first four were kept, not drawn again (a learner may already be on one): the list grew below them.
	expect(await firstShown?.evaluate((li) => li.isConnected)).toBe(true);
	expect(fragments).toBeGreaterThanOrEqual(12);
});

test('a lesson result whose text cannot be downloaded is left out, and the page says so', async ({
	page,
}) => {
	// The text of the first result and of every result after the fourth cannot be downloaded.
	let fragments = 0;
	await page.route('**/pagefind/fragment/**', async (route) => {
		fragments++;
		if (fragments === 1 || fragments > 4) await route.abort();
		else await route.continue();
	});
	await page.goto('search/?q=security');
	const full = page.locator('[data-full]');
	await expect(full).toContainText('9 lesson results could not be loaded (offline?). Search again to retry.');
	await expect(full.locator('.results > li')).toHaveCount(3);
	await expect(page.locator('section:has([data-full])')).not.toHaveAttribute('aria-busy');
	await expect(page.getByRole('status')).toContainText(/\d+ lesson results for “security”/);
	await expectNoAxeViolations(page, 'search results with some texts missing');
});

test('the service worker precaches every finder file head.json names', async ({ page }) => {
	const head = (await (await page.request.get('search/finder/head.json')).json()) as {
		termFiles: string[];
		docFiles: string[];
	};
	const sw = await (await page.request.get('sw.js')).text();
	for (const f of ['head.json', ...head.termFiles, ...head.docFiles])
		expect(sw, f).toContain(`search/finder/${f}"`);
});

test('filters narrow the lesson results', async ({ page }) => {
	await page.goto('search/?q=poisoning');
	const results = page.locator('[data-full] .results > li');
	const fullSection = page.locator('section:has([data-full])');
	// The whole list, not just its first results: the status counts them when all are in.
	await expect(page.getByRole('status')).toContainText(/lesson results? for “poisoning”/);
	const before = await results.count();
	await page.locator('select[data-filter=principle]').selectOption('Principle 8');
	await expect(async () => {
		const after = await results.count();
		expect(after).toBeGreaterThan(0);
		expect(after).toBeLessThan(before);
	}).toPass();
	await expect(fullSection).not.toHaveAttribute('aria-busy');
	// Every remaining result really is tagged with that principle.
	for (const link of await results.locator('> a').all()) {
		const href = (await link.getAttribute('href')) ?? '';
		const html = await (await page.request.get(href)).text();
		expect(html, href).toContain('data-pagefind-filter="principle:Principle 8"');
	}
});

test('the finder jumps to a provision typed by id, by keyboard alone', async ({ page }) => {
	await page.goto('search/');
	await expect(page.locator('[data-search-root][data-ready=true]')).toBeAttached();
	await page.keyboard.press('/');
	await expect(page.locator('#search-q')).toBeFocused();
	await page.keyboard.type('8.1.2');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/principles\/8\/#provision-8-1-2$/);
	await expect(page.locator('#provision-8-1-2')).toBeInViewport();
});

test('a link to /search/?q=5.4.1 opens the provision directly', async ({ page }) => {
	await page.goto('search/?q=5.4.1');
	await expect(page).toHaveURL(/\/principles\/5\/#provision-5-4-1$/);
});

test('fielded finder query and quick matches, with axe on the results', async ({ page }) => {
	await page.goto('search/');
	await page.locator('#search-q').fill('role:operator phase:maintenance');
	const quick = page.locator('[data-quick] .results > li');
	await expect(quick.first()).toBeVisible();
	await expect(page.locator('[data-quick]')).toContainText('12.1');
	await expect(page.getByRole('status')).toContainText('quick match');
	await expectNoAxeViolations(page, 'search results');
	// Pagefind 1.6 answers even nonsense with loose matches, so only the finder's "no match" is checked.
	await page.locator('#search-q').fill('floccinaucinihilipilification');
	await expect(page.locator('[data-quick]')).toContainText(
		'No provision, principle, module or glossary term matches.',
	);
});
