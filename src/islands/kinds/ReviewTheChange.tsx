/**
 * Review the assistant's change: the proposed diff with every line a checkbox (mark the unsafe
 * ones), then the verdict and the flaw as radio groups. The scoring rule is stated on screen.
 */
import { REVIEW_SCORING_RULE, type ReviewTheChangeAnswer } from '../../core/quiz/kinds/review-the-change.ts';
import type { ReviewTheChangeQuestion } from '../../schemas/questions/review-the-change.ts';
import { DiffLineContent, diffLines } from './Diff.tsx';
import type { ViewProps } from './types.ts';

export function ReviewTheChangeView({
	question,
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<ReviewTheChangeQuestion, ReviewTheChangeAnswer>) {
	const current: ReviewTheChangeAnswer = answer ?? { lines: [] };
	const marked = new Set(current.lines);
	const lines = diffLines(question.change.diff);
	const set = (patch: Partial<ReviewTheChangeAnswer>) => onChange({ ...current, ...patch });
	return (
		<>
			<p className="hint">{REVIEW_SCORING_RULE}</p>
			<fieldset className="code-lines diff-lines" tabIndex={locked ? 0 : undefined}>
				<legend className="visually-hidden">{`The assistant's proposed change, ${question.change.language}, ${lines.length} lines: mark the lines that make it unsafe (none if it is safe)`}</legend>
				<p className="hint diff-legend" aria-hidden="true">
					The assistant's change: + added, − removed. Mark the lines that make it unsafe.
				</p>
				{lines.map((l) => (
					<label
						key={l.n}
						className={`code-line-option diff-${l.mark}${marked.has(l.n) ? ' is-chosen' : ''}`}
						htmlFor={`${uid}-l${l.n}`}
					>
						<input
							type="checkbox"
							id={`${uid}-l${l.n}`}
							checked={marked.has(l.n)}
							disabled={locked}
							onChange={(e) => {
								const next = new Set(marked);
								if (e.currentTarget.checked) next.add(l.n);
								else next.delete(l.n);
								set({ lines: [...next].sort((a, b) => a - b) });
							}}
						/>
						<DiffLineContent n={l.n} mark={l.mark} text={l.text} />
					</label>
				))}
			</fieldset>
			<fieldset className="sub-question">
				<legend>Your verdict on this change</legend>
				<div className="options options-inline">
					{(['accept', 'reject'] as const).map((v) => (
						<label key={v} className="option" htmlFor={`${uid}-verdict-${v}`}>
							<input
								type="radio"
								id={`${uid}-verdict-${v}`}
								name={`${uid}-verdict`}
								checked={current.verdict === v}
								disabled={locked}
								onChange={() => set({ verdict: v })}
							/>
							<span>{v === 'accept' ? 'Accept the change' : 'Reject the change'}</span>
						</label>
					))}
				</div>
			</fieldset>
			<fieldset className="sub-question">
				<legend>What is wrong with it?</legend>
				<div className="options">
					{question.flaws.map((f) => (
						<label key={f.id} className="option" htmlFor={`${uid}-flaw-${f.id}`}>
							<input
								type="radio"
								id={`${uid}-flaw-${f.id}`}
								name={`${uid}-flaw`}
								checked={current.flaw === f.id}
								disabled={locked}
								onChange={() => set({ flaw: f.id })}
							/>
							<span>{f.label}</span>
						</label>
					))}
				</div>
			</fieldset>
		</>
	);
}
