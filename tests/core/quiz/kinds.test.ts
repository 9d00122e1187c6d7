import { describe, expect, test } from 'vitest';
import { isAnswered, questionKinds, scoreQuestion } from '../../../src/core/quiz/kinds/index.ts';
import { pairCredit } from '../../../src/core/quiz/kinds/ordering.ts';
import { QUESTION_TYPES, type Question, QuestionSchema } from '../../../src/schemas/quiz.ts';

const q = (raw: unknown) => QuestionSchema.parse(raw);

const single = q({
	type: 'single',
	id: 's',
	prompt: 'Pick',
	options: [
		{ id: 'a', text: 'Right', correct: true, explanation: 'ea' },
		{ id: 'b', text: 'Wrong', explanation: 'eb' },
		{ id: 'z', text: 'Pinned last', explanation: 'ez', pinned: true },
	],
});
const multi = q({
	type: 'multiple',
	id: 'm',
	prompt: 'Pick all',
	options: [
		{ id: 'a', text: 'A', correct: true, explanation: 'x' },
		{ id: 'b', text: 'B', correct: true, explanation: 'x' },
		{ id: 'c', text: 'C', correct: true, explanation: 'x' },
		{ id: 'd', text: 'D', explanation: 'x' },
	],
});
const tf = q({ type: 'true-false', id: 't', prompt: 'Is it?', answer: false, ifTrue: 'no', ifFalse: 'yes' });
const order = q({
	type: 'ordering',
	id: 'o',
	prompt: 'Order',
	items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase(), explanation: `why ${id}` })),
});
const spot = q({
	type: 'spot-the-line',
	id: 'l',
	prompt: 'Which?',
	code: { language: 'python', source: 'a = 1\nb = eval(x)\nc = 3\nd = os.system(y)\n' },
	lines: [
		{ line: 2, explanation: 'eval' },
		{ line: 4, explanation: 'shell' },
		{ line: 1, vulnerable: false, explanation: 'harmless' },
	],
	otherLines: 'fine',
});
const scenario = q({
	type: 'scenario',
	id: 'sc',
	prompt: 'About the scenario',
	scenario: 'A team ships a chatbot.',
	parts: [
		{ ...single, id: 'p1' },
		{ ...tf, id: 'p2' },
	],
});

describe('registry', () => {
	test('every question type in the schema has a kind', () => {
		expect(Object.keys(questionKinds).sort()).toEqual([...QUESTION_TYPES].sort());
	});
});

describe('single choice', () => {
	test('right, wrong, blank', () => {
		expect(scoreQuestion(single, { choice: 'a' })).toMatchObject({
			credit: 1,
			correct: true,
			answered: true,
		});
		expect(scoreQuestion(single, { choice: 'b' })).toMatchObject({
			credit: 0,
			correct: false,
			answered: true,
		});
		expect(scoreQuestion(single, undefined)).toMatchObject({
			credit: 0,
			answered: false,
			yourAnswer: [],
		});
	});
	test('every option is explained, with what was chosen and what was right side by side', () => {
		const r = scoreQuestion(single, { choice: 'b' });
		expect(r.yourAnswer).toEqual(['Wrong']);
		expect(r.correctAnswer).toEqual(['Right']);
		expect(r.feedback).toEqual([
			{ label: 'Right', chosen: false, expected: true, explanation: 'ea' },
			{ label: 'Wrong', chosen: true, expected: false, explanation: 'eb' },
			{ label: 'Pinned last', chosen: false, expected: false, explanation: 'ez' },
		]);
	});
	test('malformed or unknown answers count as blank, never as right', () => {
		for (const bad of [
			{ choice: 'nope' },
			{ choice: 1 },
			'a',
			null,
			{ choice: 'a', extra: true },
			[],
			JSON.parse('{"__proto__": {"choice": "a"}}'),
		]) {
			expect(scoreQuestion(single, bad).credit).toBe(0);
			expect(isAnswered(single, bad)).toBe(false);
		}
	});
	test('options are shuffled by seed; pinned options stay put', () => {
		const orders = new Set<string>();
		for (let i = 0; i < 20; i++) {
			const arranged = questionKinds.single.arrange(
				single as Extract<Question, { type: 'single' }>,
				`seed${i}`,
			);
			expect(arranged.options[2]?.id).toBe('z');
			orders.add(arranged.options.map((o) => o.id).join(''));
		}
		expect(orders).toEqual(new Set(['abz', 'baz']));
	});
});

describe('multiple select: partial credit = (right picks − wrong picks) / right answers, at least 0', () => {
	test.each([
		[['a', 'b', 'c'], 1, true],
		[['a', 'b'], 0.6667, false],
		[['a'], 0.3333, false],
		[['a', 'b', 'c', 'd'], 0.6667, false],
		[['a', 'd'], 0, false],
		[['d'], 0, false],
		[[], 0, false],
	])('%j earns %d', (choices, credit, correct) => {
		expect(scoreQuestion(multi, { choices })).toMatchObject({ credit, correct });
	});
	test('ticking everything earns less than full marks', () => {
		expect(scoreQuestion(multi, { choices: ['a', 'b', 'c', 'd'] }).credit).toBeLessThan(1);
	});
	test('duplicate or unknown ids do not inflate the score', () => {
		expect(scoreQuestion(multi, { choices: ['a', 'a', 'a', 'x'] }).credit).toBe(0.3333);
	});
});

