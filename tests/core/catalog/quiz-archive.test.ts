import { describe, expect, test } from 'vitest';
import { archivePath, checkQuizArchive } from '../../../src/core/catalog/quiz-archive.ts';
import { loadContent } from '../../../src/lib/content-files.ts';
import { type Quiz, QuizSchema } from '../../../src/schemas/quiz.ts';
import { validQuiz } from '../../fixtures/content.ts';

const quiz = (revision: number, id = 'demo-quiz'): Quiz => QuizSchema.parse({ ...validQuiz(), id, revision });
const at = (q: Quiz, file = archivePath(q.id, q.revision)) => ({ file, data: q });

describe('quiz archive', () => {
	test('a quiz at revision 3 with revisions 1 and 2 archived is fine', () => {
		expect(checkQuizArchive([at(quiz(3), 'quizzes/demo-quiz.yaml')], [at(quiz(1)), at(quiz(2))])).toEqual([]);
	});

	test('a missing earlier revision is named with the file to restore it to', () => {
		const problems = checkQuizArchive([at(quiz(3), 'quizzes/demo-quiz.yaml')], [at(quiz(1))]);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.file).toBe('quizzes/demo-quiz.yaml');
		expect(problems[0]?.message).toMatch(/revision 2 of "demo-quiz" is not in the archive/);
		expect(problems[0]?.fix).toContain('quizzes/archive/demo-quiz/r2.yaml');
	});

	test('an archived file stored under the wrong name, a duplicate and a revision not earlier than the live one are refused', () => {
		const problems = checkQuizArchive(
			[at(quiz(2), 'quizzes/demo-quiz.yaml')],
			[at(quiz(1)), at(quiz(1), 'quizzes/archive/demo-quiz/old.yaml'), at(quiz(2))],
		);
		const messages = problems.map((p) => `${p.file}: ${p.message}`);
		expect(messages).toContainEqual(
			expect.stringMatching(/old\.yaml: .*must be stored as quizzes\/archive\/demo-quiz\/r1\.yaml/),
		);
		expect(messages).toContainEqual(expect.stringMatching(/revision 1 of "demo-quiz" is archived twice/));
		expect(messages).toContainEqual(
			expect.stringMatching(/r2\.yaml: the archive holds revision 2 .* published quiz is at revision 2/),
		);
	});

	test('a retired quiz may keep archived revisions (its certificates stay checkable)', () => {
		expect(checkQuizArchive([], [at(quiz(1, 'retired-quiz'))])).toEqual([]);
	});

	test("the site's own content keeps every earlier revision of every quiz", () => {
		const { problems, catalog } = loadContent(new URL('../../..', import.meta.url).pathname);
		expect(problems.filter((p) => p.file.startsWith('quizzes/'))).toEqual([]);
		expect(catalog.quizzes.some((q) => q.data.revision > 1)).toBe(true);
	});
});
