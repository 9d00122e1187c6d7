/**
 * The diff-based kinds in the browser: answered by keyboard alone, axe-clean in both themes,
 * usable at 320 px, and the partial-credit rule stated on screen. The questions come from the
 * test fixtures, served in place of a real module's quiz (see quiz-substitute.ts).
 */
import { expect, type Page, test } from '@playwright/test';
import { type Quiz, QuizSchema } from '../../src/schemas/quiz.ts';
import { chooseTheFixRaw, reviewTheChangeRaw, safeChangeRaw } from '../fixtures/new-kinds.ts';
import { expectNoAxeViolations } from './helpers.ts';
import { openQuizAt, passAssessmentByKeyboard } from './quiz-helpers.ts';
import { substituteQuiz } from './quiz-substitute.ts';

const MODULE = 'modules/sc02-output-handling/';
// Keyboard walks and axe runs (twice) on a shared two-core machine.
test.describe.configure({ timeout: 90_000 });
const quiz: Quiz = QuizSchema.parse({
	id: 'sc02-output-handling',
	revision: 1,
	title: 'Check your understanding: new kinds',
	module: 'sc02-output-handling',
	questions: [chooseTheFixRaw(), reviewTheChangeRaw(), safeChangeRaw()],
});

/** The page's quiz island shows the fixtures (React reports a benign hydration text mismatch). */
async function open(page: Page) {
	await substituteQuiz(page, MODULE, quiz);
	await openQuizAt(page, MODULE);
}

test('choose-the-fix and review-the-change: keyboard only, full marks, axe in light and dark', async ({
	page,
}) => {
	await open(page);
	await passAssessmentByKeyboard(page, quiz);
	await expectNoAxeViolations(page, 'new kinds reviewed (light)');
	await page.emulateMedia({ colorScheme: 'dark' });
	await expectNoAxeViolations(page, 'new kinds reviewed (dark)');
});

test('the new kinds while answering: labelled for screen readers, axe-clean, scoring rule on screen', async ({
	page,
}) => {
	await open(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const fix = page.locator('[data-question-id="summary-escape"]');
	// Each fix is a radio named "Fix A"… and described by its diff, whose lines carry words.
	await expect(fix.getByRole('radio', { name: 'Fix A' })).toHaveAccessibleDescription(
		/Line 1, (added|removed|unchanged): /,
	);
	const review = page.locator('[data-question-id="report-download"]');
	await expect(review.getByRole('checkbox', { name: /^Line 4, added: path = os\.path\.join/ })).toBeVisible();
	await expect(review.getByRole('group', { name: 'Your verdict on this change' })).toBeVisible();
	await expect(review).toContainText('a third each for the verdict, the lines');
	await expectNoAxeViolations(page, 'new kinds while answering');
});

test('review-the-change gives partial credit, and rejecting a safe change scores nothing', async ({
	page,
}) => {
	await open(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const review = page.locator('[data-question-id="report-download"]');
	await review.getByRole('radio', { name: 'Reject the change' }).check();
	await review.getByRole('radio', { name: 'SQL injection in the report lookup' }).check();
	await review.getByRole('button', { name: 'Check answer' }).click();
	await expect(review.locator('.verdict').first()).toHaveText(/Partly correct \(33% credit\)/);
	const safe = page.locator('[data-question-id="timeout-added"]');
	await safe.getByRole('radio', { name: 'Reject the change' }).check();
	await safe.getByRole('radio', { name: 'No flaw: the change is safe' }).check();
	await safe.getByRole('button', { name: 'Check answer' }).click();
	await expect(safe.locator('.verdict').first()).toHaveText(/Not correct/);
});

test('the new kinds at 320 px: no sideways scrolling of the page', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await open(page);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.locator('[data-question-id="report-download"]')).toBeVisible();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
