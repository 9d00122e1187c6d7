/**
 * A quiz attempt: which questions were drawn (and in what order), the answers, and the score.
 * Pure functions; the island keeps the attempt in React state and hands finished attempts to the
 * progress store.
 */
import type { Question, Quiz } from '../../schemas/quiz.ts';
import { isAnswered, kindOf, type QuestionResult, scoreQuestion } from './kinds/index.ts';
import { hashString, shuffle } from './shuffle.ts';

/** practice: feedback after each answer. assessment: feedback after submitting; counts toward certificates. */
export type QuizMode = 'practice' | 'assessment';

export interface Draw {
	/** The seed that fixes which questions, and the order of questions and options. */
	seed: string;
	/** Question ids in the order shown. */
	questionIds: string[];
}

/** Marks a seed that carries a "prefer these questions" mask: `<random>-u<hex mask>`. */
const PREFER = '-u';
/**
 * Longest seed made: attempts store the seed (at most 40 characters) and an id
 * `<time in base 36>-<seed>` (at most 40), so 30 leaves room for the 8-character time. A mask
 * fits pools of up to 84 questions; larger pools fall back to a plain (uniform) draw.
 */
const MAX_SEED = 30;

/** The question-id mask a seed carries (true = seen before), if it carries one for this pool size. */
function seedMask(seed: string, size: number): { base: string; seen: boolean[] | undefined } {
	const at = seed.lastIndexOf(PREFER);
	if (at < 0) return { base: seed, seen: undefined };
	const hex = seed.slice(at + PREFER.length);
	if (!/^[0-9a-f]+$/.test(hex) || hex.length !== Math.ceil(size / 4)) return { base: seed, seen: undefined };
	const seen = Array.from(
		{ length: size },
		(_, i) => ((Number.parseInt(hex[i >> 2] as string, 16) >> (i & 3)) & 1) === 1,
	);
	return { base: seed.slice(0, at), seen };
}

/**
 * Draws the questions for one attempt: `quiz.draw` of them (or all), shuffled by the seed. The same
 * seed gives the same draw, so a review shows exactly what the learner saw and a report can be
 * checked. A seed made by `preferUnseenSeed` carries which questions the learner had already seen
 * in an assessment: the shuffled pool is then stably reordered unseen-first before the draw, so
 * unseen questions are drawn first and, among equals, every question is equally likely.
 */
export function drawQuestions(quiz: Pick<Quiz, 'id' | 'questions' | 'draw'>, seed: string): Draw {
	const { base, seen } = seedMask(seed, quiz.questions.length);
	const index = new Map(quiz.questions.map((q, i) => [q.id, i]));
	const shuffled = shuffle(quiz.questions, `${quiz.id}:${base}`);
	const all = seen
		? [
				...shuffled.filter((q) => !seen[index.get(q.id) as number]),
				...shuffled.filter((q) => seen[index.get(q.id) as number]),
			]
		: shuffled;
	const n = Math.min(quiz.draw ?? all.length, all.length);
	return { seed, questionIds: all.slice(0, n).map((q) => q.id) };
}

/**
 * A seed whose draw prefers questions not in `seen`. When nothing or everything has been seen, or
 * the mask would not fit in a stored seed, the plain random seed is returned (a uniform draw).
 */
export function preferUnseenSeed(
	quiz: Pick<Quiz, 'questions'>,
	random: string,
	seen: ReadonlySet<string>,
): string {
	const flags = quiz.questions.map((q) => seen.has(q.id));
	if (!flags.some(Boolean) || flags.every(Boolean) || random.includes(PREFER)) return random;
	let hex = '';
	for (let i = 0; i < flags.length; i += 4) {
		let nibble = 0;
		for (let b = 0; b < 4; b++) if (flags[i + b]) nibble |= 1 << b;
		hex += nibble.toString(16);
	}
	const seed = `${random}${PREFER}${hex}`;
	return seed.length <= MAX_SEED ? seed : random;
}

/** Ids of the questions of `quizId` this learner has been asked in any assessment attempt (any revision). */
export function seenInAssessments(
	attempts: readonly { quizId: string; mode: QuizMode; questionIds: readonly string[] }[],
	quizId: string,
): Set<string> {
	return new Set(
		attempts.filter((a) => a.quizId === quizId && a.mode === 'assessment').flatMap((a) => a.questionIds),
	);
}

/** The drawn questions as shown: in draw order, with options and steps arranged by the seed. */
export function presentQuestions(quiz: Pick<Quiz, 'questions'>, draw: Draw): Question[] {
	const byId = new Map(quiz.questions.map((q) => [q.id, q]));
	return draw.questionIds.flatMap((id) => {
		const q = byId.get(id);
		return q ? [kindOf(q).arrange(q, draw.seed) as Question] : [];
	});
}

/** A new random seed (not security-sensitive: it only varies the draw). */
export function newSeed(random: () => number = Math.random): string {
	return Math.floor(random() * 2 ** 32).toString(36);
}

export interface QuizScore {
	/** Share of credit earned, 0 to 1, over the questions asked. */
	score: number;
	passed: boolean;
	/** Per question, in draw order. */
	results: QuestionResult[];
	answeredCount: number;
	correctCount: number;
}

/** Scores answers against the drawn questions (unknown or malformed answers count as blank). */
export function scoreAttempt(
	quiz: Pick<Quiz, 'questions' | 'passMark'>,
	questionIds: readonly string[],
	answers: Readonly<Record<string, unknown>>,
): QuizScore {
	const byId = new Map(quiz.questions.map((q) => [q.id, q]));
	const asked = questionIds.flatMap((id) => {
		const q = byId.get(id);
		return q ? [q] : [];
	});
	const results = asked.map((q) =>
		scoreQuestion(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined),
	);
	const total = results.reduce((n, r) => n + r.credit, 0);
	const score = asked.length === 0 ? 0 : Math.round((total / asked.length) * 10_000) / 10_000;
	return {
		score,
		// A tiny epsilon so 8/10 with passMark 0.8 passes despite floating point.
		passed: asked.length > 0 && score + 1e-9 >= quiz.passMark,
		results,
		answeredCount: asked.filter((q) => isAnswered(q, answers[q.id])).length,
		correctCount: results.filter((r) => r.correct).length,
	};
}

/** A stable fingerprint of a quiz's content, to notice edits made without raising `revision`. */
export function quizFingerprint(quiz: Pick<Quiz, 'id' | 'revision' | 'questions'>): string {
	return hashString(JSON.stringify([quiz.id, quiz.revision, quiz.questions])).toString(36);
}
