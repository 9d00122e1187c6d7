/**
 * JSON Schema for quiz files, generated from the zod schema so editors (VS Code with the YAML
 * extension, JetBrains) autocomplete and flag mistakes as authors type. Rules that need code
 * (exactly one correct option, unique ids...) are only checked by `npm run validate` and the build.
 */

import { QuizSchema } from './quiz.ts';
import { z } from './zod.ts';

export const QUIZ_JSON_SCHEMA_PATH = 'quizzes/quiz.schema.json';

export function quizJsonSchema(): string {
	const schema = z.toJSONSchema(QuizSchema, { io: 'input', unrepresentable: 'any' });
	const withMeta = {
		...schema,
		title: 'Secure AI Academy quiz',
		description:
			'One quiz per YAML file in quizzes/. Generated from src/schemas/quiz.ts by `npm run schema`: do not edit by hand.',
	};
	return `${JSON.stringify(withMeta, null, '\t')}\n`;
}
