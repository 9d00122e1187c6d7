/** Choose the fix: the vulnerable snippet, then each proposed fix as a diff behind a radio button. */
import type { ChooseTheFixQuestion } from '../../schemas/questions/choose-the-fix.ts';
import { CodeBlock } from './CodeBlock.tsx';
import { DiffBlock } from './Diff.tsx';
import type { ViewProps } from './types.ts';

const letter = (i: number) => String.fromCharCode(65 + i);

export function ChooseTheFixView({
	question,
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<ChooseTheFixQuestion, { choice: string }>) {
	return (
		<>
			<p className="hint">The code as it stands:</p>
			<CodeBlock code={question.code} />
			<p className="hint">
				Choose the one change that removes the flaw and keeps what the code is for. Lines marked + are added,
				lines marked − are removed.
			</p>
			<div className="options">
				{question.fixes.map((f, i) => (
					<label key={f.id} className="option option-fix" htmlFor={`${uid}-${f.id}`}>
						<input
							type="radio"
							id={`${uid}-${f.id}`}
							name={uid}
							checked={answer?.choice === f.id}
							disabled={locked}
							aria-labelledby={`${uid}-${f.id}-name`}
							aria-describedby={`${uid}-${f.id}-diff`}
							onChange={() => onChange({ choice: f.id })}
						/>
						<span className="fix-body">
							<span className="fix-name" id={`${uid}-${f.id}-name`}>
								Fix {letter(i)}
							</span>
							<DiffBlock diff={f.diff} id={`${uid}-${f.id}-diff`} />
						</span>
					</label>
				))}
			</div>
		</>
	);
}
