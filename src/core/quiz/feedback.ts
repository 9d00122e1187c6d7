/**
 * What a learner sees after an attempt (issue #15):
 * - practice: full feedback on each question as they go, and a full review afterwards;
 * - an assessment that passed: the full review, every answer and explanation;
 * - an assessment that did not pass: the score, which questions were missed, and for each one the
 *   provision it checks and the module section to re-read, but NOT the keyed answer, the options
 *   or the explanations, so a retry tests knowledge rather than memory of the key.
 * The bank itself is public (the no-JavaScript quiz and `/bank/<quiz>.json` carry it for the
 * team report), so this is a teaching rule, not a secret: it keeps the feedback loop honest for a
 * learner who wants it to be.
 */
import type { Question } from '../../schemas/quiz.ts';
import type { QuizMode } from './attempt.ts';
import type { QuestionResult } from './kinds/index.ts';

export type ReviewLevel = 'full' | 'withheld';

/** The feedback rule in one line of code. */
export function reviewLevel(mode: QuizMode, passed: boolean): ReviewLevel {
	return mode === 'assessment' && !passed ? 'withheld' : 'full';
}

/** The rule in words, shown on the quiz and in the docs. */
export const FEEDBACK_RULE =
	'Practice explains every answer as you go. A passed assessment shows the full review; one that did not pass shows your score, the questions you missed and what to re-read, but not the answers.';

export interface SectionRef {
	/** The heading's id on the module page. */
	slug: string;
	/** The heading's text. */
	text: string;
}

export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

const norm = (s: string) =>
	s
		.replace(/`|\*\*|__|\[([^\]]*)\]\([^)]*\)/g, '$1')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/**
 * For each provision cited with `<Provision id="…" />` in a module's MDX body, the section
 * (level 2 or 3 heading) where it is first cited. `headings` are the page's rendered headings
 * (Astro's `render()` gives them with their ids), matched to the source by their text.
 */
export function provisionSections(body: string, headings: readonly Heading[]): Record<string, SectionRef> {
	const out: Record<string, SectionRef> = {};
	const pool = headings.filter((h) => h.depth === 2 || h.depth === 3);
	const used = new Set<number>();
	let current: SectionRef | undefined;
	for (const line of body.split('\n')) {
		const h = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
		if (h) {
			const text = norm(h[2] as string);
			const i = pool.findIndex((x, k) => !used.has(k) && norm(x.text) === text);
			if (i >= 0) {
				used.add(i);
				const found = pool[i] as Heading;
				current = { slug: found.slug, text: found.text };
			}
			continue;
		}
		for (const m of line.matchAll(/<Provision\s+id=["']([0-9.]+)["']/g)) {
			const id = m[1] as string;
			if (current && !Object.hasOwn(out, id)) out[id] = current;
		}
	}
	return out;
}

export interface MissedQuestion {
	questionId: string;
	/** Position in the attempt, from 1. */
	number: number;
	prompt: string;
	/** Credit earned, 0 to 1 (partial credit shows as a share). */
	credit: number;
	/** The provisions the question checks (scenario parts' included), in order, without repeats. */
	provisions: string[];
}

/** The questions of an attempt that did not earn full credit, in the order they were asked. */
export function missedQuestions(
	questions: readonly Question[],
	results: readonly QuestionResult[],
): MissedQuestion[] {
	return questions.flatMap((q, i) => {
		const r = results[i];
		if (!r || r.correct) return [];
		const provisions = [
			...new Set([
				...(q.provisions ?? []),
				...(q.type === 'scenario' ? q.parts.flatMap((p) => p.provisions ?? []) : []),
			]),
		];
		return [{ questionId: q.id, number: i + 1, prompt: q.prompt, credit: r.credit, provisions }];
	});
}
