/** Tells the learner when progress is not being kept, and offers the unreadable data for download. */
import { encodeExport } from '../core/progress/codec.ts';
import type { ProgressState } from '../core/progress/store.ts';
import { downloadText, getProgressStore } from './adapters/progress-client.ts';

/**
 * While storage is not keeping anything, offers this page's progress as files the dashboard can
 * import: everything held in memory, or only the latest attempt.
 */
function UnsavedDownloads({ state }: { state: ProgressState }) {
	const { data } = state;
	const latest = data.attempts.at(-1);
	const hasAnything = data.attempts.length > 0 || Object.keys(data.modules).length > 0;
	if (!hasAnything) return null;
	const at = new Date().toISOString();
	const day = at.slice(0, 10);
	return (
		<p className="notice-actions">
			<button
				type="button"
				className="button button-secondary"
				onClick={() =>
					downloadText(
						`secure-ai-academy-progress-${day}.json`,
						encodeExport(data, '', new Date().toISOString()),
					)
				}
			>
				Download this visit’s progress
			</button>{' '}
			{latest && (
				<button
					type="button"
					className="button button-secondary"
					onClick={() =>
						downloadText(
							`secure-ai-academy-attempt-${latest.quizId}-${day}.json`,
							encodeExport({ attempts: [latest], modules: {} }, '', new Date().toISOString()),
						)
					}
				>
					Download the latest attempt
				</button>
			)}
		</p>
	);
}

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
				<UnsavedDownloads state={state} />
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
