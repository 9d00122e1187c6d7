// @vitest-environment jsdom
/**
 * The quiz island as a component: start, practice checking, assessment scoring and recording,
 * review of a past attempt, marking as read, storage trouble, and the keyboard path through it.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY } from '../../src/core/progress/store.ts';
import { type Quiz, QuizSchema } from '../../src/schemas/quiz.ts';
import { validQuiz } from '../fixtures/content.ts';
import { nextFrame } from './dom.ts';

/** Two questions: a single choice and a true/false; pass mark 50%. */
function smallQuiz(): Quiz {
	const q = validQuiz();
	return QuizSchema.parse({
		...q,
		passMark: 0.5,
		questions: q.questions.filter((x) => x.id === 'q-single' || x.id === 'q-tf'),
	});
}

async function renderQuiz(quiz = smallQuiz()) {
	const { default: QuizIsland } = await import('../../src/islands/Quiz.tsx');
	const user = userEvent.setup();
	const view = render(<QuizIsland quiz={quiz} moduleId="demo-module" />);
	// The progress store loads with a dynamic import() after hydration (issue #22); the quiz says
	// it is ready with data-hydrated.
	await waitFor(() =>
		expect(document.querySelector('.quiz-island')?.getAttribute('data-hydrated')).toBe('true'),
	);
	return { user, view, quiz };
}

/** The attempt engine loads on Start (a dynamic import()); the questions follow. */
const questionsShown = () => screen.findByRole('heading', { name: 'Questions' }, { timeout: 20_000 });

const stored = () => JSON.parse(window.localStorage.getItem(PROGRESS_KEY) ?? '{}').data;
const status = () => screen.getAllByRole('status').find((s) => s.classList.contains('visually-hidden'));

