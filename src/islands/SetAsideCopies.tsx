import { useState } from 'react';
import { downloadText, getProgressStore, useProgress } from './adapters/progress-client.ts';

/**
 * Every copy of unreadable progress this browser set aside, until the learner deletes it: download
 * (an importable file), recover (keep what validates and re-scores), delete.
 */
export default function SetAsideCopies({
	hydrated,
	onRecover,
}: {
	hydrated: boolean;
	onRecover: (raw: string, at: string) => void;
}) {
	useProgress(); // re-render when the store changes (a copy deleted, a record recovered)
	const [confirm, setConfirm] = useState<string>();
	if (!hydrated) return null;
	const copies = getProgressStore().setAsideCopies();
	if (!copies.length) return null;
	const when = (at: string) => (Number.isNaN(Date.parse(at)) ? at : new Date(at).toLocaleString());
	return (
		<section className="set-aside" aria-labelledby="set-aside">
			<h3 id="set-aside">Set-aside copies of unreadable progress</h3>
			<p>
				This browser once found saved progress it could not read, and kept{' '}
				{copies.length === 1 ? 'a copy' : 'copies'} aside instead of deleting{' '}
				{copies.length === 1 ? 'it' : 'them'}. Recovering keeps every part that is still valid and whose
				answers give the score recorded, and says what was dropped.
			</p>
			<ul className="set-aside-list">
				{copies.map((c) => (
					<li key={c.key} data-set-aside={c.key}>
						Set aside {when(c.at)} ({c.raw.length.toLocaleString()} characters){' '}
						<button
							type="button"
							className="button button-secondary"
							onClick={() =>
								void import('../core/progress/recover.ts').then(({ encodeSetAside }) =>
									downloadText(
										`secure-ai-academy-set-aside-${c.at.replace(/[^0-9A-Za-z-]/g, '')}.json`,
										encodeSetAside(c.key, c.raw),
									),
								)
							}
						>
							Download
						</button>{' '}
						<button
							type="button"
							className="button button-secondary"
							onClick={() => onRecover(c.raw, when(c.at))}
						>
							Recover
						</button>{' '}
						{confirm === c.key ? (
							<>
								<button
									type="button"
									className="button danger"
									onClick={() => {
										getProgressStore().deleteSetAside(c.key);
										setConfirm(undefined);
									}}
								>
									Yes, delete this copy
								</button>{' '}
								<button
									type="button"
									className="button button-secondary"
									onClick={() => setConfirm(undefined)}
								>
									Keep it
								</button>
							</>
						) : (
							<button type="button" className="button button-secondary" onClick={() => setConfirm(c.key)}>
								Delete
							</button>
						)}
					</li>
				))}
			</ul>
		</section>
	);
}
