/**
 * The lines of a unified diff, as the diff-based kinds show and score them. Kept apart from
 * `diff.ts` (the build-time checks) so the quiz page ships only this. A diff is a list of lines,
 * each starting with one mark: " " (unchanged context), "-" (removed), "+" (added), or "@@" (a
 * hunk header). An empty line counts as an empty context line, since YAML block scalars drop a
 * lone space.
 */

export type DiffMark = 'context' | 'removed' | 'added' | 'hunk';

export interface DiffLine {
	/** 1-based number as displayed. */
	n: number;
	mark: DiffMark;
	/** The code without its mark. */
	text: string;
}

/** Splits a diff into lines; a line with no valid mark comes back with `mark: undefined`. */
export function parseDiff(diff: string): (Omit<DiffLine, 'mark'> & { mark: DiffMark | undefined })[] {
	return diff
		.replace(/\n$/, '')
		.split('\n')
		.map((raw, i) => {
			const n = i + 1;
			if (raw === '') return { n, mark: 'context' as const, text: '' };
			if (raw.startsWith('@@')) return { n, mark: 'hunk' as const, text: raw };
			const c = raw[0];
			const text = raw.slice(1);
			if (c === ' ') return { n, mark: 'context' as const, text };
			if (c === '-') return { n, mark: 'removed' as const, text };
			if (c === '+') return { n, mark: 'added' as const, text };
			return { n, mark: undefined, text: raw };
		});
}

/** Words a screen reader says for each mark (the views also show + and −, never colour alone). */
export const MARK_WORDS: Record<DiffMark, string> = {
	context: 'unchanged',
	removed: 'removed',
	added: 'added',
	hunk: 'section',
};
