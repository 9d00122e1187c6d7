/**
 * What every question kind provides to the quiz engine. A kind is one file in this folder,
 * registered in `index.ts`; its content schema lives in `src/schemas/questions/` and its view in
 * `src/islands/kinds/`. The type checker lists anything a new kind still lacks.
 */
import type { z } from '../../../schemas/zod.ts';

/** One line of feedback: an option, a code line, or a step, with what the learner did and why. */
export interface FeedbackLine {
	/** The option text, the code line, or the step. */
	label: string;
	/** For choices and lines: did the learner pick it? For ordering: the learner's position (1-based). */
	chosen: boolean | number;
	/** For choices and lines: should it be picked? For ordering: the correct position (1-based). */
	expected: boolean | number;
	/** Why this is right or wrong. */
	explanation: string;
}

export interface QuestionResult {
	questionId: string;
	/** Credit earned, from 0 to 1 (partial credit for multiple select, ordering, spot-the-line, scenario). */
	credit: number;
	/** True only for a fully correct answer. */
	correct: boolean;
	/** False when the learner left it blank. */
	answered: boolean;
	/** The learner's answer, in words (one entry per choice), for a side-by-side review; empty when blank. */
	yourAnswer: string[];
	/** The correct answer, in words (one entry per right choice). */
	correctAnswer: string[];
	/** Per option / line / step explanations. */
	feedback: FeedbackLine[];
	/** Scenario questions: one result per part. */
	parts?: QuestionResult[];
}

export interface QuestionKind<Q, A> {
	/** Validates a stored or imported answer (never trust storage). */
	answerSchema: z.ZodType<A>;
	/** True when the learner has given an answer the kind can score. */
	isAnswered(question: Q, answer: A | undefined): boolean;
	/** Scores an answer; an undefined answer scores 0 and is reported as unanswered. */
	score(question: Q, answer: A | undefined): QuestionResult;
	/** The question as shown: options or steps in a seeded order (pinned options stay put). */
	arrange(question: Q, seed: string): Q;
}

/** Clamps to [0, 1] and rounds to 4 decimals so stored scores are stable. */
export function credit(value: number): number {
	return Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;
}
