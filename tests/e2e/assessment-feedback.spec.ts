/**
 * The assessment feedback rule (issue #15): a failed assessment shows the score, the missed
 * questions and what to re-read, never the keyed answers; a passed one shows the full review;
 * and submitting an assessment with unanswered questions asks first, in an accessible dialog.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';
import { answerCorrectly, loadQuiz, openQuizAt, tabTo } from './quiz-helpers.ts';

const MODULE = 'modules/p05-assets/';
const quiz = loadQuiz('p05-assets');
test.describe.configure({ timeout: 90_000 });

/** The texts that would give away the key of a question: its correct options or vulnerable lines. */
function keyTexts(id: string): string[] {
	const q = quiz.questions.find((x) => x.id === id);
	if (!q) return [];
	const parts = q.type === 'scenario' ? q.parts : [q];
	return parts.flatMap((p) => {
		if (p.type === 'single' || p.type === 'multiple')
			return p.options.filter((o) => o.correct).map((o) => o.text);
		if (p.type === 'spot-the-line') {
			const lines = p.code.source.split('\n');
			return p.lines.filter((l) => l.vulnerable).map((l) => (lines[l.line - 1] ?? '').trim());
		}
		if (p.type === 'ordering') return p.items.map((i) => i.explanation);
		if (p.type === 'true-false') return [p.answer ? p.ifTrue : p.ifFalse];
		return [];
	});
}

async function startAssessment(page: Page) {
	await openQuizAt(page, MODULE);
	await page.getByLabel(/Assessment: answer everything/).check();
	await expect(page.locator('.feedback-rule')).toContainText('not the answers');
	await page.getByRole('button', { name: /Start/ }).click();
	return page
		.locator('.quiz-question')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') as string));
}

test('a failed assessment lists missed questions and what to re-read, without the keyed answers', async ({
	page,
}) => {
	const ids = await startAssessment(page);
	// Answer two correctly, leave the rest: a fail.
	for (const id of ids.slice(0, 2)) await answerCorrectly(page, quiz, id);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await page.getByRole('button', { name: 'Submit anyway' }).click();
	await expect(page.locator('.quiz-result .score')).toContainText('Not passed');
	const missedIds = await page
		.locator('[data-missed-id]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-missed-id') as string));
	expect(missedIds.length).toBeGreaterThanOrEqual(ids.length - 2);
	// Rendered text on purpose: the <noscript> copy of the quiz (for browsers without JavaScript) is
	// in the page source but not shown, and textContent would include it.
	// biome-ignore lint/performance/useDomNodeTextContent: see above.
	const text = await page.locator('body').innerText();
	const island = (await page.locator('.quiz-island').textContent()) ?? '';
	for (const id of missedIds) {
		for (const key of keyTexts(id)) {
			expect(text, `key of ${id} shown`).not.toContain(key);
			expect(island, `key of ${id} in the island`).not.toContain(key);
		}
	}
	// No option, line or explanation of any question is rendered at all.
	await expect(page.locator('.quiz-island .quiz-question, .quiz-island .feedback')).toHaveCount(0);
	// Each missed question points to a section that exists on this page.
	const links = await page
		.locator('.missed-reread a')
		.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
	expect(links.length).toBeGreaterThanOrEqual(missedIds.length);
	for (const href of new Set(links))
		await expect(page.locator(`[id="${(href as string).slice(1)}"]`)).toHaveCount(1);
	await expect(page.locator('.missed-provisions a').first()).toHaveAttribute(
		'href',
		/principles\/5\/#provision-/,
	);
	await expectNoAxeViolations(page, 'failed assessment');
	// Reviewing the same attempt later follows the same rule.
	await page.getByRole('button', { name: 'Try again with a fresh draw' }).click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await page.getByText('Past attempts (1)').click();
	await page.locator('.attempt-list button').first().click();
	await expect(page.locator('[data-missed-id]')).toHaveCount(missedIds.length);
	await expect(page.locator('.quiz-island .feedback')).toHaveCount(0);
});

test('a passed assessment shows the full review with explanations', async ({ page }) => {
	const ids = await startAssessment(page);
	for (const id of ids) await answerCorrectly(page, quiz, id);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.locator('.quiz-result .score')).toContainText('100% · Passed');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.locator('.quiz-island .feedback').first()).toBeVisible();
	await expect(page.locator('[data-missed-id]')).toHaveCount(0);
});

test('submitting an assessment with unanswered questions asks first, by keyboard, in an accessible dialog', async ({
	page,
}) => {
	await startAssessment(page);
	await tabTo(page, '.quiz-submit button.button:not(.button-secondary)');
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Submit with unanswered questions?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('10 questions are not answered');
	await expect(dialog.getByRole('button', { name: 'Go back and answer them' })).toBeFocused();
	await expectNoAxeViolations(page, 'confirm dialog');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page.locator('.quiz-submit button.button:not(.button-secondary)')).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(dialog.getByRole('button', { name: 'Submit anyway' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('.quiz-result .score')).toContainText('0% · Not passed');
});