describe('Quiz island', () => {
	it('hydrates, records the visit and describes the quiz before it starts', async () => {
		await renderQuiz();
		expect(screen.getByRole('heading', { level: 2, name: 'Demo quiz' })).toBeTruthy();
		expect(screen.getByText(/2 questions · pass mark 50% · revision 1/)).toBeTruthy();
		expect(document.querySelector('.quiz-island')?.getAttribute('data-hydrated')).toBe('true');
		expect(stored().modules['demo-module'].firstOpenedAt).toMatch(/^\d{4}-/);
		expect((screen.getByRole('radio', { name: /Practice/ }) as HTMLInputElement).checked).toBe(true);
		expect(screen.queryByText(/Past attempts/)).toBeNull();
	});

	it('practice: "Check answer" waits for an answer, then explains it and announces the verdict', async () => {
		const { user } = await renderQuiz();
		await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
		await questionsShown();
		expect(status()?.textContent).toBe('Practice started: 2 questions.');
		await nextFrame();
		expect(document.activeElement?.textContent).toBe('Questions');

		const single = screen.getByText('Which control limits how fast a model can be queried?').closest('li');
		if (!single) throw new Error('no single-choice question');
		const check = within(single).getByRole('button', { name: 'Check answer' });
		expect((check as HTMLButtonElement).disabled).toBe(true);
		await user.click(within(single).getByRole('radio', { name: 'A longer system prompt' }));
		expect((check as HTMLButtonElement).disabled).toBe(false);
		await user.click(check);
		expect(within(single).getByText('Not correct')).toBeTruthy();
		expect(within(single).getByText('Prompts do not limit query volume.')).toBeTruthy();
		expect(status()?.textContent).toMatch(/^Question \d: not correct\.$/);
		// Checked answers are locked.
		expect((within(single).getByRole('radio', { name: 'Rate limiting' }) as HTMLInputElement).disabled).toBe(
			true,
		);
		expect(within(single).queryByRole('button', { name: 'Check answer' })).toBeNull();
	});

	it('assessment: warns about unanswered questions, scores, records the attempt and moves focus to the result', async () => {
		const { user } = await renderQuiz();
		await user.click(screen.getByRole('radio', { name: /Assessment/ }));
		await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
		await questionsShown();
		expect(screen.getByText('2 questions not answered yet; unanswered questions score zero.')).toBeTruthy();
		expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();
		await user.click(screen.getByRole('radio', { name: 'Rate limiting' }));
		expect(screen.getByText('1 question not answered yet; unanswered questions score zero.')).toBeTruthy();
		await user.click(screen.getByRole('button', { name: 'Submit answers' }));
		// An unanswered question: the learner is asked first, and nothing is recorded until they confirm.
		expect(screen.getByRole('heading', { name: 'Submit with unanswered questions?' })).toBeTruthy();
		expect(stored().attempts ?? []).toHaveLength(0);
		await user.click(screen.getByRole('button', { name: 'Submit anyway' }));

		expect(status()?.textContent).toBe('You scored 50%: 1 of 2 fully correct. Passed.');
		await nextFrame();
		expect(document.activeElement?.textContent).toBe('Your result');
		expect(screen.getByText(/50% · Passed/)).toBeTruthy();
		const attempts = stored().attempts;
		expect(attempts).toHaveLength(1);
		expect(attempts[0]).toMatchObject({ quizId: 'demo-quiz', mode: 'assessment', score: 0.5, passed: true });

		// "Try again with a fresh draw" starts the new attempt at once (same mode), focus on its questions.
		await user.click(screen.getByRole('button', { name: 'Try again with a fresh draw' }));
		await nextFrame();
		expect(status()?.textContent).toMatch(/^Assessment started: \d+ questions\.$/);
		expect(screen.getByRole('button', { name: 'Submit answers' })).toBeTruthy();
		expect(document.activeElement?.textContent).toBe('Questions');
		expect(stored().attempts).toHaveLength(1);
		await user.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(screen.getByRole('button', { name: 'Start a new attempt' })).toBeTruthy();
		expect(screen.getByText(/✓ Passed on .* · best score 50%/)).toBeTruthy();
		expect(screen.getByText('Past attempts (1)')).toBeTruthy();
	});

	it('a failed assessment says the pass mark; a past attempt opens for review', async () => {
		const { user } = await renderQuiz();
		await user.click(screen.getByRole('radio', { name: /Assessment/ }));
		await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
		await questionsShown();
		await user.click(screen.getByRole('button', { name: 'Submit answers' }));
		await user.click(screen.getByRole('button', { name: 'Submit anyway' }));
		expect(status()?.textContent).toBe(
			'You scored 0%: 0 of 2 fully correct. Not passed; the pass mark is 50%.',
		);
		await user.click(screen.getByRole('button', { name: 'Try again with a fresh draw' }));
		await user.click(screen.getByRole('button', { name: 'Cancel' }));
		await user.click(screen.getByText('Past attempts (1)'));
		await user.click(screen.getByRole('button', { name: /0% not passed \(assessment\)/ }));
		await nextFrame();
		expect(document.activeElement?.textContent).toMatch(/^Review of your attempt on /);
		// A failed assessment's review withholds the keys (quizzes/README.md, the feedback rule).
		expect(screen.getByText(/Answers are not shown after an assessment that did not pass/)).toBeTruthy();
		expect(screen.queryByText('It caps queries per client.')).toBeNull();
	});

	it('marks the module as read and says so', async () => {
		const { user } = await renderQuiz();
		await user.click(screen.getByRole('button', { name: 'Mark this module as read' }));
		expect(screen.getByText(/You marked this module as read on /)).toBeTruthy();
		expect(status()?.textContent).toBe('Module marked as read.');
		expect(stored().modules['demo-module'].completedAt).toMatch(/^\d{4}-/);
	});

	it('tells the learner when storage is blocked, and still works in memory', async () => {
		const proto = Object.getPrototypeOf(window.localStorage) as Storage;
		const original = proto.setItem;
		proto.setItem = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		try {
			const { user } = await renderQuiz();
			expect((await screen.findByRole('alert')).textContent).toMatch(/^Progress is not being saved\./);
			await user.click(screen.getByRole('button', { name: 'Start the quiz' }));
			await questionsShown();
			await user.click(screen.getByRole('button', { name: 'Finish and record this practice' }));
			expect(screen.getByRole('heading', { name: 'Your result' })).toBeTruthy();
		} finally {
			proto.setItem = original;
		}
	});

	it('works from the keyboard alone: Tab to the mode, arrows to choose, Enter and Space to act', async () => {
		const { user } = await renderQuiz();
		await user.tab(); // Mark this module as read
		expect(document.activeElement?.textContent).toBe('Mark this module as read');
		await user.tab(); // the mode radio group
		expect((document.activeElement as HTMLInputElement).checked).toBe(true);
		await user.keyboard('{ArrowDown}');
		expect((screen.getByRole('radio', { name: /Assessment/ }) as HTMLInputElement).checked).toBe(true);
		await user.tab();
		expect(document.activeElement?.textContent).toBe('Start the quiz');
		await user.keyboard('{Enter}');
		await questionsShown();
		await nextFrame();
		expect(document.activeElement?.textContent).toBe('Questions');
		// From the (focusable) heading, Tab reaches the first question's first option; Space picks it.
		await user.tab();
		const first = document.activeElement as HTMLInputElement;
		expect(first.type).toBe('radio');
		await user.keyboard(' ');
		expect(first.checked).toBe(true);
		expect(screen.getByText('1 question not answered yet; unanswered questions score zero.')).toBeTruthy();
		screen.getByRole('button', { name: 'Submit answers' }).focus();
		await user.keyboard('{Enter}');
		// One question is unanswered: the confirmation comes first, and Enter on its button submits.
		screen.getByRole('button', { name: 'Submit anyway' }).focus();
		await user.keyboard('{Enter}');
		expect(stored().attempts).toHaveLength(1);
		await nextFrame();
		expect(document.activeElement?.textContent).toBe('Your result');
	});
});
