/** The two diff-based kinds: schema (good and bad content) and scoring. */
import { describe, expect, it } from 'vitest';
import { isAnswered, kindOf, scoreQuestion } from '../../../src/core/quiz/kinds/index.ts';
import { reviewCredit } from '../../../src/core/quiz/kinds/review-the-change.ts';
import { diffFitProblem, parseDiff } from '../../../src/schemas/questions/diff.ts';
import { QuestionSchema } from '../../../src/schemas/quiz.ts';
import { chooseTheFixRaw, reviewTheChangeRaw, safeChangeRaw } from '../../fixtures/new-kinds.ts';

const messages = (raw: unknown) => {
	const r = QuestionSchema.safeParse(raw);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('diff helpers', () => {
	it('parses marks and numbers lines as displayed', () => {
		expect(parseDiff(' a\n-b\n+c\n@@\n').map((l) => [l.n, l.mark])).toEqual([
			[1, 'context'],
			[2, 'removed'],
			[3, 'added'],
			[4, 'hunk'],
		]);
	});
	it('accepts a diff that fits, across hunks, and names the line that does not', () => {
		const src = 'one\ntwo\nthree\nfour\n';
		expect(diffFitProblem(' one\n-two\n+TWO\n@@\n four', src)).toBeUndefined();
		expect(diffFitProblem(' one\n-three', src)).toMatchObject({ line: 2 });
		expect(diffFitProblem(' one\n-three', src)?.message).toContain('snippet line 2 "two"');
		expect(diffFitProblem('-five', src)?.message).toContain('is not a line of the snippet');
		// Hunks must come in snippet order.
		expect(diffFitProblem(' four\n@@\n-one', src)).toMatchObject({ line: 3 });
	});
});

describe('choose-the-fix schema', () => {
	it('accepts the example', () => {
		expect(messages(chooseTheFixRaw())).toEqual([]);
	});
	it('refuses a diff whose context does not match the snippet, naming question, fix and line', () => {
		const raw = chooseTheFixRaw();
		(raw.fixes[1] as { diff: string }).diff = '-    text = request.form["txt"]\n+    text = 1';
		const m = messages(raw);
		expect(m).toHaveLength(1);
		expect(m[0]).toMatch(/^fixes\.1\.diff: question "summary-escape", fix "escape-input": diff line 1/);
	});
	it('refuses a line with no mark, and a diff that changes nothing', () => {
		const raw = chooseTheFixRaw();
		(raw.fixes[1] as { diff: string }).diff = 'text = 1\n+x';
		(raw.fixes[2] as { diff: string }).diff = ' @app.post("/summary")';
		const m = messages(raw).join('\n');
		expect(m).toContain('does not start with " " (unchanged)');
		expect(m).toContain('the diff changes nothing');
	});
	it('needs exactly one correct fix, three or four fixes, unique ids, and explanations', () => {
		const two = chooseTheFixRaw();
		(two.fixes[1] as { correct?: boolean }).correct = true;
		expect(messages(two).join()).toContain('exactly one fix needs correct: true (found 2)');
		const few = chooseTheFixRaw();
		few.fixes = few.fixes.slice(0, 2);
		expect(messages(few).join()).toContain('at least three fixes');
		const dup = chooseTheFixRaw();
		(dup.fixes[2] as { id: string }).id = 'escape-input';
		expect(messages(dup).join()).toContain('fix id "escape-input" repeats');
		const bare = chooseTheFixRaw();
		(bare.fixes[0] as { explanation: string }).explanation = ' ';
		expect(messages(bare).join()).toContain('fix explanation must not be empty');
	});
});

describe('review-the-change schema', () => {
	it('accepts a rejected and an accepted example', () => {
		expect(messages(reviewTheChangeRaw())).toEqual([]);
		expect(messages(safeChangeRaw())).toEqual([]);
	});
	it('refuses unsafe lines that are context, past the end or repeated', () => {
		const raw = reviewTheChangeRaw();
		raw.unsafeLines = [
			{ line: 1, explanation: 'x' },
			{ line: 9, explanation: 'x' },
			{ line: 4, explanation: 'x' },
			{ line: 4, explanation: 'x' },
		];
		const m = messages(raw).join('\n');
		expect(m).toContain('line 1 "@app.get');
		expect(m).toContain('is not an added ("+") or removed ("-") line');
		expect(m).toContain('line 9 is past the end of the diff (5 lines)');
		expect(m).toContain('line 4 is listed twice');
	});
	it('ties the verdict to lines and the "no flaw" option', () => {
		const noLines = reviewTheChangeRaw();
		noLines.unsafeLines = [];
		expect(messages(noLines).join()).toContain('a rejected change needs at least one unsafe line');
		const safeWithLines = { ...safeChangeRaw(), unsafeLines: [{ line: 2, explanation: 'x' }] };
		expect(messages(safeWithLines).join()).toContain('an accepted change has no unsafe lines');
		const safeKeyed = safeChangeRaw();
		(safeKeyed.flaws[0] as { correct?: boolean }).correct = false;
		(safeKeyed.flaws[1] as { correct?: boolean }).correct = true;
		expect(messages(safeKeyed).join()).toContain('correct option to be the one with noFlaw: true');
		const two = reviewTheChangeRaw();
		(two.flaws[1] as { correct?: boolean }).correct = true;
		expect(messages(two).join()).toContain('exactly one flaw option needs correct: true (found 2)');
		const few = reviewTheChangeRaw();
		few.flaws = few.flaws.slice(0, 2);
		expect(messages(few).join()).toContain('at least three flaw options');
		expect(messages({ ...reviewTheChangeRaw(), verdict: 'maybe' }).join()).toContain(
			'verdict must be accept or reject',
		);
	});
});

describe('choose-the-fix scoring', () => {
	const q = QuestionSchema.parse(chooseTheFixRaw());
	it('is right or wrong', () => {
		expect(scoreQuestion(q, { choice: 'escape-output' })).toMatchObject({ credit: 1, correct: true });
		expect(scoreQuestion(q, { choice: 'escape-input' })).toMatchObject({ credit: 0, correct: false });
		expect(scoreQuestion(q, undefined)).toMatchObject({ credit: 0, answered: false });
		expect(isAnswered(q, { choice: 'nope' })).toBe(false);
	});
	it('explains every fix and shuffles reproducibly', () => {
		expect(scoreQuestion(q, { choice: 'ask-nicely' }).feedback).toHaveLength(4);
		const a = kindOf(q).arrange(q, 'seed-1');
		expect(kindOf(q).arrange(q, 'seed-1')).toEqual(a);
	});
});

describe('review-the-change scoring', () => {
	const q = QuestionSchema.parse(reviewTheChangeRaw());
	const safe = QuestionSchema.parse(safeChangeRaw());
	if (q.type !== 'review-the-change' || safe.type !== 'review-the-change') throw new Error('fixture');
	it('gives a third each for verdict, lines and flaw', () => {
		expect(scoreQuestion(q, { verdict: 'reject', lines: [4], flaw: 'traversal' })).toMatchObject({
			credit: 1,
			correct: true,
		});
		expect(scoreQuestion(q, { verdict: 'reject', lines: [], flaw: 'sqli' }).credit).toBeCloseTo(1 / 3, 4);
		expect(scoreQuestion(q, { verdict: 'accept', lines: [4], flaw: 'traversal' }).credit).toBeCloseTo(
			2 / 3,
			4,
		);
		// Lines as spot-the-line: one right and one wrong mark → (1 − 1) / 1 = 0.
		expect(reviewCredit(q, { verdict: 'reject', lines: [4, 5], flaw: 'traversal' })).toMatchObject({
			verdict: 1,
			lines: 0,
			flaw: 1,
		});
	});
	it('scores 0 for rejecting a safe change, and full marks for accepting it with no lines and "no flaw"', () => {
		expect(scoreQuestion(safe, { verdict: 'reject', lines: [], flaw: 'none' }).credit).toBe(0);
		expect(scoreQuestion(safe, { verdict: 'accept', lines: [], flaw: 'none' })).toMatchObject({
			credit: 1,
			correct: true,
		});
		expect(scoreQuestion(safe, { verdict: 'accept', lines: [2], flaw: 'none' }).credit).toBeCloseTo(2 / 3, 4);
	});
	it('needs a verdict and a flaw to count as answered; malformed answers are blank', () => {
		expect(isAnswered(q, { verdict: 'reject', lines: [4] })).toBe(false);
		expect(isAnswered(q, { verdict: 'reject', lines: [], flaw: 'sqli' })).toBe(true);
		expect(scoreQuestion(q, { verdict: 'perhaps', lines: 'x' })).toMatchObject({
			credit: 0,
			answered: false,
		});
	});
	it('explains the verdict, each marked or unsafe line, and every flaw option', () => {
		const r = scoreQuestion(q, { verdict: 'reject', lines: [5], flaw: 'sqli' });
		const labels = r.feedback.map((f) => f.label);
		expect(labels[0]).toBe('Verdict: Reject the change');
		expect(labels).toContain('Line 4 (added): path = os.path.join(REPORT_DIR, name)');
		expect(labels).toContain('Line 5 (added): return send_file(path)');
		expect(labels.filter((l) => l.startsWith('Flaw: '))).toHaveLength(4);
	});
	it('keeps "no flaw" in place when shuffling', () => {
		for (const seed of ['a', 'b', 'c', 'd', 'e']) {
			const shown = kindOf(q).arrange(q, seed) as typeof q;
			expect(shown.flaws[3]?.id).toBe('none');
		}
	});
});

describe('diffs written in YAML', () => {
	it('keep a leading unchanged line when the block has an indentation indicator', async () => {
		const { parse } = await import('yaml');
		const doc = parse(
			[
				'change:',
				'  language: python',
				'  diff: |2',
				'     def report(name):',
				'    -    abort(404)',
				'    +    return send_file(name)',
				'',
			].join('\n'),
		) as { change: { diff: string } };
		expect(parseDiff(doc.change.diff).map((l) => l.mark)).toEqual(['context', 'removed', 'added']);
	});
});
