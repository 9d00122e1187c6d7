/** Learner actions on a module page, shared by the cmi5 and LRS feed specs. */
import { expect, type Page } from '@playwright/test';
import { loadQuiz } from '../e2e/quiz-helpers.ts';

/** Takes the module's assessment, all correct (100%) or all unanswered (0%). */
export async function attempt(page: Page, correct: boolean, moduleId = 'p01-awareness') {
	const quiz = loadQuiz(moduleId);
	const again = page.getByRole('button', { name: 'Try again with a fresh draw' });
	// The fresh draw starts an attempt at once; Cancel goes back to the start screen.
	if (await again.isVisible()) {
		await again.click();
		await page.getByRole('button', { name: 'Cancel' }).click();
	}
	let ids: string[] = [];
	for (let i = 0; i < 15; i++) {
		await page.getByLabel(/Assessment: answer everything/).check();
		await page.locator('.quiz-island .quiz-start > button').click();
		ids = await page
			.locator('.quiz-question')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') as string));
		if (!correct || !ids.some((id) => quiz.questions.find((q) => q.id === id)?.type === 'scenario')) break;
		await page.getByRole('button', { name: 'Cancel' }).click();
	}
	if (correct) {
		for (const id of ids) {
			const q = quiz.questions.find((x) => x.id === id);
			const scope = page.locator(`[data-question-id="${id}"]`);
			if (q?.type === 'single')
				await scope.locator(`[id$="-${id}-${q.options.find((o) => o.correct)?.id}"]`).check();
			else if (q?.type === 'true-false') await scope.locator(`[id$="-${id}-${String(q.answer)}"]`).check();
			else if (q?.type === 'multiple')
				for (const o of q.options.filter((x) => x.correct))
					await scope.locator(`[id$="-${id}-${o.id}"]`).check();
			else if (q?.type === 'spot-the-line')
				for (const l of q.lines.filter((x) => x.vulnerable))
					await scope.locator(`[id$="-${id}-l${l.line}"]`).check();
			else if (q?.type === 'ordering') {
				for (let want = 0; want < q.items.length; want++) {
					const texts = await scope.locator('.ordering-item .ordering-text').allTextContents();
					const now = texts.indexOf(q.items[want]?.text as string);
					for (let k = 0; k < now - want; k++)
						await scope.locator(`[id$="-${id}-${q.items[want]?.id}-up"]`).click();
				}
			}
		}
	}
	await page.locator('.quiz-submit button.button:not(.button-secondary)').click();
	// Unanswered questions: the quiz asks first (issue #15's confirmation); submit anyway.
	if (!correct) await page.getByRole('button', { name: 'Submit anyway' }).click();
	await expect(page.locator('.quiz-result .score')).toContainText(correct ? '100% · Passed' : '0%');
}

export async function markRead(page: Page) {
	const again = page.getByRole('button', { name: 'Try again with a fresh draw' });
	// The fresh draw starts an attempt at once; Cancel goes back to the start screen.
	if (await again.isVisible()) {
		await again.click();
		await page.getByRole('button', { name: 'Cancel' }).click();
	}
	await page.getByRole('button', { name: 'Mark this module as read' }).click();
}
