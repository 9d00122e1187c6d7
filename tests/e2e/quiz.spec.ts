import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';
import {
	answerCorrectly,
	firstChoice,
	loadQuiz,
	openQuizAt,
	passAssessmentByKeyboard,
} from './quiz-helpers.ts';

const MODULE = 'modules/p01-awareness/';
const quiz = loadQuiz('p01-awareness');

const openQuiz = (page: import('@playwright/test').Page) => openQuizAt(page, MODULE);
const passByKeyboard = (page: import('@playwright/test').Page) => passAssessmentByKeyboard(page, quiz);

test('take a quiz by keyboard only, pass it, reload: progress is kept', async ({ page }) => {
	await openQuiz(page);
	await passByKeyboard(page);
	await page.reload();
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	await expect(page.locator('.pass-badge')).toContainText('Passed on');
	await page.goto('dashboard/');
	await expect(page.locator('.big-number')).toHaveText(/^1 of \d+ modules completed$/);
});

test('practice mode explains each answer as you go, and shows both answers side by side', async ({
	page,
}) => {
	await openQuiz(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	// The draw is random: use the first choice question drawn (the answer feedback is the same for
	// every kind; scenario and ordering answering is covered by the assessment tests).
	const { at, id } = await firstChoice(page, quiz);
	const first = page.locator('.quiz-question').nth(at);
	await answerCorrectly(page, quiz, id);
	await first.getByRole('button', { name: 'Check answer' }).click();
	await expect(first.locator('.verdict')).toHaveText(/Correct/);
	await expect(page.getByRole('status').filter({ hasText: `Question ${at + 1}: correct.` })).toHaveCount(1);
	await expect(first.locator('.verdict')).toBeVisible();
	await expect(first.locator('.answer-yours')).toContainText('Your answer');
	await expect(first.locator('.answer-correct')).toContainText('Correct answer');
	for (const input of await first.locator('input, .ordering button').all())
		await expect(input).toBeDisabled();
	await expectNoAxeViolations(page, 'quiz in practice mode with feedback');
});

test('the results page and a review of a past attempt pass axe, in light and dark', async ({ page }) => {
	await openQuiz(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.getByRole('button', { name: 'Finish and record this practice' }).click();
	await expect(page.locator('.quiz-result .score')).toContainText('0% · Not passed');
	await expectNoAxeViolations(page, 'results (light)');
	await page.emulateMedia({ colorScheme: 'dark' });
	await expectNoAxeViolations(page, 'results (dark)');
	await page.getByRole('button', { name: 'Try again with a fresh draw' }).click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await page.getByText('Past attempts (1)').click();
	await page.locator('.attempt-list button').first().click();
	await expect(page.getByRole('heading', { name: /Review of your attempt/ })).toBeFocused();
});

test('the quiz works at 320 px wide without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await openQuiz(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('a second tab sees a pass without reloading', async ({ context }) => {
	const dash = await context.newPage();
	await dash.goto('dashboard/');
	await expect(dash.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	await expect(dash.locator('.big-number')).toHaveText(/^0 of/);
	const page = await context.newPage();
	await openQuiz(page);
	await passByKeyboard(page);
	await expect(dash.locator('.big-number')).toHaveText(/^1 of/);
});

test('export, clear storage, import: progress is back', async ({ page }) => {
	await openQuiz(page);
	await passByKeyboard(page);
	await page.goto('dashboard/');
	await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export progress to a file' }).click(),
	]);
	const path = await download.path();
	const exported = readFileSync(path, 'utf8');
	expect(JSON.parse(exported)).toMatchObject({ format: 'secure-ai-academy/progress', version: 1 });
	await expect(page.locator('#backup')).toBeVisible();
	await page.evaluate(() => localStorage.clear());
	await page.reload();
	await expect(page.locator('.big-number')).toHaveText(/^0 of/);
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
	await expect(page.getByText(/Imported 1 new attempt .*from “backup.json”/)).toBeVisible();
	await expect(page.locator('.big-number')).toHaveText(/^1 of/);
	// The same file again adds nothing, and says so with the counts.
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
	await expect(page.locator('.message-ok')).toContainText(
		/^Nothing new: 1 attempt (and \d+ module records? )?in “backup.json” (is|are) already stored here, so your progress is unchanged\.$/,
	);
	await expect(page.locator('.big-number')).toHaveText(/^1 of/);
	await page.reload();
	await expect(page.locator('.big-number')).toHaveText(/^1 of/);
});

