/** `npm run schema`: regenerates quizzes/quiz.schema.json from src/schemas/quiz.ts. */
import { writeFileSync } from 'node:fs';
import { QUIZ_JSON_SCHEMA_PATH, quizJsonSchema } from '../src/schemas/json-schema.ts';

const target = new URL(`../${QUIZ_JSON_SCHEMA_PATH}`, import.meta.url);
writeFileSync(target, quizJsonSchema());
console.log(`Wrote ${QUIZ_JSON_SCHEMA_PATH}`);
