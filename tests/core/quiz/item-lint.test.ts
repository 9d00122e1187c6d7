/**
 * The item lint (issue #15): on every real bank (so it is part of `npm test`), on a cue-laden
 * fixture that must fail and a clean one that must pass, and the cue-follower's arithmetic.
 */
import { describe, expect, it } from 'vitest';
import {
	analyseBank,
	chanceSelectionCredit,
	checkBank,
	formatTable,
	lintBanks,
	shownOrderCredit,
	unmarkedNegatives,
} from '../../../src/core/quiz/item-lint.ts';
import { NOT_YET_REAUTHORED, THRESHOLDS } from '../../../src/core/quiz/item-lint-thresholds.ts';
import { loadContent } from '../../../src/lib/content-files.ts';
import { QuizSchema } from '../../../src/schemas/quiz.ts';
import { cleanBank, cueLadenBank } from '../../fixtures/item-lint-banks.ts';
import { chooseTheFixRaw, reviewTheChangeRaw, safeChangeRaw } from '../../fixtures/new-kinds.ts';

const root = new URL('../../../', import.meta.url).pathname;

describe('item lint on the real banks', () => {
	const { catalog } = loadContent(root);
	const quizzes = catalog.quizzes.map((q) => q.data);
	const result = lintBanks(quizzes);

	it('covers every bank', () => {
		expect(result.reports.length).toBe(quizzes.length);
		expect(formatTable(result)).toContain('| bank |');
	});

	it.each(result.reports.map((r) => r.id))(
		'%s passes the item lint, or is still listed as not yet reauthored',
		(id) => {
			const failures = checkBank(result.reports.find((r) => r.id === id) as never).filter(
				(f) => f.severity === 'error',
			);
			if (NOT_YET_REAUTHORED.includes(id)) {
				expect(
					failures.length,
					`${id} now passes the item lint: remove it from NOT_YET_REAUTHORED in src/core/quiz/item-lint-thresholds.ts`,
				).toBeGreaterThan(0);
			} else {
				expect(failures.map((f) => `${f.question ?? '(bank)'} [${f.rule}] ${f.message}`)).toEqual([]);
			}
		},
	);

	it('lists only banks that exist', () => {
		const ids = new Set(quizzes.map((q) => q.id));
		expect(NOT_YET_REAUTHORED.filter((id) => !ids.has(id))).toEqual([]);
	});

	it('meets the pooled targets once every bank is reauthored', () => {
		const pooledErrors = result.failures.filter((f) => f.bank === '(all banks)');
		expect(pooledErrors.map((f) => f.message)).toEqual([]);
	});
});

describe('item lint on fixtures', () => {
	it('fails a cue-laden bank, naming question and rule', () => {
		const result = lintBanks([cueLadenBank()], []);
		const rules = new Set(result.failures.map((f) => f.rule));
		for (const rule of [
			'keyLongestBank',
			'lengthRatio',
			'trueShareBank',
			'multipleCountShareBank',
			'cueFollowerBank',
			'allNoneOfTheAbove',
			'unmarkedNegative',
		] as const) {
			expect(rules, rule).toContain(rule);
		}
		expect(result.failures).toContainEqual(
			expect.objectContaining({ bank: 'cue-laden', question: 'which-not', rule: 'unmarkedNegative' }),
		);
		expect(result.failures).toContainEqual(
			expect.objectContaining({ bank: 'cue-laden', question: 'poisoning', rule: 'allNoneOfTheAbove' }),
		);
		const report = analyseBank(cueLadenBank());
		// 4 singles keyed longest (1 each), 4 "false" keys (1 each), and 4 multiple-select items
		// with the three long options correct: ticking the two longer than the median earns 2/3
		// each. (4 + 4 + 4 × 2/3) / 12 = 8/9.
		expect(report.cue.stated).toBeCloseTo(8 / 9, 10);
		expect(report.cue.chance).toBeLessThan(0.5);
	});

	it('passes a clean bank', () => {
		const result = lintBanks([cleanBank()], []);
		expect(result.failures.map((f) => `${f.question ?? ''} [${f.rule}] ${f.message}`)).toEqual([]);
		expect(result.reports[0]?.cue.stated).toBeLessThanOrEqual(THRESHOLDS.cueFollowerBank.max);
	});

	it('while listed, a failing bank is reported but does not fail; a passing listed bank is named', () => {
		const listed = lintBanks([cueLadenBank(), cleanBank()], ['cue-laden', 'clean']);
		expect(listed.failures).toEqual([]);
		expect(listed.findings.some((f) => f.bank === 'cue-laden' && f.severity === 'error')).toBe(true);
		expect(listed.passingButListed).toEqual(['clean']);
	});

	it('flags near-duplicate options that only differ in case or punctuation', () => {
		const bank = cleanBank();
		const q = bank.questions[0];
		if (q?.type !== 'single') throw new Error('fixture changed');
		const copy = q.options[1];
		if (!copy) throw new Error('fixture changed');
		copy.text = `${q.options[0]?.text.toUpperCase()}!`;
		expect(checkBank(analyseBank(bank)).map((f) => f.rule)).toContain('duplicateOptions');
	});
});

