import { encodeExport } from '../core/progress/codec.ts';
import type { ProgressState } from '../core/progress/store.ts';
import { downloadText } from './adapters/progress-client.ts';

/**
 * While storage is not keeping anything, offers this page's progress as files the dashboard can
 * import: everything held in memory, or only the latest attempt.
 */
export default function UnsavedDownloads({ state }: { state: ProgressState }) {
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
