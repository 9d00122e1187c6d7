/**
 * A unified diff, line by line: a visible sign column (+, −, blank) and, for screen readers, the
 * words "added", "removed" or "unchanged", so the change is never carried by colour alone.
 */
import type { ReactNode } from 'react';
import { type DiffMark, MARK_WORDS, parseDiff } from '../../schemas/questions/diff.ts';

export const SIGN: Record<DiffMark, string> = { added: '+', removed: '−', context: ' ', hunk: '@' };

export function diffLines(diff: string) {
	return parseDiff(diff).map((l) => ({ ...l, mark: l.mark ?? ('context' as DiffMark) }));
}

/** One line's visible content: number, sign, code, with the mark's word for screen readers. */
export function DiffLineContent({ n, mark, text }: { n: number; mark: DiffMark; text: string }): ReactNode {
	return (
		<>
			<span className="line-no" aria-hidden="true">
				{n}
			</span>
			<span className="diff-sign" aria-hidden="true">
				{SIGN[mark]}
			</span>
			<span className="visually-hidden">{`Line ${n}, ${MARK_WORDS[mark]}: `}</span>
			<code>{mark === 'hunk' ? text : text === '' ? ' ' : text}</code>
		</>
	);
}

/** A read-only diff block (inline content, so it may sit inside a label; name it with aria-describedby). */
export function DiffBlock({ diff, id }: { diff: string; id?: string }) {
	const lines = diffLines(diff);
	return (
		<span className="diff" id={id}>
			{lines.map((l) => (
				<span key={l.n} className={`diff-line diff-${l.mark}`}>
					<DiffLineContent n={l.n} mark={l.mark} text={l.text} />
				</span>
			))}
		</span>
	);
}
