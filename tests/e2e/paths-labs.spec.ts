/**
 * Labs in learning paths and assignments (issue #16): a path's steps list their labs with the
 * learner's status (static without JavaScript), a pass shows up as "Completed" and in the path's
 * "Labs practised" count; the builder includes the labs of the chosen modules by keyboard; the
 * assignment page and the printable sheet list them; axe and 320 px on the changed pages.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openLabFix, watchPage } from './helpers.ts';
import { tabTo } from './quiz-helpers.ts';

const LAB = 'markdown-image-exfiltration';
const reference = readFileSync(new URL(`../../content/labs/${LAB}/reference.js`, import.meta.url), 'utf8');
const hydrated = (page: Page) => expect(page.locator('[data-hydrated=true]').first()).toBeVisible();

/** Passes the lab with its reference code, as a learner would (tests/e2e/labs.spec.ts does the same). */
async function passLab(page: Page) {
	await openLabFix(page, `labs/${LAB}/`);
	await page.locator('.lab-editor .cm-content').focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(reference);
	await page.getByRole('button', { name: 'Run the suites' }).click();
	await expect(page.locator('.lab-live')).toContainText('passed.', { timeout: 30_000 });
}

test('a path step lists its labs: "Not started", then "Completed" after a pass, counted apart', async ({
	page,
	baseURL,
}) => {
	test.setTimeout(90_000);
	const watch = watchPage(page, new URL(baseURL ?? '').origin);
	await page.goto('paths/developer/');
	await hydrated(page);
	const step = page.locator('.path-steps > li', {
		has: page.getByRole('heading', { name: /output handling/i }),
	});
	const row = step.locator(`.step-labs li[data-lab="${LAB}"]`);
	await expect(row.getByRole('link')).toHaveAttribute('href', new RegExp(`labs/${LAB}/$`));
	await expect(row).toContainText(/· Apprentice · about 20 min/);
	await expect(row.locator('.path-lab-status')).toHaveText('Your status: Not started');
	await expect(page.locator('.labs-practised')).toHaveText(/Labs practised: 0 of 7/);
	// Modules still decide completion.
	await expect(page.locator('.study-summary')).toContainText('0 of 17');
	await expectNoAxeViolations(page, 'path page with labs');

	expect(watch.errors).toEqual([]);
	await passLab(page);
	// Typing into the lab editor logs a style-src report on the lab page itself (not this feature's
	// page, and not part of this change); only what the path page logs counts here.
	const onLabPage = watch.errors.length;
	await page.goto('paths/developer/');
	await hydrated(page);
	await expect(row.locator('.path-lab-status')).toHaveText('Your status: Completed');
	await expect(page.locator('.labs-practised')).toHaveText(/Labs practised: 1 of 7/);
	await expect(page.locator('.study-summary')).toContainText('0 of 17');
	await expect(page.locator(`.step-labs li[data-lab="sql-from-model-output"] .path-lab-status`)).toHaveText(
		'Your status: Not started',
	);
	expect(watch.foreign).toEqual([]);
	expect(watch.errors.slice(onLabPage)).toEqual([]);
});

test("without JavaScript a path page still lists each step's labs (no status)", async ({
	browser,
	baseURL,
}) => {
	const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('paths/developer/');
	const labs = page.locator('.step-labs li');
	await expect(labs).toHaveCount(7);
	await expect(labs.filter({ hasText: 'Not started' })).toHaveCount(0);
	await expect(page.locator(`.step-labs li[data-lab="${LAB}"] a`)).toBeVisible();
	await expect(page.getByText(/17 modules, about \d+ hours, and 7 hands-on labs/)).toBeVisible();
	await context.close();
});

test("the builder includes the labs of the chosen modules by keyboard; the link, the sheet and the learner's page list them", async ({
	page,
	baseURL,
}) => {
	test.setTimeout(90_000);
	const watch = watchPage(page, new URL(baseURL ?? '').origin);
	await page.goto('assignments/new/');
	await hydrated(page);
	await expect(page.getByLabel('Include the labs of these modules')).toHaveCount(0);
	await tabTo(page, 'input[id$="-title"]');
	await page.keyboard.type('Web team: output handling');
	await tabTo(page, 'input[name=module][value="sc02-output-handling"]');
	await page.keyboard.press('Space');
	await tabTo(page, 'input[name=module][value="p01-awareness"]');
	await page.keyboard.press('Space');
	// On by default once a chosen module has labs.
	const include = page.getByLabel('Include the labs of these modules');
	await expect(include).toBeChecked();
	await expect(page.locator('.include-labs .field-hint')).toContainText(
		'2 hands-on labs practise the chosen modules',
	);
	// Off and on again by keyboard.
	await tabTo(page, 'input[id$="-include-labs"]');
	await page.keyboard.press('Space');
	await expect(include).not.toBeChecked();
	await page.keyboard.press('Space');
	await expect(include).toBeChecked();
	await tabTo(page, '.builder-form button[type=submit]');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Your assignment link' })).toBeFocused();
	const link = await page.getByLabel('Send this link to your team').inputValue();
	const sheet = page.locator('.assignment-sheet');
	await expect(sheet.locator('.sheet-labs > li')).toHaveText([
		"Render the assistant's Markdown without leaking the conversation",
		"Build SQL from the model's answer without letting it write SQL",
	]);
	await expect(sheet).toContainText('Then practise in these 2 hands-on labs');
	await expectNoAxeViolations(page, 'builder with labs included');

	// The learner's page lists the labs with their status and links.
	await page.goto(link);
	await hydrated(page);
	const labs = page.locator('.assigned-labs');
	await expect(labs.getByRole('heading', { name: 'Hands-on labs' })).toBeVisible();
	await expect(labs).toContainText('0 of 2 labs completed');
	await expect(labs.locator('tbody tr')).toHaveCount(2);
	await expect(labs.locator(`tr[data-lab="${LAB}"]`)).toContainText('Not started');
	await expect(labs.locator(`tr[data-lab="${LAB}"] a`)).toHaveAttribute('href', new RegExp(`labs/${LAB}/$`));
	await expectNoAxeViolations(page, 'assignment with labs');
	expect(watch.foreign).toEqual([]);
	expect(watch.errors).toEqual([]);
});

test('the published assignment lists its lab; changed pages pass axe at 320 px', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto('assignments/new-starters/');
	await hydrated(page);
	const labs = page.locator('.assigned-labs');
	await expect(labs.locator('tbody tr')).toHaveCount(1);
	await expect(labs.locator('tr[data-lab="rag-indirect-injection"]')).toContainText('Not started');
	for (const path of ['assignments/new-starters/', 'paths/developer/', 'paths/manager/']) {
		await page.goto(path);
		await hydrated(page);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
		expect(overflow, `${path} scrolls sideways at 320 px`).toBe(false);
		await expectNoAxeViolations(page, `${path} at 320 px`);
	}
});
