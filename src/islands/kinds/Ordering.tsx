/**
 * Ordering by keyboard or pointer: each step has "Move up" and "Move down" buttons; the list
 * announces the new position. No drag and drop, so it works the same for everyone.
 */
import { useState } from 'react';
import type { OrderingQuestion } from '../../schemas/questions/ordering.ts';
import type { ViewProps } from './types.ts';

export function OrderingView({
	question,
	answer,
	onChange,
	locked,
	uid,
}: ViewProps<OrderingQuestion, { order: string[] }>) {
	const order = answer?.order ?? question.items.map((i) => i.id);
	const text = new Map(question.items.map((i) => [i.id, i.text]));
	const [said, setSaid] = useState('');
	const move = (from: number, to: number) => {
		const next = [...order];
		const [item] = next.splice(from, 1);
		if (item === undefined) return;
		next.splice(to, 0, item);
		onChange({ order: next });
		setSaid(`${text.get(item)}: now step ${to + 1} of ${next.length}.`);
		// Keep focus on the same button of the moved item.
		requestAnimationFrame(() => {
			const dir = to < from ? 'up' : 'down';
			const target =
				document.getElementById(`${uid}-${item}-${dir}`) ??
				document.getElementById(`${uid}-${item}-${dir === 'up' ? 'down' : 'up'}`);
			if (target && !(target as HTMLButtonElement).disabled) target.focus();
			else document.getElementById(`${uid}-${item}-${dir === 'up' ? 'down' : 'up'}`)?.focus();
		});
	};
	return (
		<>
			<p className="hint">Put the steps in order, first at the top. Use the buttons to move a step.</p>
			<ol className="ordering" aria-describedby={`${uid}-said`}>
				{order.map((id, i) => (
					<li key={id} className="ordering-item">
						<div className="ordering-row">
							<span className="ordering-text">{text.get(id)}</span>
							<span className="ordering-buttons">
								<button
									type="button"
									id={`${uid}-${id}-up`}
									className="icon-button"
									disabled={locked || i === 0}
									onClick={() => move(i, i - 1)}
									aria-label={`Move up: ${text.get(id)}`}
								>
									↑
								</button>
								<button
									type="button"
									id={`${uid}-${id}-down`}
									className="icon-button"
									disabled={locked || i === order.length - 1}
									onClick={() => move(i, i + 1)}
									aria-label={`Move down: ${text.get(id)}`}
								>
									↓
								</button>
							</span>
						</div>
					</li>
				))}
			</ol>
			<p id={`${uid}-said`} className="visually-hidden" aria-live="polite">
				{said}
			</p>
		</>
	);
}
