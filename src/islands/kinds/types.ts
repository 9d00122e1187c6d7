import type { Question } from '../../schemas/quiz.ts';

/** Props every question view receives. Views only collect answers; the core scores them. */
export interface ViewProps<Q extends Question = Question, A = unknown> {
	question: Q;
	answer: A | undefined;
	onChange: (answer: A) => void;
	/** True once the answer is checked or submitted. */
	locked: boolean;
	/** Unique prefix for element ids. */
	uid: string;
}
