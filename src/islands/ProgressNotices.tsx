/**
 * What an island says about the learner's record when it loads the progress store after
 * hydration (adapters/progress-later.ts): storage that is not keeping progress (the storage
 * notice, loaded with its message), or the store's code not loading at all.
 */
import { lazy, Suspense } from 'react';
import type { LaterProgress } from './adapters/progress-later.ts';

const StorageNotice = lazy(() => import('./StorageNotice.tsx').then((m) => ({ default: m.StorageNotice })));

export function ProgressNotices({ later }: { later: LaterProgress }) {
	return (
		<>
			{later.state?.problem && (
				<Suspense fallback={null}>
					<StorageNotice state={later.state} />
				</Suspense>
			)}
			{later.failed && (
				<div className="notice notice-warning" role="alert">
					<p>
						<strong>Your progress could not be shown.</strong> Part of this page did not load: check your
						connection and reload the page. Nothing saved in this browser is affected.
					</p>
				</div>
			)}
		</>
	);
}
