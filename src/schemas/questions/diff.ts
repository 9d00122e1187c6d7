/**
 * Unified diffs as question content (choose-the-fix, review-the-change): the checks the schemas
 * run at build time (marks, and that a fix fits its snippet). How lines are read is in
 * `diff-lines.ts`, which is all the quiz page needs.
 */
import { z } from '../zod.ts';
import { parseDiff } from './diff-lines.ts';

export { type DiffLine, type DiffMark, MARK_WORDS, parseDiff } from './diff-lines.ts';

/**
 * Diff text: unlike prose it is not trimmed, since a first line of unchanged code starts with a
 * space. In YAML, a block whose first line starts with a space needs an indentation indicator:
 * `diff: |2` (content indented two spaces more than the key).
 */
export const DiffText = (what: string) =>
	z
		.string({ error: `${what} is required and must be text` })
		.refine((s) => s.trim().length > 0, { error: `${what} must not be empty` })
		.transform((s) => s.replace(/\n+$/, ''));

export interface DiffProblem {
	/** 1-based line of the diff the problem is on. */
	line: number;
	message: string;
}

/** Problems with the marks themselves: a line without a mark, or a diff that changes nothing. */
export function diffMarkProblems(diff: string): DiffProblem[] {
	const lines = parseDiff(diff);
	const out: DiffProblem[] = lines
		.filter((l) => l.mark === undefined)
		.map((l) => ({
			line: l.n,
			message: `diff line ${l.n} ${JSON.stringify(l.text)} does not start with " " (unchanged), "-" (removed), "+" (added) or "@@"`,
		}));
	if (!lines.some((l) => l.mark === 'added' || l.mark === 'removed'))
		out.push({ line: 1, message: 'the diff changes nothing: add at least one "-" or "+" line' });
	return out;
}

const same = (a: string, b: string) => a.trimEnd() === b.trimEnd();

/**
 * Checks that the diff applies to `source`: within each hunk, the unchanged and removed lines,
 * in order, are consecutive lines of the snippet, and hunks come in snippet order. Returns the
 * first problem, naming the diff line and what the snippet has there.
 */
export function diffFitProblem(diff: string, source: string): DiffProblem | undefined {
	const code = source.replace(/\n$/, '').split('\n');
	const hunks: { n: number; text: string }[][] = [[]];
	for (const l of parseDiff(diff)) {
		if (l.mark === 'hunk') hunks.push([]);
		else if (l.mark === 'context' || l.mark === 'removed') hunks.at(-1)?.push({ n: l.n, text: l.text });
	}
	let from = 0;
	for (const old of hunks) {
		if (old.length === 0) continue;
		const first = old[0] as { n: number; text: string };
		let bestStart = -1;
		let bestLen = -1;
		for (let s = from; s < code.length; s++) {
			if (!same(code[s] as string, first.text)) continue;
			let k = 0;
			while (
				k < old.length &&
				s + k < code.length &&
				same(code[s + k] as string, (old[k] as { text: string }).text)
			)
				k++;
			if (k > bestLen) {
				bestLen = k;
				bestStart = s;
			}
			if (k === old.length) break;
		}
		if (bestStart < 0)
			return {
				line: first.n,
				message: `diff line ${first.n} ${JSON.stringify(first.text)} is not a line of the snippet${from > 0 ? ` after line ${from}` : ''}: unchanged (" ") and removed ("-") lines must copy the snippet exactly`,
			};
		if (bestLen < old.length) {
			const bad = old[bestLen] as { n: number; text: string };
			const at = bestStart + bestLen;
			return {
				line: bad.n,
				message: `diff line ${bad.n} ${JSON.stringify(bad.text)} does not match snippet line ${at + 1} ${JSON.stringify(code[at] ?? '(end of snippet)')}: unchanged (" ") and removed ("-") lines must copy the snippet, in order`,
			};
		}
		from = bestStart + old.length;
	}
	return undefined;
}
