/** Spot the vulnerable line: every line of the snippet is a checkbox labelled with its number and code. */
import { codeLines } from '../../core/quiz/kinds/spot-the-line.ts';
import type { SpotTheLineQuestion } from '../../schemas/questions/spot-the-line.ts';
import type { ViewProps } from './types.ts';

export function SpotTheLineView({
	question,
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<SpotTheLineQuestion, { lines: number[] }>) {
	const chosen = new Set(answer?.lines ?? []);
	const lines = codeLines(question.code.source);
	return (
		<>
			<p className="hint">Select the line or lines that make this code unsafe.</p>
			{/* Once locked, the checkboxes can't take focus, so the box itself must, to scroll by keyboard. */}
			<fieldset className="code-lines" tabIndex={locked ? 0 : undefined}>
				<legend className="visually-hidden">{`${question.code.language} code, ${lines.length} lines: choose the vulnerable ones`}</legend>
				{lines.map((line, i) => {
					const n = i + 1;
					return (
						<label
							key={n}
							className={`code-line-option${chosen.has(n) ? ' is-chosen' : ''}`}
							htmlFor={`${uid}-l${n}`}
						>
							<input
								type="checkbox"
								id={`${uid}-l${n}`}
								checked={chosen.has(n)}
								disabled={locked}
								onChange={(e) => {
									const next = new Set(chosen);
									if (e.currentTarget.checked) next.add(n);
									else next.delete(n);
									onChange({ lines: [...next].sort((a, b) => a - b) });
								}}
							/>
							<span className="line-no">{n}</span>
							<code>{line === '' ? ' ' : line}</code>
						</label>
					);
				})}
			</fieldset>
		</>
	);
}
