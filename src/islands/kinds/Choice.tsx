/** Single choice (radio buttons) and multiple select (checkboxes). */
import type { MultipleSelectQuestion } from '../../schemas/questions/multiple.ts';
import type { SingleChoiceQuestion } from '../../schemas/questions/single.ts';
import { CodeBlock } from './CodeBlock.tsx';
import type { ViewProps } from './types.ts';

export function SingleView({
	question,
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<SingleChoiceQuestion, { choice: string }>) {
	return (
		<>
			{question.code && <CodeBlock code={question.code} />}
			<div className="options">
				{question.options.map((o) => (
					<label key={o.id} className="option" htmlFor={`${uid}-${o.id}`}>
						<input
							type="radio"
							id={`${uid}-${o.id}`}
							name={uid}
							checked={answer?.choice === o.id}
							disabled={locked}
							onChange={() => onChange({ choice: o.id })}
						/>
						<span>{o.text}</span>
					</label>
				))}
			</div>
		</>
	);
}

export function MultipleView({
	question,
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<MultipleSelectQuestion, { choices: string[] }>) {
	const chosen = new Set(answer?.choices ?? []);
	return (
		<>
			{question.code && <CodeBlock code={question.code} />}
			<p className="hint">Select every option that applies.</p>
			<div className="options">
				{question.options.map((o) => (
					<label key={o.id} className="option" htmlFor={`${uid}-${o.id}`}>
						<input
							type="checkbox"
							id={`${uid}-${o.id}`}
							checked={chosen.has(o.id)}
							disabled={locked}
							onChange={(e) => {
								const next = new Set(chosen);
								if (e.currentTarget.checked) next.add(o.id);
								else next.delete(o.id);
								onChange({ choices: question.options.map((x) => x.id).filter((id) => next.has(id)) });
							}}
						/>
						<span>{o.text}</span>
					</label>
				))}
			</div>
		</>
	);
}