describe('true or false', () => {
	test('scores and explains both answers', () => {
		expect(scoreQuestion(tf, { value: false })).toMatchObject({
			credit: 1,
			yourAnswer: ['False'],
			correctAnswer: ['False'],
		});
		const r = scoreQuestion(tf, { value: true });
		expect(r.credit).toBe(0);
		expect(r.feedback.map((f) => f.explanation)).toEqual(['no', 'yes']);
	});
	test('the string "false" is not an answer', () => {
		expect(scoreQuestion(tf, { value: 'false' })).toMatchObject({ credit: 0, answered: false });
	});
});

describe('ordering: partial credit = share of pairs in the right relative order', () => {
	test.each([
		[['a', 'b', 'c', 'd'], 1],
		[['b', 'a', 'c', 'd'], 0.8333],
		[['d', 'c', 'b', 'a'], 0],
		[['a', 'b', 'c'], 0],
		[['a', 'a', 'b', 'c'], 0],
		[['a', 'b', 'c', 'x'], 0],
	])('%j earns %d', (given, credit) => {
		expect(scoreQuestion(order, { order: given }).credit).toBe(credit);
	});
	test('feedback gives the learner position next to the right one', () => {
		const r = scoreQuestion(order, { order: ['b', 'a', 'c', 'd'] });
		expect(r.feedback[0]).toMatchObject({ label: 'A', chosen: 2, expected: 1, explanation: 'why a' });
	});
	test('pairCredit of a single item is 1', () => {
		expect(pairCredit(['a'], ['a'])).toBe(1);
	});
	test('the shown order is never the answer itself', () => {
		for (let i = 0; i < 50; i++) {
			const shown = questionKinds.ordering.arrange(order as Extract<Question, { type: 'ordering' }>, `s${i}`);
			expect(shown.items.map((x) => x.id).join('')).not.toBe('abcd');
		}
	});
});

describe('spot the line', () => {
	test('both vulnerable lines: full credit', () => {
		expect(scoreQuestion(spot, { lines: [2, 4] })).toMatchObject({
			credit: 1,
			correct: true,
			correctAnswer: ['Line 2: b = eval(x)', 'Line 4: d = os.system(y)'],
		});
	});
	test('one of two: half; a decoy costs a right pick', () => {
		expect(scoreQuestion(spot, { lines: [2] }).credit).toBe(0.5);
		expect(scoreQuestion(spot, { lines: [2, 1] }).credit).toBe(0);
	});
	test('feedback explains picked lines, the vulnerable lines and the decoys', () => {
		const r = scoreQuestion(spot, { lines: [3] });
		expect(r.feedback.map((f) => [f.label, f.chosen, f.expected, f.explanation])).toEqual([
			['Line 1: a = 1', false, false, 'harmless'],
			['Line 2: b = eval(x)', false, true, 'eval'],
			['Line 3: c = 3', true, false, 'fine'],
			['Line 4: d = os.system(y)', false, true, 'shell'],
		]);
	});
	test('line numbers out of range or not numbers are ignored', () => {
		expect(scoreQuestion(spot, { lines: [99] }).credit).toBe(0);
		expect(scoreQuestion(spot, { lines: ['2'] }).credit).toBe(0);
	});
});

describe('scenario', () => {
	test('credit is the average of the parts', () => {
		const r = scoreQuestion(scenario, { parts: { p1: { choice: 'a' }, p2: { value: true } } });
		expect(r.credit).toBe(0.5);
		expect(r.correct).toBe(false);
		expect(r.parts?.map((p) => p.credit)).toEqual([1, 0]);
	});
	test('all parts right is correct; missing or malformed parts count as blank', () => {
		expect(scoreQuestion(scenario, { parts: { p1: { choice: 'a' }, p2: { value: false } } }).correct).toBe(
			true,
		);
		expect(scoreQuestion(scenario, { parts: { p1: { choice: 'a' }, p2: 'false' } }).credit).toBe(0.5);
		expect(isAnswered(scenario, { parts: { p1: { choice: 'a' } } })).toBe(false);
	});
	test('a __proto__ key among the parts is ignored', () => {
		const answer = JSON.parse('{"parts": {"__proto__": {"choice": "a"}}}');
		expect(scoreQuestion(scenario, answer).credit).toBe(0);
	});
	test('scenario schema rules: two to five parts, unique part ids, no nested scenarios', () => {
		const base = { type: 'scenario', id: 'x', prompt: 'p', scenario: 's' };
		expect(QuestionSchema.safeParse({ ...base, parts: [single] }).success).toBe(false);
		expect(QuestionSchema.safeParse({ ...base, parts: [single, single] }).error?.issues[0]?.message).toMatch(
			/part id "s" repeats/,
		);
		expect(
			QuestionSchema.safeParse({ ...base, parts: [single, scenario] }).error?.issues[0]?.message,
		).toMatch(/unknown part type "scenario"/);
	});
});
