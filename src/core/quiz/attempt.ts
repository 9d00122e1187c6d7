/**
 * A quiz attempt: which questions were drawn (and in what order), the answers, and the score.
 * Pure functions; the island keeps the attempt in React state and hands finished attempts to the
 * progress store.
 */
import type { Question, Quiz } from '../../schemas/quiz.ts';
import { isAnswered, kindOf, type QuestionResult, scoreQuestion } from './kinds/index.ts';
import { hashString, shuffle } from './shuffle.ts';

/** practice: feedback after each answer. assessment: feedback after submitting; counts toward certificates. */
export type QuizMode = 'practice' | 'assessment';

export interface Draw {
	/** The seed that fixes which questions, and the order of questions and options. */
	seed: string;
	/** Question ids in the order shown. */
	questionIds: string[];
}

/**
 * Draws the questions for one attempt: `quiz.draw` of them (or all), shuffled by the seed. The same
 * seed gives the same draw, so a review shows exactly what the learner saw.
 */
export function drawQuestions(quiz: Pick<Quiz, 'id' | 'questions' | 'draw'>, seed: string): Draw {
	const all = shuffle(quiz.questions, `${quiz.id}:${seed}`);
	const n = Math.min(quiz.draw ?? all.length, all.length);
	return { seed, questionIds: all.slice(0, n).map((q) => q.id) };
}

/** The drawn questions as shown: in draw order, with options and steps arranged by the seed. */
export function presentQuestions(quiz: Pick<Quiz, 'questions'>, draw: Draw): Question[] {
	const byId = new Map(quiz.questions.map((q) => [q.id, q]));
	return draw.questionIds.flatMap((id) => {
		const q = byId.get(id);
		return q ? [kindOf(q).arrange(q, draw.seed) as Question] : [];
	});
}

/** A new random seed (not security-sensitive: it only varies the draw). */
export function newSeed(random: () => number = Math.random): string {
	return Math.floor(random() * 2 ** 32).toString(36);
}

export interface QuizScore {
	/** Share of credit earned, 0 to 1, over the questions asked. */
	score: number;
	passed: boolean;
	/** Per question, in draw order. */
	results: QuestionResult[];
	answeredCount: number;
	correctCount: number;
}

/** Scores answers against the drawn questions (unknown or malformed answers count as blank). */
export function scoreAttempt(
	quiz: Pick<Quiz, 'questions' | 'passMark'>,
	questionIds: readonly string[],
	answers: Readonly<Record<string, unknown>>,
): QuizScore {
	const byId = new Map(quiz.questions.map((q) => [q.id, q]));
	const asked = questionIds.flatMap((id) => {
		const q = byId.get(id);
		return q ? [q] : [];
	});
	const results = asked.map((q) =>
		scoreQuestion(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined),
	);
	const total = results.reduce((n, r) => n + r.credit, 0);
	const score = asked.length === 0 ? 0 : Math.round((total / asked.length) * 10_000) / 10_000;
	return {
		score,
		// A tiny epsilon so 8/10 with passMark 0.8 passes despite floating point.
		passed: asked.length > 0 && score + 1e-9 >= quiz.passMark,
		results,
		answeredCount: asked.filter((q) => isAnswered(q, answers[q.id])).length,
		correctCount: results.filter((r) => r.correct).length,
	};
}

/** A stable fingerprint of a quiz's content, to notice edits made without raising `revision`. */
export function quizFingerprint(quiz: Pick<Quiz, 'id' | 'revision' | 'questions'>): string {
	return hashString(JSON.stringify([quiz.id, quiz.revision, quiz.questions])).toString(36);
}
