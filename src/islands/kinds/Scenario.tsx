import type { ScenarioQuestion } from '../../schemas/questions/scenario.ts';
import { CodeBlock } from './CodeBlock.tsx';
import { QuestionView } from './index.tsx';
import type { ViewProps } from './types.ts';

export function ScenarioView({
	question,
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<ScenarioQuestion, { parts: Record<string, unknown> }>) {
	const parts = answer?.parts ?? {};
	return (
		<>
			<div className="scenario-text">
				<p>{question.scenario}</p>
				{question.code && <CodeBlock code={question.code} />}
			</div>
			<ol className="scenario-parts">
				{question.parts.map((part, i) => (
					<li key={part.id}>
						<fieldset>
							<legend>
								Part {i + 1}: {part.prompt}
							</legend>
							<QuestionView
								question={part}
								answer={Object.hasOwn(parts, part.id) ? parts[part.id] : undefined}
								onChange={(a) => onChange({ parts: { ...parts, [part.id]: a } })}
								locked={locked}
								uid={`${uid}-${part.id}`}
							/>
						</fieldset>
					</li>
				))}
			</ol>
		</>
	);
}
