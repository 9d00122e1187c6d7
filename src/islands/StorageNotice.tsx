/** Tells the learner when progress is not being kept, and offers the unreadable data for download. */
import { lazy, Suspense } from 'react';
import type { ProgressState } from '../core/progress/store.ts';
import { downloadText } from './adapters/downloads.ts';
import { getProgressStore } from './adapters/progress-client.ts';

/** Loaded only when storage is not keeping anything. */
const UnsavedDownloads = lazy(() => import('./UnsavedDownloads.tsx'));

export function StorageNotice({ state }: { state: ProgressState }) {
	const problem = state.problem;
	if (!problem) return null;
	return (
		<div className="notice notice-warning" role="alert">
			<p>
				<strong>
					{problem.kind === 'corrupt' ? 'Saved progress could not be read.' : 'Progress is not being saved.'}
				</strong>{' '}
				{problem.message}
			</p>
			{(problem.kind === 'unavailable' || problem.kind === 'quota' || problem.kind === 'future') && (
				<Suspense fallback={null}>
					<UnsavedDownloads state={state} />
				</Suspense>
			)}
			{problem.kind === 'corrupt' && (
				<p className="notice-actions">
					<button
						type="button"
						className="button button-secondary"
						onClick={() =>
							downloadText('secure-ai-academy-unreadable-progress.txt', problem.raw, 'text/plain')
						}
					>
						Download the unreadable data
					</button>{' '}
					<button
						type="button"
						className="button button-secondary"
						onClick={() => getProgressStore().discardCorrupt()}
					>
						{problem.keptAs ? 'Dismiss' : 'I have saved it: start a fresh record'}
					</button>
				</p>
			)}
		</div>
	);
}
