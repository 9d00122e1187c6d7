import { expect, test } from '@playwright/test';

test('the skip link is the first stop for the keyboard and moves focus to the content', async ({ page }) => {
	await page.goto('principles/1/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await expect(page.locator('main')).toBeFocused();
});

test('keyboard only: from the home page to the first module', async ({ page }) => {
	await page.goto('');
	const start = page.getByRole('link', { name: /^Start here: / });
	const title = ((await start.textContent()) ?? '').replace('Start here: ', '');
	await page.keyboard.press('Tab');
	for (let i = 0; i < 40 && !(await start.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(start).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/modules\/[a-z0-9-]+\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a principle page lists every provision with shall/should and its ETSI number', async ({ page }) => {
	await page.goto('principles/8/');
	const rows = page.locator('table tbody tr');
	await expect(rows).toHaveCount(6);
	const row = page.locator('#provision-8-1-2');
	await expect(row).toContainText('8.1.2');
	await expect(row).toContainText('ETSI 5.2.4-1.2');
	await expect(row).toContainText('Shall');
	await expect(page.locator('#provision-8-3')).toContainText('includes a “may”');
});

test('a provision chip in a module opens the provision on its principle page', async ({ page }) => {
	await page.goto('modules/p01-awareness/');
	await page
		.locator('.covers')
		.getByRole('link', { name: /^1\.2\.2/ })
		.click();
	await expect(page).toHaveURL(/\/principles\/1\/#provision-1-2-2$/);
	await expect(page.locator('#provision-1-2-2')).toBeInViewport();
});

test('the quiz is readable without JavaScript, and answers open by keyboard', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('modules/p01-awareness/');
	const quiz = page.locator('section.quiz');
	await expect(quiz.getByRole('heading', { level: 2 })).toBeVisible();
	const questions = quiz.locator('li.question');
	expect(await questions.count()).toBeGreaterThanOrEqual(8);
	const first = questions.first();
	const explanation = first.locator('details .explained, details p').first();
	await expect(explanation).toBeHidden();
	await first.locator('summary').focus();
	await page.keyboard.press('Enter');
	await expect(explanation).toBeVisible();
	await context.close();
});

test('quiz text is escaped, never run as HTML, with or without JavaScript', async ({ browser }) => {
	for (const javaScriptEnabled of [true, false]) {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await page.goto('modules/p01-awareness/');
		const quiz = page.locator(javaScriptEnabled ? '.quiz-island' : 'section.quiz');
		await expect(quiz).toBeVisible();
		// Only our own markup inside the quiz: author text never becomes elements.
		const tags = await quiz.evaluate((el) => [
			...new Set([...el.querySelectorAll('*')].map((n) => n.tagName.toLowerCase())),
		]);
		expect(tags.filter((t) => ['script', 'img', 'iframe', 'object', 'embed', 'style'].includes(t))).toEqual(
			[],
		);
		await context.close();
	}
});

test('theme: the switch works, is remembered across pages, and works by keyboard', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('');
	const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const light = await bg();
	await page.getByRole('radio', { name: 'Dark' }).focus();
	await page.keyboard.press('Space');
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	const dark = await bg();
	expect(dark).not.toBe(light);
	await page.goto('principles/');
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	expect(await bg()).toBe(dark);
	await page.getByText('System', { exact: true }).click();
	await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
	await page.reload();
	expect(await bg()).toBe(light);
});

test('theme: switching works without JavaScript too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
	const page = await context.newPage();
	await page.goto('');
	const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await page.getByText('Dark', { exact: true }).click();
	const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(after).not.toBe(before);
	await context.close();
});

test('the dark theme follows the system setting by default', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('');
	const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
	expect(scheme).toContain('dark');
	const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(bg).toBe('rgb(18, 22, 27)');
});

test('printing hides the site chrome', async ({ page }) => {
	await page.goto('modules/p01-awareness/');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.locator('.site-footer')).toBeHidden();
	await expect(page.locator('article h1')).toBeVisible();
});
