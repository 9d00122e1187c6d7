/**
 * The learner's name for certificates and reports: typed once, kept in this browser's progress
 * record, any script. Used inside other islands (certificates, reports), not on its own.
 */
import { useEffect, useId, useState } from 'react';
import { MAX_NAME_LENGTH } from '../core/progress/limits.ts';
import { loadProgressClient } from './adapters/progress-later.ts';

interface Props {
	/** The saved name, from the progress record. */
	saved: string | undefined;
	/** Text after the label, e.g. why the name is needed. */
	hint?: string;
}

export function LearnerName({ saved, hint }: Props) {
	const id = useId();
	const [value, setValue] = useState(saved ?? '');
	const [error, setError] = useState('');
	const [status, setStatus] = useState('');
	useEffect(() => setValue(saved ?? ''), [saved]);

	const save = async (event: React.SubmitEvent<HTMLFormElement>) => {
		event.preventDefault();
		const trimmed = value.trim();
		// The store and the name's schema load with the page's progress (adapters/progress-later.ts).
		let loaded: [
			Awaited<ReturnType<typeof loadProgressClient>>,
			typeof import('../core/progress/progress.ts'),
		];
		try {
			loaded = await Promise.all([loadProgressClient(), import('../core/progress/progress.ts')]);
		} catch {
			setError(
				'The name was not saved: part of this page did not load. Check your connection and try again.',
			);
			setStatus('');
			return;
		}
		const [{ getProgressStore }, { LearnerNameSchema }] = loaded;
		if (trimmed) {
			const parsed = LearnerNameSchema.safeParse(trimmed);
			if (!parsed.success) {
				setError(
					`This name cannot be used: ${parsed.error.issues[0]?.message ?? 'it is not valid'}. Type it again.`,
				);
				setStatus('');
				return;
			}
		}
		getProgressStore().setLearnerName(trimmed);
		setError('');
		setStatus(trimmed ? 'Name saved in this browser.' : 'Name removed.');
	};

	return (
		<form className="learner-name" onSubmit={(e) => void save(e)}>
			<label htmlFor={`${id}-name`}>Your name, as it should appear</label>
			{hint && (
				<p className="field-hint" id={`${id}-hint`}>
					{hint}
				</p>
			)}
			<div className="learner-name-row">
				<input
					id={`${id}-name`}
					name="learner-name"
					type="text"
					autoComplete="name"
					dir="auto"
					maxLength={MAX_NAME_LENGTH}
					value={value}
					aria-invalid={error ? true : undefined}
					aria-describedby={
						[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined
					}
					onChange={(e) => setValue(e.target.value)}
				/>
				<button type="submit" className="button">
					Save name
				</button>
			</div>
			{error && (
				<p className="field-error" id={`${id}-error`} role="alert">
					{error}
				</p>
			)}
			<p className="field-status" role="status">
				{status}
			</p>
		</form>
	);
}
