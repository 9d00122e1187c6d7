import { describe, expect, test } from 'vitest';
import { QuizSchema } from '../../src/schemas/quiz.ts';
import { validQuiz } from '../fixtures/content.ts';

/** Parses and returns the issues as "path: message" strings (empty when valid). */
function issues(raw: unknown): string[] {
	const r = QuizSchema.safeParse(raw);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

type Q = ReturnType<typeof validQuiz>;
/** A valid quiz with one change applied. */
function broken(change: (q: Q) => void): Q {
	const q = validQuiz();
	change(q);
	return q;
}
const question = (q: Q, id: string) => {
	const found = q.questions.find((x) => x.id === id);
	if (!found) throw new Error(`no question ${id}`);
	// biome-ignore lint/suspicious/noExplicitAny: tests reach into any question kind to break it.
	return found as any;
};

describe('quiz schema: a valid quiz', () => {
	test('parses, with defaults filled in', () => {
		const r = QuizSchema.parse(validQuiz());
		expect(r.questions).toHaveLength(5);
		const single = r.questions[0];
		expect(single?.type === 'single' && single.options[1]?.correct).toBe(false);
		expect(single?.type === 'single' && single.options[0]?.pinned).toBe(false);
	});
	test('a pool may draw fewer questions than it holds', () => {
		expect(QuizSchema.parse({ ...validQuiz(), draw: 3 }).draw).toBe(3);
	});
	test('passMark defaults to 0.8', () => {
		const { passMark: _, ...rest } = validQuiz();
		expect(QuizSchema.parse(rest).passMark).toBe(0.8);
	});
});

describe('quiz schema: every content rule rejects bad input with a message that says how to fix it', () => {
	const cases: [string, Q | unknown, RegExp][] = [
		['missing id', broken((q) => Reflect.deleteProperty(q, 'id')), /^id: /],
		['id with capitals and spaces', broken((q) => (q.id = 'My Quiz')), /id: an id is lower-case/],
		['revision 0', broken((q) => (q.revision = 0)), /revision/],
		[
			'revision as text',
			broken((q) => Object.assign(q, { revision: '2' })),
			/revision must be a whole number/,
		],
		['passMark given as a percentage', broken((q) => (q.passMark = 80)), /passMark is a fraction/],
		['no questions', broken((q) => (q.questions = [])), /at least one question/],
		[
			'a pool drawing more questions than it has',
			broken((q) => Object.assign(q, { draw: 6 })),
			/draw is 6 but the quiz has only 5 questions/,
		],
		['a pool drawing zero questions', broken((q) => Object.assign(q, { draw: 0 })), /draw is how many/],
		['unknown top-level key (typo)', broken((q) => Object.assign(q, { pasMark: 0.8 })), /pasMark/],
		[
			'duplicate question id',
			broken((q) => (question(q, 'q-multiple').id = 'q-single')),
			/question id "q-single" repeats item 1/,
		],
		[
			'duplicate prompt',
			broken((q) => (question(q, 'q-multiple').prompt = question(q, 'q-single').prompt)),
			/question prompt .* repeats/,
		],
		[
			'unknown question type',
			broken((q) => (question(q, 'q-single').type = 'essay')),
			/unknown question type "essay": use one of single, multiple/,
		],
		[
			'single choice with two correct options',
			broken((q) => (question(q, 'q-single').options[1].correct = true)),
			/exactly one option with correct: true \(found 2\)/,
		],
		[
			'single choice with no correct option',
			broken((q) => (question(q, 'q-single').options[0].correct = false)),
			/exactly one option with correct: true \(found 0\)/,
		],
		[
			'option without explanation',
			broken((q) => Reflect.deleteProperty(question(q, 'q-single').options[0], 'explanation')),
			/options\.0\.explanation: option explanation is required/,
		],
		[
			'blank explanation',
			broken((q) => (question(q, 'q-single').options[0].explanation = '   ')),
			/option explanation must not be empty/,
		],
		[
			'duplicate option text (ignoring case)',
			broken((q) => (question(q, 'q-single').options[1].text = 'RATE LIMITING')),
			/option text .* repeats item 1/,
		],
		[
			'duplicate option id',
			broken((q) => (question(q, 'q-single').options[1].id = 'a')),
			/option id "a" repeats/,
		],
		[
			'one-option single choice',
			broken((q) => question(q, 'q-single').options.pop()),
			/at least two options/,
		],
		[
			'multiple select with no correct option',
			broken((q) => {
				for (const o of question(q, 'q-multiple').options) o.correct = false;
			}),
			/at least one option with correct: true/,
		],
		[
			'multiple select where every option is correct',
			broken((q) => {
				for (const o of question(q, 'q-multiple').options) o.correct = true;
			}),
			/every option is correct/,
		],
		[
			'true-false answer in quotes',
			broken((q) => (question(q, 'q-tf').answer = 'true')),
			/answer must be true or false \(no quotes\)/,
		],
		[
			'true-false without ifFalse',
			broken((q) => Reflect.deleteProperty(question(q, 'q-tf'), 'ifFalse')),
			/ifFalse/,
		],
		['ordering with two items', broken((q) => question(q, 'q-order').items.pop()), /at least three items/],
		[
			'ordering item without explanation',
			broken((q) => Reflect.deleteProperty(question(q, 'q-order').items[0], 'explanation')),
			/item explanation is required/,
		],
		[
			'spot-the-line pointing past the end of the code',
			broken((q) => (question(q, 'q-spot').lines[0].line = 9)),
			/line 9 is past the end of the snippet \(3 lines\)/,
		],
		[
			'spot-the-line with only decoys',
			broken((q) => (question(q, 'q-spot').lines[0].vulnerable = false)),
			/mark at least one line with vulnerable: true/,
		],
		[
			'spot-the-line with a line marked twice',
			broken((q) => (question(q, 'q-spot').lines[1].line = 2)),
			/line 2 is marked twice/,
		],
		[
			'spot-the-line without code',
			broken((q) => Reflect.deleteProperty(question(q, 'q-spot'), 'code')),
			/code/,
		],
		[
			'unsupported code language',
			broken((q) => (question(q, 'q-spot').code.language = 'cobol')),
			/code.language must be one of/,
		],
		[
			'provision id in the wrong shape',
			broken((q) => (question(q, 'q-single').provisions = ['Principle 6'])),
			/a provision id looks like/,
		],
		['not an object at all', 'just a string', /expected object/i],
		['null', null, /expected object/i],
	];
	test.each(cases)('%s', (_name, raw, expected) => {
		const found = issues(raw);
		expect(found.length).toBeGreaterThan(0);
		expect(found.join('\n')).toMatch(expected);
	});
});

describe('quiz schema: hostile input', () => {
	test('__proto__ keys are rejected as unknown keys, not merged', () => {
		const raw = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(validQuiz()).slice(1)}`);
		const found = issues(raw);
		expect(found.join('\n')).toMatch(/__proto__/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
	test('HTML in text is kept as text (rendering escapes it), not rejected', () => {
		const q = broken((x) => (question(x, 'q-single').prompt = '<img src=x onerror=alert(1)> Which?'));
		const r = QuizSchema.parse(q);
		expect(r.questions[0]?.prompt).toContain('<img');
	});
});
