import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { parse } from 'yaml';
import type { ScenarioPart } from '../../src/schemas/questions/scenario.ts';
import { type Question, type Quiz, QuizSchema } from '../../src/schemas/quiz.ts';

export function loadQuiz(id: string): Quiz {
	return QuizSchema.parse(parse(readFileSync(new URL(`../../quizzes/${id}.yaml`, import.meta.url), 'utf8')));
}

/** Presses Tab (at most 300 times) until the focused element matches the selector. */
export async function tabTo(page: Page, selector: string) {
	for (let i = 0; i < 300; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

const idEnds = (suffix: string) => `[id$="${suffix}"]`;

/** Answers one question correctly with the keyboard only (a scenario: each of its parts). */
export async function answerCorrectly(page: Page, quiz: Quiz, questionId: string) {
	const q = quiz.questions.find((x) => x.id === questionId);
	if (!q) throw new Error(`no question ${questionId}`);
	const scope = `[data-question-id="${questionId}"]`;
	if (q.type === 'scenario') {
		for (const part of q.parts) await answerOne(page, scope, part);
		return;
	}
	await answerOne(page, scope, q);
}

/** One question or scenario part, inside `scope`; ids end in -<question or part id>-<option>. */
async function answerOne(
	page: Page,
	scope: string,
	q: Exclude<Question, { type: 'scenario' }> | ScenarioPart,
) {
	if (q.type === 'single' || q.type === 'true-false') {
		const target = q.type === 'single' ? (q.options.find((o) => o.correct)?.id as string) : String(q.answer);
		await tabTo(page, `${scope} input[type=radio][name$="-${q.id}"]`);
		for (let i = 0; i < 10; i++) {
			if (
				await page.evaluate(
					(s) => document.activeElement?.matches(s) ?? false,
					`${scope} ${idEnds(`-${q.id}-${target}`)}`,
				)
			)
				break;
			await page.keyboard.press('ArrowDown');
		}
		await page.keyboard.press('Space');
		await expect(page.locator(`${scope} ${idEnds(`-${q.id}-${target}`)}`)).toBeChecked();
	} else if (q.type === 'multiple') {
		for (const o of q.options.filter((x) => x.correct)) {
			await tabTo(page, `${scope} ${idEnds(`-${q.id}-${o.id}`)}`);
			await page.keyboard.press('Space');
		}
	} else if (q.type === 'spot-the-line') {
		for (const l of q.lines.filter((x) => x.vulnerable)) {
			await tabTo(page, `${scope} ${idEnds(`-${q.id}-l${l.line}`)}`);
			await page.keyboard.press('Space');
		}
	} else if (q.type === 'ordering') {
		// One step at a time, re-reading the order and focusing the item's own "up" button each
		// time: after a move, focus need not stay with the item that moved.
		for (let want = 0; want < q.items.length; want++) {
			const item = q.items[want]?.id as string;
			for (let guard = 0; guard < q.items.length; guard++) {
				const texts = await page.locator(`${scope} .ordering-item .ordering-text`).allTextContents();
				const now = texts.indexOf(q.items[want]?.text as string);
				if (now <= want) break;
				await page.locator(`${scope} ${idEnds(`-${q.id}-${item}-up`)}`).focus();
				await page.keyboard.press('Enter');
			}
		}
		await expect(page.locator(`${scope} .ordering-item .ordering-text`)).toHaveText(
			q.items.map((i) => i.text),
		);
	} else if (q.type === 'choose-the-fix') {
		await chooseRadio(
			page,
			`${scope} input[type=radio]`,
			`${scope} ${idEnds(`-${q.id}-${q.fixes.find((f) => f.correct)?.id}`)}`,
		);
	} else if (q.type === 'review-the-change') {
		for (const u of q.unsafeLines) {
			await tabTo(page, `${scope} ${idEnds(`-${q.id}-l${u.line}`)}`);
			await page.keyboard.press('Space');
		}
		await chooseRadio(
			page,
			`${scope} input[name$="-verdict"]`,
			`${scope} ${idEnds(`-${q.id}-verdict-${q.verdict}`)}`,
		);
		await chooseRadio(
			page,
			`${scope} input[name$="-flaw"]`,
			`${scope} ${idEnds(`-${q.id}-flaw-${q.flaws.find((f) => f.correct)?.id}`)}`,
		);
	} else {
		throw new Error(`answerCorrectly does not handle ${(q as { type: string }).type}`);
	}
}

/** Tabs into a radio group, arrows to the target and selects it with Space. */
/**
 * The first question drawn that is a choice question (single, multiple, true-false), answerable
 * with the keyboard helpers: its index in the drawn list and its id.
 */
export async function firstChoice(page: Page, quiz: Quiz) {
	// The questions render once the attempt's code has loaded (on Start, or earlier on focus).
	await expect(page.locator('.quiz-question').first()).toBeVisible();
	const ids = await page
		.locator('.quiz-question')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') as string));
	const at = ids.findIndex((qid) =>
		['single', 'multiple', 'true-false'].includes(quiz.questions.find((q) => q.id === qid)?.type ?? ''),
	);
	expect(at).toBeGreaterThanOrEqual(0);
	return { at, id: ids[at] as string };
}

export async function chooseRadio(page: Page, group: string, target: string) {
	await tabTo(page, group);
	for (let i = 0; i < 10; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, target)) break;
		await page.keyboard.press('ArrowDown');
	}
	await page.keyboard.press('Space');
	await expect(page.locator(target)).toBeChecked();
}

/** Opens a module page and waits for its quiz to hydrate. */
export async function openQuizAt(page: Page, modulePath: string) {
	await page.goto(modulePath);
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
}

/** Takes the assessment by keyboard only and answers everything correctly. */
export async function passAssessmentByKeyboard(page: Page, quiz: Quiz) {
	// A radio group is one Tab stop: land on the checked "Practice", then arrow to "Assessment".
	await tabTo(page, '.quiz-island input[type=radio][id$="-practice"]');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel(/Assessment: answer everything/)).toBeChecked();
	await tabTo(page, '.quiz-island .quiz-start > button');
	await page.keyboard.press('Enter');
	const ids = await page
		.locator('.quiz-question')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') as string));
	expect(ids).toHaveLength(quiz.draw ?? quiz.questions.length);
	for (const id of ids) await answerCorrectly(page, quiz, id);
	await tabTo(page, '.quiz-submit button.button:not(.button-secondary)');
	await page.keyboard.press('Enter');
	await expect(page.locator('.quiz-result .score')).toContainText('100% · Passed');
	await expect(page.locator('.quiz-result h3')).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'You scored 100%' })).toHaveCount(1);
}