test('a tampered or foreign import file is refused and changes nothing', async ({ page }) => {
	await page.goto('dashboard/');
	await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	const before = await page.evaluate(() => localStorage.getItem('saa:progress'));
	const files = [
		['notes.json', '{"hello": "world"}', /not a Secure AI Academy progress export/],
		[
			'broken.json',
			'{"format": "secure-ai-academy/progress", "version": 1, "data": {"attempts": "all of them", "modules": {}}}',
			/looks edited or damaged/,
		],
		[
			'future.json',
			'{"format": "secure-ai-academy/progress", "version": 42, "data": {}}',
			/newer version of this site/,
		],
		['picture.json', '\u0089PNG\r\n', /^This is a PNG image, not a progress file\./],
	] as const;
	for (const [name, text, message] of files) {
		await page
			.locator('input[type=file]')
			.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
		await expect(page.locator('.message-bad')).toHaveText(message);
		await expect(page.locator('.message-bad')).toContainText('Nothing was changed.');
	}
	expect(await page.evaluate(() => localStorage.getItem('saa:progress'))).toBe(before);
});

test('corrupt stored progress: the learner is told, and the raw value is downloadable', async ({ page }) => {
	await page.goto('dashboard/');
	// Wait for the island: a store created after the value is set would already repair it.
	await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	await page.evaluate(() => localStorage.setItem('saa:progress', '{"version":1,"data":{"attempts":[{"id":'));
	await page.reload();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Saved progress could not be read.');
	await expect(alert).toContainText('kept aside');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		alert.getByRole('button', { name: 'Download the unreadable data' }).click(),
	]);
	expect(readFileSync(await download.path(), 'utf8')).toBe('{"version":1,"data":{"attempts":[{"id":');
	const kept = await page.evaluate(() =>
		Object.keys(localStorage).filter((k) => k.startsWith('saa:progress:corrupt:')),
	);
	expect(kept).toHaveLength(1);
	await expectNoAxeViolations(page, 'dashboard with corrupt-storage alert');
});

test('storage that refuses writes: the quiz still works, and a notice says progress is not kept', async ({
	page,
}) => {
	await page.addInitScript(() => {
		const real = Storage.prototype.setItem;
		Storage.prototype.setItem = function (key: string, value: string) {
			if (key === 'saa:progress') throw new DOMException('Quota exceeded', 'QuotaExceededError');
			return real.call(this, key, value);
		};
	});
	await openQuiz(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.getByRole('button', { name: 'Finish and record this practice' }).click();
	await expect(page.locator('.quiz-result')).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Progress is not being saved.');
	await expect(page.getByRole('alert')).toContainText('storage is full');
});

test('storage blocked entirely: quizzes work in memory with a notice', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
	await openQuiz(page);
	await expect(page.getByRole('alert')).toContainText('not letting the site store data');
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.getByRole('button', { name: 'Finish and record this practice' }).click();
	await expect(page.locator('.quiz-result .score')).toBeVisible();
});

test('reset one quiz and reset everything ask for confirmation first', async ({ page }) => {
	await openQuiz(page);
	await passByKeyboard(page);
	await page.goto('dashboard/');
	await expect(page.locator('.big-number')).toHaveText(/^1 of/);
	await page.getByRole('button', { name: /Reset the quiz for Principle 1/ }).click();
	await page.getByRole('button', { name: 'Keep them' }).click();
	await expect(page.locator('.big-number')).toHaveText(/^1 of/);
	await page.getByRole('button', { name: 'Reset all progress…' }).click();
	await page.getByRole('button', { name: 'Yes, delete everything' }).click();
	await expect(page.locator('.big-number')).toHaveText(/^0 of/);
	await expect(page.getByText('All progress in this browser was deleted.')).toBeVisible();
});