describe('cue-follower arithmetic', () => {
	it('single choice: the longest option, ties averaged', () => {
		const quiz = QuizSchema.parse({
			id: 'ties',
			revision: 1,
			title: 't',
			module: 't',
			questions: [
				{
					type: 'single',
					id: 'q',
					prompt: 'Pick one?',
					options: [
						{ id: 'a', text: 'aaaa', correct: true, explanation: 'x' },
						{ id: 'b', text: 'bbbb', explanation: 'x' },
						{ id: 'c', text: 'cc', explanation: 'x' },
					],
				},
				{
					type: 'ordering',
					id: 'o',
					prompt: 'Order them.',
					items: ['one', 'two', 'three'].map((t) => ({ id: t, text: t, explanation: 'x' })),
				},
			],
		});
		const r = analyseBank(quiz);
		// (1/2 + shownOrderCredit(3)) / 2, shownOrderCredit(3) = 1/2 − (2/3)/6 = 7/18.
		expect(shownOrderCredit(3)).toBeCloseTo(7 / 18, 10);
		expect(r.cue.stated).toBeCloseTo((0.5 + 7 / 18) / 2, 10);
	});

	it('the diff kinds: longest fix; reject, lines longer than the median changed line, longest flaw', () => {
		const quiz = QuizSchema.parse({
			id: 'diffs',
			revision: 1,
			title: 't',
			module: 't',
			questions: [chooseTheFixRaw(), reviewTheChangeRaw(), safeChangeRaw()],
		});
		// Fix "escape-output" is the longest diff and the key: 1. The review: changed lines 3, 4, 5
		// have trimmed lengths 10, 37, 22, so the median is 22 and only line 4 (the unsafe one) is
		// ticked; the longest flaw label is the key: 1. The safe change is rejected: 0.
		const r = analyseBank(quiz);
		expect(r.cue.stated).toBeCloseTo(2 / 3, 10);
		expect(r.single.keyLongest).toEqual(['summary-escape']);
		// "Accept, no lines, no flaw" earns 1 on the safe change and 0 on the unsafe one: a tie at 1,
		// which keeps the first (stated) tactic.
		expect(r.cue.bestTactics.review).toBe('reject-longer-lines-longest-flaw');
	});

	it('blind ticking: expected partial credit by hand', () => {
		// One right, one wrong, each ticked with p = 1/2: credit 1 only for (hit, no miss) → 1/4.
		expect(chanceSelectionCredit(1, 1)).toBeCloseTo(0.25, 10);
		// Two right, no wrong: E[hits]/2 = 1/2.
		expect(chanceSelectionCredit(2, 0)).toBeCloseTo(0.5, 10);
	});

	it('negative stems: lower-case "not" flagged, capitals and "at least" are fine', () => {
		expect(unmarkedNegatives('The team ships weekly. Which step is not needed?')).toEqual(['not']);
		expect(unmarkedNegatives('The team ships weekly. Which step is NOT needed?')).toEqual([]);
		expect(unmarkedNegatives('Which control needs at least two people?')).toEqual([]);
		expect(unmarkedNegatives('It was not tested. Which provision applies?')).toEqual([]);
	});
});
