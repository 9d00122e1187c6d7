/**
 * The item lint: measures how much a quiz bank gives away to a learner who knows nothing about
 * the subject but reads surface cues (option length, "always"/"never", words echoed from the
 * stem, a habitual "false"), and flags item-writing faults (all/none of the above, unmarked
 * negative stems, duplicate options). Pure analysis, no file system or DOM: the thresholds and
 * their reasons live in `item-lint-thresholds.ts`; `npm run lint:items` prints the table; the
 * test `tests/core/quiz/item-lint.test.ts` runs it on every bank.
 *
 * The no-knowledge cue-follower (issue #15), exact so that authors' numbers match the lint's: its
 * expected score on a bank is the mean over the pool of each question's expected score under the
 * kind's own scoring function. The 10-of-pool draw is uniform, so by linearity this is also the
 * expected score of one attempt. Per kind it:
 * - single choice (scenario parts and choose-the-fix included): picks the longest option (ties:
 *   the average over the tied options);
 * - true/false: answers "false";
 * - multiple select: ticks every option strictly longer than the median option length of that
 *   question, scored with the partial-credit rule;
 * - spot-the-line: ticks every non-blank line whose trimmed length is strictly longer than the
 *   median trimmed length of the non-blank lines;
 * - ordering: submits the order as shown. The shown order is the kind's seeded shuffle, which we
 *   treat as a uniformly random permutation, except that the correct order is rotated by one, so
 *   the expected pair credit is 1/2 − (2/n)/n!;
 * - review-the-change: rejects, ticks the changed lines ("+" or "-") longer than the median
 *   changed-line length, and names the longest flaw option, scored by the kind's own rule;
 * - scenario: the average of its parts by the rules above.
 * Other tactics (shortest option, the option echoing most stem words, avoiding absolute words,
 * answering "true", ticking everything) are scored too; "best" picks, per bank and per kind, the
 * tactic that pays most there (an upper bound, since it uses hindsight). "chance" is blind
 * guessing: a uniform pick, a coin for true/false, and each option or line ticked with
 * probability 1/2.
 */

import { parseDiff } from '../../schemas/questions/diff-lines.ts';
import type { ReviewTheChangeQuestion } from '../../schemas/questions/review-the-change.ts';
import type { Question, Quiz } from '../../schemas/quiz.ts';
import { ABSOLUTE_WORDS, NOT_YET_REAUTHORED, type RuleId, THRESHOLDS } from './item-lint-thresholds.ts';
import { selectionCredit } from './kinds/choice.ts';
import { reviewCredit } from './kinds/review-the-change.ts';

export type LintQuiz = Pick<Quiz, 'id' | 'questions'>;

// ---------------------------------------------------------------------------------------------
// Scored units: every question, or scenario part, reduced to what the cue-follower sees.

interface Opt {
	text: string;
	correct: boolean;
}
type Unit =
	| { kind: 'single'; path: string; stem: string; options: Opt[]; weight: number }
	| { kind: 'true-false'; path: string; stem: string; answer: boolean; weight: number }
	| { kind: 'multiple'; path: string; stem: string; options: Opt[]; weight: number }
	| { kind: 'spot'; path: string; lines: string[]; vulnerable: Set<number>; weight: number }
	| { kind: 'ordering'; path: string; n: number; weight: number }
	| { kind: 'review'; path: string; question: ReviewTheChangeQuestion; weight: number };

export type UnitKind = Unit['kind'];

