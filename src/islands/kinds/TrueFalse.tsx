import type { TrueFalseQuestion } from '../../schemas/questions/true-false.ts';
import type { ViewProps } from './types.ts';

export function TrueFalseView({
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<TrueFalseQuestion, { value: boolean }>) {
	return (
		<div className="options options-inline">
			{[true, false].map((v) => (
				<label key={String(v)} className="option" htmlFor={`${uid}-${v}`}>
					<input
						type="radio"
						id={`${uid}-${v}`}
						name={uid}
						checked={answer?.value === v}
						disabled={locked}
						onChange={() => onChange({ value: v })}
					/>
					<span>{v ? 'True' : 'False'}</span>
				</label>
			))}
		</div>
	);
}
