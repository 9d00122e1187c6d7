/**
 * Item statistics without telemetry (issue #15; the method of the mdbook-quiz study): from
 * learners' own report files, each question's difficulty (the proportion correct: mean credit,
 * so partial credit counts in part) and discrimination (the point-biserial correlation between
 * the question's score and the rest-score: the learner's total over the other questions of the
 * same attempt). Items everyone gets right, everyone gets wrong, or that stronger learners miss
 * more often than weaker ones (negative discrimination) are flagged for the author.
 *
 * One response vector per learner and quiz revision: the learner's FIRST assessment attempt on
 * that revision, before feedback and retries taught them the items. Pure: give it the learners'
 * counted attempts and the quiz bank.
 */
import type { Attempt } from '../progress/progress.ts';
import { scoreAttempt } from './attempt.ts';
import type { QuizBank } from './evidence.ts';

export type ItemFlag = 'everyone-right' | 'everyone-wrong' | 'negative-discrimination';

export const FLAG_LABELS: Record<ItemFlag, string> = {
	'everyone-right': 'everyone got it right',
	'everyone-wrong': 'everyone got it wrong',
	'negative-discrimination': 'stronger learners miss it more often than weaker ones',
};

/** Fewest responses before an item is flagged at all. */
export const MIN_RESPONSES = 3;
/** Fewest responses before a negative discrimination is flagged (below this it is mostly noise). */
export const MIN_RESPONSES_DISCRIMINATION = 5;

export interface LearnerAttempts {
	learner: string;
	/** The attempts that count (re-scored as consistent). */
	attempts: readonly Attempt[];
}

export interface ItemStat {
	quizId: string;
	revision: number;
	questionId: string;
	/** Learners who were asked the question. */
	n: number;
	/** Mean credit, 0 (nobody) to 1 (everybody). */
	difficulty: number;
	/** Point-biserial (Pearson) correlation with the rest-score; undefined when either does not vary. */
	discrimination: number | undefined;
	flags: ItemFlag[];
}

interface Response {
	credits: Map<string, number>;
}

/** Pearson correlation, or undefined when fewer than two values or no variance. */
export function pearson(x: readonly number[], y: readonly number[]): number | undefined {
	const n = x.length;
	if (n < 2 || y.length !== n) return undefined;
	const mx = x.reduce((a, b) => a + b, 0) / n;
	const my = y.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = (x[i] as number) - mx;
		const dy = (y[i] as number) - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx < 1e-12 || syy < 1e-12) return undefined;
	return sxy / Math.sqrt(sxx * syy);
}

/** Each learner's first assessment attempt per quiz revision, scored per question against the bank. */
export function firstAssessmentResponses(
	learners: readonly LearnerAttempts[],
	bank: QuizBank,
): Map<string, Response[]> {
	const out = new Map<string, Response[]>();
	for (const l of learners) {
		const first = new Map<string, Attempt>();
		for (const a of l.attempts) {
			if (a.mode !== 'assessment') continue;
			const key = `${a.quizId}@${a.revision}`;
			const before = first.get(key);
			if (!before || a.submittedAt < before.submittedAt) first.set(key, a);
		}
		for (const [key, a] of first) {
			const quiz = bank.quiz(a.quizId, a.revision);
			if (!quiz) continue;
			const s = scoreAttempt(quiz, a.questionIds, a.answers);
			const credits = new Map(s.results.map((r) => [r.questionId, r.credit]));
			out.set(key, [...(out.get(key) ?? []), { credits }]);
		}
	}
	return out;
}

/** Difficulty, discrimination and flags for every question anyone was asked, by quiz revision. */
export function itemStats(learners: readonly LearnerAttempts[], bank: QuizBank): ItemStat[] {
	const stats: ItemStat[] = [];
	for (const [key, responses] of firstAssessmentResponses(learners, bank)) {
		const [quizId, rev] = key.split('@') as [string, string];
		const revision = Number(rev);
		const quiz = bank.quiz(quizId, revision);
		for (const q of quiz?.questions ?? []) {
			const x: number[] = [];
			const rest: number[] = [];
			for (const r of responses) {
				const c = r.credits.get(q.id);
				if (c === undefined) continue;
				x.push(c);
				let total = 0;
				for (const [id, v] of r.credits) if (id !== q.id) total += v;
				rest.push(total);
			}
			if (x.length === 0) continue;
			const difficulty = x.reduce((a, b) => a + b, 0) / x.length;
			const discrimination = pearson(x, rest);
			const flags: ItemFlag[] = [];
			if (x.length >= MIN_RESPONSES && x.every((v) => v === 1)) flags.push('everyone-right');
			if (x.length >= MIN_RESPONSES && x.every((v) => v === 0)) flags.push('everyone-wrong');
			if (x.length >= MIN_RESPONSES_DISCRIMINATION && discrimination !== undefined && discrimination < 0)
				flags.push('negative-discrimination');
			stats.push({ quizId, revision, questionId: q.id, n: x.length, difficulty, discrimination, flags });
		}
	}
	return stats.sort(
		(a, b) =>
			a.quizId.localeCompare(b.quizId) || a.revision - b.revision || a.questionId.localeCompare(b.questionId),
	);
}

/** A plain-text table (for the command line). */
export function formatItemStats(stats: readonly ItemStat[]): string {
	const lines = [
		'quiz@revision | question | n | difficulty | discrimination | flags',
		'---|---|---|---|---|---',
	];
	for (const s of stats) {
		lines.push(
			`${s.quizId}@${s.revision} | ${s.questionId} | ${s.n} | ${s.difficulty.toFixed(2)} | ${
				s.discrimination === undefined ? '-' : s.discrimination.toFixed(2)
			} | ${s.flags.map((f) => FLAG_LABELS[f]).join('; ')}`,
		);
	}
	return lines.join('\n');
}