function unitsOf(q: Question, weight = 1, prefix = '', context = ''): Unit[] {
	const path = prefix ? `${prefix}/${q.id}` : q.id;
	const stem = `${context} ${q.prompt}`.trim();
	switch (q.type) {
		case 'single':
			return [{ kind: 'single', path, stem, options: q.options, weight }];
		case 'multiple':
			return [{ kind: 'multiple', path, stem, options: q.options, weight }];
		case 'true-false':
			return [{ kind: 'true-false', path, stem, answer: q.answer, weight }];
		case 'ordering':
			return [{ kind: 'ordering', path, n: q.items.length, weight }];
		case 'spot-the-line':
			return [
				{
					kind: 'spot',
					path,
					lines: q.code.source.replace(/\n$/, '').split('\n'),
					vulnerable: new Set(q.lines.filter((l) => l.vulnerable).map((l) => l.line)),
					weight,
				},
			];
		case 'choose-the-fix':
			return [
				{
					kind: 'single',
					path,
					stem,
					options: q.fixes.map((f) => ({ text: f.diff, correct: f.correct })),
					weight,
				},
			];
		case 'review-the-change':
			return [{ kind: 'review', path, question: q, weight }];
		case 'scenario':
			return q.parts.flatMap((p) => unitsOf(p, weight / q.parts.length, path, q.scenario));
	}
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

const ABSOLUTE_RE = new RegExp(`\\b(${ABSOLUTE_WORDS.join('|')})\\b`, 'i');
export const hasAbsolute = (text: string): boolean => ABSOLUTE_RE.test(text);

const ALL_NONE_RE =
	/\b(all|none|both|neither) of (the )?(above|these|those|options|answers|choices|the options above)\b/i;
export const isAllNoneOfTheAbove = (text: string): boolean => ALL_NONE_RE.test(text);

/** The sentences that ask: any ending in "?", and the last one. */
export function questionSentences(stem: string): string[] {
	const sentences = stem
		.split(/(?<=[.?!:])\s+/)
		.map((s) => s.trim())
		.filter(Boolean);
	const out = new Set(sentences.filter((s) => s.endsWith('?')));
	const last = sentences.at(-1);
	if (last) out.add(last);
	return [...out];
}

/** Negative words in the asking sentences that are not written in capitals. */
export function unmarkedNegatives(stem: string): string[] {
	const found: string[] = [];
	for (const s of questionSentences(stem)) {
		for (const m of s.matchAll(/\b(not|except|least|cannot|\w+n't)\b/gi)) {
			const word = m[0];
			const at = m.index ?? 0;
			if (
				word.toLowerCase() === 'least' &&
				(/\bat $/i.test(s.slice(0, at)) || /^[- ]privilege/i.test(s.slice(at + word.length)))
			)
				continue;
			if (word !== word.toUpperCase()) found.push(word);
		}
	}
	return found;
}

const STOP = new Set(
	"this that these those which what when where while with without from into onto over under about after before their there they them then than your yours have has had does did done will would should could shall must been being were also only just each every such some most more many much very other others same both either neither because since until upon within whose whom here why how any all none not its it's it is are was the and for but nor yet our ours you his her hers who can may might".split(
		' ',
	),
);

/** Content words of a text, crudely stemmed (lower case, trailing "s" dropped). */
export function contentWords(text: string): Set<string> {
	const out = new Set<string>();
	for (const m of text.toLowerCase().matchAll(/[a-z][a-z0-9'-]*/g)) {
		const w = m[0].replace(/'s$/, '');
		if (w.length < 4 || STOP.has(w)) continue;
		out.add(w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
	}
	return out;
}

function overlap(stem: Set<string>, text: string): number {
	let n = 0;
	for (const w of contentWords(text)) if (stem.has(w)) n++;
	return n;
}

const normalise = (t: string) =>
	t
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

function median(values: readonly number[]): number {
	const s = [...values].sort((a, b) => a - b);
	if (s.length === 0) return 0;
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const len = (t: string) => t.trim().length;

// ---------------------------------------------------------------------------------------------
// Tactics: expected credit of one unit under one cue.

/** Expected credit when picking uniformly among `chosen` options (indices) in a single-choice item. */
function pickAmong(options: readonly Opt[], chosen: readonly number[]): number {
	const pool = chosen.length ? chosen : options.map((_, i) => i);
	return pool.filter((i) => options[i]?.correct).length / pool.length;
}

function argmax(values: readonly number[]): number[] {
	const max = Math.max(...values);
	return values.flatMap((v, i) => (v === max ? [i] : []));
}

function tickCredit(options: readonly Opt[], tick: (o: Opt, i: number) => boolean): number {
	const items = options.map((o, i) => ({ key: String(i), label: '', expected: o.correct, explanation: '' }));
	const picked = new Set(options.flatMap((o, i) => (tick(o, i) ? [String(i)] : [])));
	return selectionCredit(items, picked);
}

function binomial(n: number): number[] {
	const row = [1];
	for (let k = 1; k <= n; k++) row.push(((row[k - 1] as number) * (n - k + 1)) / k);
	return row.map((c) => c / 2 ** n);
}

/** Expected partial credit when each of `right` + `wrong` items is ticked with probability 1/2. */
export function chanceSelectionCredit(right: number, wrong: number): number {
	if (right === 0) return 0;
	const h = binomial(right);
	const m = binomial(wrong);
	let e = 0;
	h.forEach((ph, hits) => {
		m.forEach((pm, misses) => {
			e += ph * pm * Math.max(0, (hits - misses) / right);
		});
	});
	return e;
}

/** Expected pair credit of submitting the shown order of an `n`-step ordering item. */
export function shownOrderCredit(n: number): number {
	if (n < 2) return 1;
	let fact = 1;
	for (let k = 2; k <= n; k++) fact *= k;
	// Uniform permutations average 1/2; the identity (credit 1) is replaced by a rotation,
	// whose credit is (n − 2)/n.
	return 0.5 - (1 - (n - 2) / n) / fact;
}

type Tactic = (u: never) => number;
type TacticTable = { [K in UnitKind]: Record<string, (u: Extract<Unit, { kind: K }>) => number> };

const TACTICS: TacticTable = {
	single: {
		longest: (u) => pickAmong(u.options, argmax(u.options.map((o) => len(o.text)))),
		shortest: (u) => pickAmong(u.options, argmax(u.options.map((o) => -len(o.text)))),
		'stem-echo': (u) => {
			const stem = contentWords(u.stem);
			return pickAmong(u.options, argmax(u.options.map((o) => overlap(stem, o.text))));
		},
		'avoid-absolutes': (u) =>
			pickAmong(
				u.options,
				u.options.flatMap((o, i) => (hasAbsolute(o.text) ? [] : [i])),
			),
		chance: (u) => 1 / u.options.length,
	},
	'true-false': {
		false: (u) => (u.answer ? 0 : 1),
		true: (u) => (u.answer ? 1 : 0),
		'absolute-is-false': (u) => ((hasAbsolute(u.stem) ? !u.answer : u.answer) ? 1 : 0),
		chance: () => 0.5,
	},
	multiple: {
		'longer-than-median': (u) => {
			const m = median(u.options.map((o) => len(o.text)));
			return tickCredit(u.options, (o) => len(o.text) > m);
		},
		'tick-all': (u) => tickCredit(u.options, () => true),
		'avoid-absolutes': (u) => tickCredit(u.options, (o) => !hasAbsolute(o.text)),
		'stem-echo': (u) => {
			const stem = contentWords(u.stem);
			return tickCredit(u.options, (o) => overlap(stem, o.text) > 0);
		},
		chance: (u) =>
			chanceSelectionCredit(
				u.options.filter((o) => o.correct).length,
				u.options.filter((o) => !o.correct).length,
			),
	},
	spot: {
		'longer-than-median': (u) => {
			const lengths = u.lines.map(len);
			const m = median(lengths.filter((l) => l > 0));
			return lineCredit(u, (i) => (lengths[i] as number) > m);
		},
		'longest-line': (u) => {
			const lengths = u.lines.map(len);
			const top = argmax(lengths);
			return top.reduce((n, i) => n + lineCredit(u, (j) => j === i), 0) / top.length;
		},
		chance: (u) => {
			const nonBlank = u.lines.filter((l) => len(l) > 0).length;
			return chanceSelectionCredit(u.vulnerable.size, nonBlank - u.vulnerable.size);
		},
	},
	ordering: {
		'as-shown': (u) => shownOrderCredit(u.n),
		chance: (u) => shownOrderCredit(u.n),
	},
	review: {
		'reject-longer-lines-longest-flaw': (u) => {
			const changed = parseDiff(u.question.change.diff).filter(
				(l) => l.mark === 'added' || l.mark === 'removed',
			);
			const m = median(changed.map((l) => len(l.text)));
			const lines = changed.filter((l) => len(l.text) > m).map((l) => l.n);
			const flaws = u.question.flaws;
			const top = argmax(flaws.map((f) => len(f.label)));
			return (
				top.reduce(
					(n, i) => n + reviewCredit(u.question, { verdict: 'reject', lines, flaw: flaws[i]?.id }).total,
					0,
				) / top.length
			);
		},
		'accept-no-flaw': (u) => {
			const none = u.question.flaws.find((f) => f.noFlaw);
			return reviewCredit(u.question, { verdict: 'accept', lines: [], flaw: none?.id }).total;
		},
		chance: (u) => {
			const q = u.question;
			const lines = parseDiff(q.change.diff).filter((l) => len(l.text) > 0).length;
			const k = q.flaws.length;
			if (q.verdict === 'accept') return 0.5 * (1 / 3 + (1 / 3) * 0.5 ** lines + 1 / (3 * k));
			return (
				0.5 / 3 + chanceSelectionCredit(q.unsafeLines.length, lines - q.unsafeLines.length) / 3 + 1 / (3 * k)
			);
		},
	},
};

function lineCredit(u: Extract<Unit, { kind: 'spot' }>, tick: (i: number) => boolean): number {
	const items = u.lines.map((_, i) => ({
		key: String(i + 1),
		label: '',
		expected: u.vulnerable.has(i + 1),
		explanation: '',
	}));
	const picked = new Set(u.lines.flatMap((_, i) => (tick(i) ? [String(i + 1)] : [])));
	return selectionCredit(items, picked);
}

/** The stated cue-follower's tactic for each kind (see the file comment). */
export const STATED_STRATEGY: { [K in UnitKind]: keyof (typeof TACTICS)[K] & string } = {
	single: 'longest',
	'true-false': 'false',
	multiple: 'longer-than-median',
	spot: 'longer-than-median',
	ordering: 'as-shown',
	review: 'reject-longer-lines-longest-flaw',
};

function tacticScore(unit: Unit, tactic: string): number {
	const table = TACTICS[unit.kind] as Record<string, Tactic>;
	const f = table[tactic];
	return f ? f(unit as never) : 0;
}

// ---------------------------------------------------------------------------------------------
// The report for one bank.

export interface Finding {
	bank: string;
	/** Question id (scenario parts as `scenario/part`), or undefined for a bank-wide rule. */
	question?: string;
	rule: RuleId;
	severity: 'error' | 'warn';
	message: string;
}

export interface BankReport {
	id: string;
	questions: number;
	single: { n: number; keyLongest: string[]; lengthRatio: number | undefined; stemEcho: string[] };
	trueFalse: { n: number; keyedTrue: number };
	multiple: { n: number; counts: Record<string, number>; maxCountShare: number; correctShare: number };
	absolute: { keys: number; keysWith: number; distractors: number; distractorsWith: number };
	allNone: string[];
	negatives: { question: string; words: string[] }[];
	duplicates: string[];
	cue: {
		/** The stated cue-follower's expected score. */
		stated: number;
		/** Best tactic per kind with hindsight, and its expected score. */
		best: number;
		bestTactics: Partial<Record<UnitKind, string>>;
		/** Blind guessing. */
		chance: number;
	};
	/** Units by kind with their weight, for pooling across banks. */
	units: Unit[];
}

export function analyseBank(quiz: LintQuiz): BankReport {
	const units = quiz.questions.flatMap((q) => unitsOf(q));
	const singles = units.filter((u): u is Extract<Unit, { kind: 'single' }> => u.kind === 'single');
	const multiples = units.filter((u): u is Extract<Unit, { kind: 'multiple' }> => u.kind === 'multiple');
	const tfs = units.filter((u): u is Extract<Unit, { kind: 'true-false' }> => u.kind === 'true-false');

	const keyLongest: string[] = [];
	const stemEcho: string[] = [];
	const ratios: number[] = [];
	for (const u of singles) {
		const key = u.options.find((o) => o.correct);
		const others = u.options.filter((o) => !o.correct);
		if (!key || others.length === 0) continue;
		if (others.every((o) => len(key.text) > len(o.text))) keyLongest.push(u.path);
		ratios.push(len(key.text) / (others.reduce((n, o) => n + len(o.text), 0) / others.length));
		const stem = contentWords(u.stem);
		const k = overlap(stem, key.text);
		if (k > 0 && others.every((o) => overlap(stem, o.text) < k)) stemEcho.push(u.path);
	}

	const counts: Record<string, number> = {};
	let correctOpts = 0;
	let allOpts = 0;
	for (const u of multiples) {
		const c = u.options.filter((o) => o.correct).length;
		const key = `${c}/${u.options.length}`;
		counts[key] = (counts[key] ?? 0) + 1;
		correctOpts += c;
		allOpts += u.options.length;
	}
	const byCorrect = new Map<number, number>();
	for (const u of multiples) {
		const c = u.options.filter((o) => o.correct).length;
		byCorrect.set(c, (byCorrect.get(c) ?? 0) + 1);
	}

	const absolute = { keys: 0, keysWith: 0, distractors: 0, distractorsWith: 0 };
	for (const u of [...singles, ...multiples]) {
		for (const o of u.options) {
			if (o.correct) {
				absolute.keys++;
				if (hasAbsolute(o.text)) absolute.keysWith++;
			} else {
				absolute.distractors++;
				if (hasAbsolute(o.text)) absolute.distractorsWith++;
			}
		}
	}

	const allNone: string[] = [];
	const duplicates: string[] = [];
	for (const u of [...singles, ...multiples]) {
		if (u.options.some((o) => isAllNoneOfTheAbove(o.text))) allNone.push(u.path);
		const seen = new Set<string>();
		for (const o of u.options) {
			const n = normalise(o.text);
			if (seen.has(n)) duplicates.push(u.path);
			seen.add(n);
		}
	}
	const negatives: { question: string; words: string[] }[] = [];
	const checkPrompt = (q: { id: string; prompt: string }, path: string) => {
		const words = unmarkedNegatives(q.prompt);
		if (words.length) negatives.push({ question: path, words });
	};
	for (const q of quiz.questions) {
		if (q.type === 'scenario') {
			checkPrompt(q, q.id);
			for (const p of q.parts) if (p.type !== 'true-false') checkPrompt(p, `${q.id}/${p.id}`);
		} else if (q.type !== 'true-false') checkPrompt(q, q.id);
	}

	return {
		id: quiz.id,
		questions: quiz.questions.length,
		single: {
			n: singles.length,
			keyLongest,
			lengthRatio: ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : undefined,
			stemEcho,
		},
		trueFalse: { n: tfs.length, keyedTrue: tfs.filter((u) => u.answer).length },
		multiple: {
			n: multiples.length,
			counts,
			maxCountShare: multiples.length ? Math.max(...byCorrect.values()) / multiples.length : 0,
			correctShare: allOpts ? correctOpts / allOpts : 0,
		},
		absolute,
		allNone,
		negatives,
		duplicates,
		cue: cueScores(units, quiz.questions.length),
		units,
	};
}

function cueScores(units: readonly Unit[], questions: number): BankReport['cue'] {
	const n = Math.max(1, questions);
	let stated = 0;
	let chance = 0;
	for (const u of units) {
		stated += u.weight * tacticScore(u, STATED_STRATEGY[u.kind]);
		chance += u.weight * tacticScore(u, 'chance');
	}
	let best = 0;
	const bestTactics: Partial<Record<UnitKind, string>> = {};
	for (const kind of Object.keys(TACTICS) as UnitKind[]) {
		const mine = units.filter((u) => u.kind === kind);
		if (mine.length === 0) continue;
		let top = -1;
		for (const tactic of Object.keys(TACTICS[kind])) {
			const s = mine.reduce((sum, u) => sum + u.weight * tacticScore(u, tactic), 0);
			if (s > top) {
				top = s;
				bestTactics[kind] = tactic;
			}
		}
		best += top;
	}
	return { stated: stated / n, best: best / n, bestTactics, chance: chance / n };
}

// ---------------------------------------------------------------------------------------------
// Checking against the thresholds.

function outside(rule: RuleId, value: number, items = Number.POSITIVE_INFINITY): boolean {
	const t = THRESHOLDS[rule] as { min?: number; max?: number; minItems?: number };
	if (t.minItems !== undefined && items < t.minItems) return false;
	return (t.min !== undefined && value < t.min - 1e-9) || (t.max !== undefined && value > t.max + 1e-9);
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const fix2 = (x: number) => x.toFixed(2);

function limits(rule: RuleId): string {
	const t = THRESHOLDS[rule] as { min?: number; max?: number };
	if (t.min !== undefined && t.max !== undefined) return `between ${fix2(t.min)} and ${fix2(t.max)}`;
	if (t.max !== undefined) return `at most ${fix2(t.max)}`;
	return `at least ${fix2(t.min ?? 0)}`;
}

/** The findings for one bank, by its own thresholds (`scope: 'bank'`). */
export function checkBank(r: BankReport): Finding[] {
	const out: Finding[] = [];
	const add = (rule: RuleId, message: string, question?: string) =>
		out.push({
			bank: r.id,
			...(question === undefined ? {} : { question }),
			rule,
			severity: THRESHOLDS[rule].severity,
			message,
		});
	const keyShare = r.single.n ? r.single.keyLongest.length / r.single.n : 0;
	if (outside('keyLongestBank', keyShare, r.single.n))
		add(
			'keyLongestBank',
			`the key is strictly the longest option in ${r.single.keyLongest.length} of ${r.single.n} single-choice items (${pct(keyShare)}; ${limits('keyLongestBank')}): ${r.single.keyLongest.join(', ')}`,
		);
	if (r.single.lengthRatio !== undefined && outside('lengthRatio', r.single.lengthRatio, r.single.n))
		add(
			'lengthRatio',
			`keys average ${fix2(r.single.lengthRatio)} times the length of their distractors (${limits('lengthRatio')})`,
		);
	const trueShare = r.trueFalse.n ? r.trueFalse.keyedTrue / r.trueFalse.n : 0.5;
	if (outside('trueShareBank', trueShare, r.trueFalse.n))
		add(
			'trueShareBank',
			`${r.trueFalse.keyedTrue} of ${r.trueFalse.n} true/false items are keyed true (${pct(trueShare)}; ${limits('trueShareBank')})`,
		);
	if (outside('multipleCountShareBank', r.multiple.maxCountShare, r.multiple.n))
		add(
			'multipleCountShareBank',
			`${pct(r.multiple.maxCountShare)} of multiple-select items have the same number of correct options (${JSON.stringify(r.multiple.counts)}; ${limits('multipleCountShareBank')})`,
		);
	if (outside('multipleCorrectShareBank', r.multiple.correctShare, r.multiple.n))
		add(
			'multipleCorrectShareBank',
			`${pct(r.multiple.correctShare)} of multiple-select options are correct (${limits('multipleCorrectShareBank')})`,
		);
	const gap = absoluteGap(r.absolute);
	if (outside('absoluteGapBank', gap, r.absolute.distractorsWith + r.absolute.keysWith))
		add(
			'absoluteGapBank',
			`absolute words in ${r.absolute.distractorsWith} of ${r.absolute.distractors} distractors but ${r.absolute.keysWith} of ${r.absolute.keys} keys (gap ${fix2(gap)}; ${limits('absoluteGapBank')})`,
		);
	const echo = r.single.n ? r.single.stemEcho.length / r.single.n : 0;
	if (outside('stemEchoBank', echo, r.single.n))
		add(
			'stemEchoBank',
			`the key alone repeats the most stem words in ${r.single.stemEcho.length} of ${r.single.n} single-choice items: ${r.single.stemEcho.join(', ')}`,
		);
	if (outside('cueFollowerBank', r.cue.stated))
		add(
			'cueFollowerBank',
			`a no-knowledge cue-follower expects ${fix2(r.cue.stated)} (${limits('cueFollowerBank')})`,
		);
	if (outside('bestCueBank', r.cue.best))
		add(
			'bestCueBank',
			`the best cue tactic per kind (${Object.entries(r.cue.bestTactics)
				.map(([k, t]) => `${k}: ${t}`)
				.join(', ')}) expects ${fix2(r.cue.best)} (${limits('bestCueBank')})`,
		);
	for (const q of r.allNone) add('allNoneOfTheAbove', 'an option says "all/none of the above"', q);
	for (const n of r.negatives)
		add(
			'unmarkedNegative',
			`the question asks with ${n.words.map((w) => `"${w}"`).join(', ')}: word it positively or write ${n.words.map((w) => w.toUpperCase()).join(', ')}`,
			n.question,
		);
	for (const q of r.duplicates)
		add('duplicateOptions', 'two options say the same thing once case and punctuation are ignored', q);
	return out;
}

function absoluteGap(a: BankReport['absolute']): number {
	const d = a.distractors ? a.distractorsWith / a.distractors : 0;
	const k = a.keys ? a.keysWith / a.keys : 0;
	return d - k;
}

export interface PooledReport {
	banks: number;
	keyLongestShare: number;
	trueShare: number;
	multipleMaxCountShare: number;
	multipleCounts: Record<string, number>;
	absoluteGap: number;
	cueMean: number;
	bestMean: number;
	chanceMean: number;
}

/** Pools the items of several banks (for the `scope: 'all'` rules). */
export function poolBanks(reports: readonly BankReport[]): PooledReport {
	const sum = (f: (r: BankReport) => number) => reports.reduce((n, r) => n + f(r), 0);
	const byCorrect: Record<string, number> = {};
	let multipleN = 0;
	for (const r of reports) {
		for (const u of r.units) {
			if (u.kind !== 'multiple') continue;
			const c = String(u.options.filter((o) => o.correct).length);
			byCorrect[c] = (byCorrect[c] ?? 0) + 1;
			multipleN++;
		}
	}
	const singles = sum((r) => r.single.n);
	const tfs = sum((r) => r.trueFalse.n);
	const n = Math.max(1, reports.length);
	return {
		banks: reports.length,
		keyLongestShare: singles ? sum((r) => r.single.keyLongest.length) / singles : 0,
		trueShare: tfs ? sum((r) => r.trueFalse.keyedTrue) / tfs : 0.5,
		multipleMaxCountShare: multipleN ? Math.max(...Object.values(byCorrect)) / multipleN : 0,
		multipleCounts: byCorrect,
		absoluteGap: absoluteGap({
			keys: sum((r) => r.absolute.keys),
			keysWith: sum((r) => r.absolute.keysWith),
			distractors: sum((r) => r.absolute.distractors),
			distractorsWith: sum((r) => r.absolute.distractorsWith),
		}),
		cueMean: sum((r) => r.cue.stated) / n,
		bestMean: sum((r) => r.cue.best) / n,
		chanceMean: sum((r) => r.cue.chance) / n,
	};
}

/** Findings for the pooled rules (`scope: 'all'`); bank is reported as "(all banks)". */
export function checkPooled(p: PooledReport): Finding[] {
	const out: Finding[] = [];
	const add = (rule: RuleId, message: string) =>
		out.push({ bank: '(all banks)', rule, severity: THRESHOLDS[rule].severity, message });
	if (outside('keyLongestAll', p.keyLongestShare))
		add(
			'keyLongestAll',
			`the key is strictly the longest option in ${pct(p.keyLongestShare)} of single-choice items (${limits('keyLongestAll')})`,
		);
	if (outside('trueShareAll', p.trueShare))
		add('trueShareAll', `${pct(p.trueShare)} of true/false items are keyed true (${limits('trueShareAll')})`);
	if (outside('multipleCountShareAll', p.multipleMaxCountShare))
		add(
			'multipleCountShareAll',
			`${pct(p.multipleMaxCountShare)} of multiple-select items share one count of correct options (${JSON.stringify(p.multipleCounts)}; ${limits('multipleCountShareAll')})`,
		);
	if (outside('absoluteGapAll', p.absoluteGap))
		add(
			'absoluteGapAll',
			`absolute words are ${fix2(p.absoluteGap)} more common in distractors than in keys (${limits('absoluteGapAll')})`,
		);
	if (outside('cueFollowerMean', p.cueMean))
		add(
			'cueFollowerMean',
			`the cue-follower averages ${fix2(p.cueMean)} over the banks (${limits('cueFollowerMean')})`,
		);
	return out;
}

export interface LintResult {
	reports: BankReport[];
	/** Pooled over the banks that are not in the not-yet-reauthored list. */
	pooled: PooledReport;
	/** Pooled over every bank, for the record. */
	pooledAll: PooledReport;
	/** Every finding, by bank. */
	findings: Finding[];
	/** Errors that fail the lint: bank rules of banks not in the list, and pooled rules once the list is empty. */
	failures: Finding[];
	/** Listed banks that already pass every error rule (the list should drop them). */
	passingButListed: string[];
}

export function lintBanks(
	quizzes: readonly LintQuiz[],
	notYet: readonly string[] = NOT_YET_REAUTHORED,
): LintResult {
	const reports = quizzes.map(analyseBank).sort((a, b) => a.id.localeCompare(b.id));
	const listed = new Set(notYet);
	const findings = reports.flatMap(checkBank);
	const counted = reports.filter((r) => !listed.has(r.id));
	const pooled = poolBanks(counted);
	const pooledFindings = checkPooled(pooled);
	const enforcePooled = reports.every((r) => !listed.has(r.id)) && counted.length > 0;
	const failures = [
		...findings.filter((f) => f.severity === 'error' && !listed.has(f.bank)),
		...(enforcePooled ? pooledFindings.filter((f) => f.severity === 'error') : []),
	];
	const erring = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.bank));
	return {
		reports,
		pooled,
		pooledAll: poolBanks(reports),
		findings: [...findings, ...pooledFindings],
		failures,
		passingButListed: reports.filter((r) => listed.has(r.id) && !erring.has(r.id)).map((r) => r.id),
	};
}

// ---------------------------------------------------------------------------------------------
// The table.

export function formatFinding(f: Finding): string {
	return `${f.severity === 'error' ? 'ERROR' : 'warn '} ${f.bank}${f.question ? ` › ${f.question}` : ''} [${f.rule}] ${f.message}`;
}

/** A Markdown table, one row per bank, then the pooled figures. */
export function formatTable(result: LintResult, notYet: readonly string[] = NOT_YET_REAUTHORED): string {
	const listed = new Set(notYet);
	const erring = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.bank));
	const head =
		'| bank | Q | SC | key longest | len ratio | T/F true | MS correct counts | abs. key / distr. | all/none | neg. | dup. | echo | cue | best | chance | status |';
	const rule = `|${head
		.split('|')
		.slice(1, -1)
		.map(() => '---')
		.join('|')}|`;
	const rows = result.reports.map((r) => {
		const counts = Object.entries(r.multiple.counts)
			.sort()
			.map(([k, v]) => `${k}×${v}`)
			.join(' ');
		const status = erring.has(r.id) ? (listed.has(r.id) ? 'fails (listed)' : 'FAILS') : 'ok';
		return `| ${[
			r.id,
			r.questions,
			r.single.n,
			r.single.n ? `${r.single.keyLongest.length}/${r.single.n}` : '-',
			r.single.lengthRatio === undefined ? '-' : fix2(r.single.lengthRatio),
			r.trueFalse.n ? `${r.trueFalse.keyedTrue}/${r.trueFalse.n}` : '-',
			counts || '-',
			`${r.absolute.keysWith}/${r.absolute.keys} · ${r.absolute.distractorsWith}/${r.absolute.distractors}`,
			r.allNone.length,
			r.negatives.length,
			r.duplicates.length,
			r.single.n ? `${r.single.stemEcho.length}/${r.single.n}` : '-',
			fix2(r.cue.stated),
			fix2(r.cue.best),
			fix2(r.cue.chance),
			status,
		].join(' | ')} |`;
	});
	const p = (label: string, x: PooledReport) =>
		`${label} (${x.banks} banks): key longest ${pct(x.keyLongestShare)} · T/F keyed true ${pct(x.trueShare)} · MS largest count share ${pct(x.multipleMaxCountShare)} ${JSON.stringify(x.multipleCounts)} · absolute-word gap ${fix2(x.absoluteGap)} · cue-follower mean ${fix2(x.cueMean)} (best ${fix2(x.bestMean)}, chance ${fix2(x.chanceMean)})`;
	return [
		head,
		rule,
		...rows,
		'',
		p('All banks', result.pooledAll),
		p('Reauthored banks', result.pooled),
	].join('\n');
}
