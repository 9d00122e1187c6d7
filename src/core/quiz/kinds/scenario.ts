import type { ScenarioPart, ScenarioQuestion } from '../../../schemas/questions/scenario.ts';
import { z } from '../../../schemas/zod.ts';
import { multiple } from './multiple.ts';
import { ordering } from './ordering.ts';
import { single } from './single.ts';
import { spotTheLine } from './spot-the-line.ts';
import { trueFalse } from './true-false.ts';
import { credit, type QuestionKind, type QuestionResult } from './types.ts';

/** The kinds a scenario part may be. */
const partKinds = {
	single,
	multiple,
	'true-false': trueFalse,
	ordering,
	'spot-the-line': spotTheLine,
} as const;

// biome-ignore lint/suspicious/noExplicitAny: part answers are validated per part kind below.
type AnyKind = QuestionKind<any, any>;
const kindOf = (part: ScenarioPart): AnyKind => partKinds[part.type] as AnyKind;

export type ScenarioAnswer = { parts: Record<string, unknown> };

/** Credit is the average of the parts' credits; correct only when every part is. */
export const scenario: QuestionKind<ScenarioQuestion, ScenarioAnswer> = {
	answerSchema: z.strictObject({ parts: z.record(z.string().max(60), z.unknown()) }),
	isAnswered: (q, a) => a !== undefined && q.parts.every((p) => kindOf(p).isAnswered(p, partAnswer(p, a))),
	score(q, a) {
		const parts: QuestionResult[] = q.parts.map((p) => kindOf(p).score(p, partAnswer(p, a)));
		const total = parts.reduce((n, r) => n + r.credit, 0);
		return {
			questionId: q.id,
			credit: credit(total / parts.length),
			correct: parts.every((r) => r.correct),
			answered: parts.some((r) => r.answered),
			yourAnswer: parts.flatMap((r, i) => r.yourAnswer.map((a) => `Part ${i + 1}: ${a}`)),
			correctAnswer: parts.flatMap((r, i) => r.correctAnswer.map((a) => `Part ${i + 1}: ${a}`)),
			feedback: [],
			parts,
		};
	},
	arrange: (q, seed) => ({
		...q,
		parts: q.parts.map((p) => kindOf(p).arrange(p, `${seed}:${q.id}`) as ScenarioPart),
	}),
};

/** The stored answer for one part, if it is valid for that part's kind. */
function partAnswer(part: ScenarioPart, answer: ScenarioAnswer | undefined): unknown {
	if (!answer || !Object.hasOwn(answer.parts, part.id)) return undefined;
	const parsed = kindOf(part).answerSchema.safeParse(answer.parts[part.id]);
	return parsed.success ? parsed.data : undefined;
}
