/**
 * The learner's progress with every passed assessment marked again against the published quiz
 * bank (core/progress/screen.ts, the verify page's re-scoring): what the certificates list and the
 * dashboard count as earned. Attempts whose stored score does not match their answers are left
 * out, so a record edited in this browser never shows a certificate as earned.
 */
import { useEffect, useState } from 'react';
import type { ProgressData } from '../../core/progress/progress.ts';
import type { AttemptCheck } from '../../core/quiz/evidence.ts';

export type CheckedProgress =
	| { state: 'checking' }
	| { state: 'checked'; data: ProgressData; refused: AttemptCheck[] }
	| { state: 'unchecked'; message: string };

/** Only passed assessments can earn anything, so only their quizzes are fetched. */
const passedQuizIds = (data: ProgressData) => [
	...new Set(data.attempts.filter((a) => a.mode === 'assessment' && a.passed).map((a) => a.quizId)),
];

export function useCheckedProgress(data: ProgressData, base: string): CheckedProgress {
	const [checked, setChecked] = useState<CheckedProgress>({ state: 'checking' });
	useEffect(() => {
		let live = true;
		const ids = passedQuizIds(data);
		if (!ids.length) {
			setChecked({ state: 'checked', data, refused: [] });
			return;
		}
		setChecked({ state: 'checking' });
		Promise.all([import('../adapters/quiz-bank.ts'), import('../../core/progress/screen.ts')])
			.then(async ([{ fetchBank }, { screenAttempts }]) => {
				const { bank, missing } = await fetchBank(base, ids);
				if (!live) return;
				if (missing.length) {
					setChecked({
						state: 'unchecked',
						message: `The published quizzes (${missing.join(', ')}) could not be loaded, so passes could not be checked.`,
					});
					return;
				}
				const screened = screenAttempts(data, bank);
				setChecked({ state: 'checked', data: screened.data, refused: screened.refused });
			})
			.catch((e: Error) => {
				if (live) setChecked({ state: 'unchecked', message: `Passes could not be checked (${e.message}).` });
			});
		return () => {
			live = false;
		};
	}, [data, base]);
	return checked;
}
