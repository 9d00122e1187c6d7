/**
 * The team report page for managers: choose or drop learners' report files (hundreds at a time);
 * each is checked, re-scored against this site's quiz bank and flagged if it does not hold
 * together; the usable ones are merged per learner into a learner × module table and a coverage
 * matrix of the Code's provisions, with CSV export and print. Everything happens in this browser:
 * the files are read locally and only the quiz bank is fetched, from this site. Lab passes in the
 * reports are run again in the lab page's sandboxed worker (loaded only when a report carries one),
 * against the suites this site publishes.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatDay, localDay } from '../core/assignments/assignments.ts';
import { percent } from '../core/progress/labels.ts';
// Types only: the checking and tabulating code is loaded when the first files arrive.
import type {
	FileResult,
	FileStatus,
	RowQuery,
	ShowFilter,
	SortKey,
	TeamCatalog,
	TeamCell,
	TeamLabCell,
} from '../core/teams/team-report.ts';
import type { Quiz } from '../schemas/quiz.ts';
import { downloadText } from './adapters/downloads.ts';
import { quizBank } from './adapters/quiz-bank.ts';
import { ItemStatsSection } from './ItemStatsSection.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

type Core = typeof import('../core/teams/team-report.ts');

interface Props {
	catalog: TeamCatalog;
	/** Site base path, ending in "/". */
	base: string;
	/** This site's public address (reports made on another copy get a note). */
	siteUrl: string;
}

const pct = (n: number | undefined) => (n === undefined ? '' : percent(n));
/** Rows shown at first ("Show all" shows the rest); the CSV always carries every matching row. */
const ROW_LIMIT = 100;
const ORDER: FileStatus[] = ['tampered', 'rejected', 'flagged', 'duplicate', 'accepted'];

function Cell({ cell, core }: { cell: TeamCell; core: Core }) {
	if (!cell.assigned) return <td className="cell-unassigned">–</td>;
	const cls = cell.overdue ? 'cell-overdue' : cell.state === 'completed' ? 'cell-completed' : undefined;
	return (
		<td className={cls}>
			{cell.overdue && '⚠ '}
			{core.cellStatus(cell)}
			{(cell.score !== undefined || cell.passedAt) && (
				<small>
					{[pct(cell.score), cell.passedAt ? formatDay(cell.passedAt.slice(0, 10)) : '']
						.filter(Boolean)
						.join(' · ')}
				</small>
			)}
			{cell.due && cell.state !== 'completed' && <small>due {formatDay(cell.due)}</small>}
		</td>
	);
}

function LabCell({ cell, core }: { cell: TeamLabCell; core: Core }) {
	if (!cell.assigned && cell.status === 'none') return <td className="cell-unassigned">–</td>;
	const cls =
		cell.status === 'passed' || cell.status === 'passed-with-solution'
			? 'cell-completed'
			: cell.status === 're-run-failed'
				? 'cell-overdue'
				: undefined;
	return (
		<td className={cls}>
			{cell.status === 're-run-failed' && '⚠ '}
			{core.labCellStatus(cell)}
			{cell.at && cell.status !== 'none' && <small>{formatDay(cell.at.slice(0, 10))}</small>}
			{cell.status === 're-run-failed' && cell.message && <small>{cell.message}</small>}
		</td>
	);
}

export default function TeamReport({ catalog, base, siteUrl }: Props) {
	const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
	const [hydrated, setHydrated] = useState(false);
	const [core, setCore] = useState<Core | undefined>();
	const [sources, setSources] = useState<File[]>([]);
	const [results, setResults] = useState<FileResult[]>([]);
	const [busy, setBusy] = useState<{ done: number; total: number } | undefined>();
	const [labBusy, setLabBusy] = useState<{ done: number; total: number } | undefined>();
	const [announce, setAnnounce] = useState('');
	const [over, setOver] = useState(false);
	const [elapsed, setElapsed] = useState<number | undefined>();
	const inputRef = useRef<HTMLInputElement>(null);
	useEffect(() => setHydrated(true), []);

	const load = async (added: File[]) => {
		if (added.length === 0 || busy) return;
		const all = [...sources, ...added];
		setSources(all);
		setBusy({ done: 0, total: all.length });
		setAnnounce(`Checking ${all.length} file${all.length === 1 ? '' : 's'}…`);
		const started = performance.now();
		let c: Core;
		let checked: FileResult[];
		try {
			c = core ?? (await import('../core/teams/team-report.ts'));
			checked = await c.checkReportFiles(all, {
				loadQuizzes: quizBank(base),
				siteUrl,
				onProgress: (done, total) => {
					if (done % 20 === 0 || done === total) setBusy({ done, total });
				},
				// The sandbox loads only when a report carries lab passes.
				checkLabs: async (entries, onProgress) => {
					setLabBusy({ done: 0, total: entries.length });
					const { recheckInBrowser } = await import('./labs/lab-recheck.ts');
					return recheckInBrowser(entries, base, onProgress);
				},
				onLabProgress: (done, total) => setLabBusy({ done, total }),
			});
		} catch (e) {
			setSources(sources);
			setBusy(undefined);
			setLabBusy(undefined);
			if (inputRef.current) inputRef.current.value = '';
			setAnnounce(
				`The files could not be checked: ${(e as Error).message}. Nothing was added; check the connection to this site and choose them again.`,
			);
			return;
		}
		setElapsed(Math.round(performance.now() - started));
		setCore(c);
		setResults(checked);
		setBusy(undefined);
		setLabBusy(undefined);
		const count = (s: FileStatus) => checked.filter((r) => r.status === s).length;
		setAnnounce(
			`Checked ${checked.length} file${checked.length === 1 ? '' : 's'}: ${count('accepted')} accepted, ${count('flagged')} flagged, ${count('tampered')} tampered, ${count('rejected')} rejected, ${count('duplicate')} duplicate.`,
		);
		if (inputRef.current) inputRef.current.value = '';
	};

	const clear = () => {
		setSources([]);
		setResults([]);
		setElapsed(undefined);
		setAnnounce('All files were cleared from this page.');
	};

	return (
		<div className="team-report" data-hydrated={hydrated ? 'true' : undefined}>
			<section aria-labelledby={`${uid}-load`} className="no-print">
				<h2 id={`${uid}-load`}>Load report files</h2>
				{/* Dropping is a shortcut for mouse users; the button does the same by keyboard. */}
				{/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target has no keyboard role; the file button inside is the accessible control. */}
				<div
					className={`drop-zone${over ? ' is-over' : ''}`}
					onDragOver={(e) => {
						e.preventDefault();
						setOver(true);
					}}
					onDragLeave={() => setOver(false)}
					onDrop={(e) => {
						e.preventDefault();
						setOver(false);
						void load([...e.dataTransfer.files]);
					}}
				>
					<p>Drop report files here, or</p>
					<label className="button file-button">
						Choose report files
						<input
							ref={inputRef}
							type="file"
							multiple
							accept="application/json,.json"
							className="visually-hidden"
							disabled={!hydrated || busy !== undefined}
							onChange={(e) => void load([...(e.currentTarget.files ?? [])])}
						/>
					</label>
					<p className="muted">
						Choose as many as you like at once (up to 2,000); add more later and they are checked together.
					</p>
				</div>
				{busy && (
					<p>
						<label htmlFor={`${uid}-busy`}>
							Checking files: {busy.done} of {busy.total}
						</label>
						<br />
						<progress id={`${uid}-busy`} max={busy.total} value={busy.done} />
					</p>
				)}
				{labBusy && (
					<p>
						<label htmlFor={`${uid}-lab-busy`}>
							Running recorded lab code again: {labBusy.done} of {labBusy.total}
						</label>
						<br />
						<progress id={`${uid}-lab-busy`} max={labBusy.total} value={labBusy.done} />
					</p>
				)}
				<p role="status" aria-live="polite">
					{announce}
				</p>
				{results.length > 0 && (
					<p>
						<button type="button" className="button button-secondary" onClick={clear}>
							Clear all files
						</button>
					</p>
				)}
			</section>

			{core && results.length > 0 && (
				<TeamResults
					core={core}
					results={results}
					catalog={catalog}
					elapsed={elapsed}
					uid={uid}
					loadBank={quizBank(base)}
				/>
			)}
		</div>
	);
}

function TeamResults({
	core,
	results,
	catalog,
	elapsed,
	uid,
	loadBank,
}: {
	core: Core;
	results: FileResult[];
	catalog: TeamCatalog;
	elapsed: number | undefined;
	uid: string;
	/** Reads quizzes from this site's bank (for the question statistics). */
	loadBank: (ids: string[]) => Promise<Quiz[]>;
}) {
	const [query, setQuery] = useState<RowQuery>({
		text: '',
		show: 'all',
		assignment: '',
		sort: 'name',
		descending: false,
	});
	const deferred = useDeferredValue(query);
	const today = localDay();
	const learners = useMemo(() => core.mergeLearners(results), [core, results]);
	const view = useMemo(() => core.buildTeamView(learners, catalog, today), [core, learners, catalog, today]);
	const rows = useMemo(() => core.queryRows(view.rows, deferred), [core, view, deferred]);
	// Hundreds of rows times 72 provisions is a lot of page: show the first rows, the rest on request.
	const [limit, setLimit] = useState(ROW_LIMIT);
	const shown = rows.slice(0, limit);
	const [allFiles, setAllFiles] = useState(false);

	const sortBy = (sort: SortKey) =>
		setQuery((q) => ({ ...q, sort, descending: q.sort === sort ? !q.descending : sort !== 'name' }));
	const sortHeader = (sort: SortKey, label: string) => (
		<SortHeader sort={sort} label={label} query={query} onSort={sortBy} />
	);

	const problems = [...results]
		.filter((r) => r.status !== 'accepted' || r.notes.some((n) => n.tone !== 'info'))
		.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
	const counts = ORDER.map((s) => [s, results.filter((r) => r.status === s).length] as const);
	// Identical copies share one row (FileList), so the heading counts rows as well as files.
	const problemRows = core.groupCopies(problems).length;
	const stamp = new Date().toISOString().slice(0, 10);

	return (
		<>
			<section aria-labelledby={`${uid}-files`}>
				<h2 id={`${uid}-files`}>Files</h2>
				<p data-testid="file-counts">
					{results.length} file{results.length === 1 ? '' : 's'}:{' '}
					{counts
						.filter(([, n]) => n > 0)
						.map(([s, n]) => `${n} ${core.FILE_STATUS_LABELS[s].split(':')[0]?.toLowerCase()}`)
						.join(', ')}
					. {learners.length} learner{learners.length === 1 ? '' : 's'}.
					{elapsed !== undefined && (
						<span className="muted"> Checked in {(elapsed / 1000).toFixed(1)} s.</span>
					)}
				</p>
				{problems.length > 0 && (
					<>
						<h3>
							Files that need a look ({problems.length}
							{problemRows < problems.length
								? ` files in ${problemRows} ${problemRows === 1 ? 'row' : 'rows'}`
								: ''}
							)
						</h3>
						<FileList files={problems} core={core} />
					</>
				)}
				<details className="no-print" onToggle={(e) => setAllFiles(e.currentTarget.open)}>
					<summary>Every file ({results.length})</summary>
					{allFiles && <FileList files={results} core={core} />}
				</details>
			</section>

			<section aria-labelledby={`${uid}-table`}>
				<h2 id={`${uid}-table`}>Learners and modules</h2>
				<p className="prose muted">
					A module is completed when its assessment was passed on the quiz revision this site publishes. Only
					attempts that mark again exactly as recorded count. Reports with the same learner name are merged. A
					lab counts as passed only when its recorded code, run again here with its recorded seed, passes
					every case of the lab revision this site publishes.
				</p>
				{view.unknownModules.length > 0 && (
					<p className="notice notice-warning">
						Some reports assign modules this site does not publish, so they are not shown:{' '}
						{view.unknownModules.join(', ')}.
					</p>
				)}
				<div className="control-row no-print">
					<div className="form-field">
						<label htmlFor={`${uid}-q`}>Find a learner</label>
						<input
							id={`${uid}-q`}
							type="search"
							value={query.text}
							onChange={(e) => setQuery((q) => ({ ...q, text: e.target.value }))}
						/>
					</div>
					<div className="form-field">
						<label htmlFor={`${uid}-show`}>Show</label>
						<select
							id={`${uid}-show`}
							value={query.show}
							onChange={(e) => setQuery((q) => ({ ...q, show: e.target.value as ShowFilter }))}
						>
							<option value="all">All learners</option>
							<option value="overdue">With overdue modules</option>
							<option value="incomplete">Not finished</option>
							<option value="complete">Finished</option>
						</select>
					</div>
					{view.assignments.length > 1 && (
						<div className="form-field">
							<label htmlFor={`${uid}-assignment`}>Assignment</label>
							<select
								id={`${uid}-assignment`}
								value={query.assignment}
								onChange={(e) => setQuery((q) => ({ ...q, assignment: e.target.value }))}
							>
								<option value="">All assignments</option>
								{view.assignments.map((a) => (
									<option key={a.key} value={a.key}>
										{a.title}
									</option>
								))}
							</select>
						</div>
					)}
					<p className="actions">
						<button
							type="button"
							className="button"
							onClick={() =>
								downloadText(`team-report-${stamp}.csv`, core.teamCsv(view, rows, results), 'text/csv')
							}
						>
							Download CSV
						</button>{' '}
						<button
							type="button"
							className="button button-secondary"
							onClick={() =>
								downloadText(`team-coverage-${stamp}.csv`, core.coverageCsv(view, rows), 'text/csv')
							}
						>
							Download coverage CSV
						</button>{' '}
						<button type="button" className="button button-secondary" onClick={() => window.print()}>
							Print
						</button>
					</p>
				</div>
				<p role="status" className="muted">
					{shown.length < rows.length
						? `Showing the first ${shown.length} of ${rows.length} learners (${view.rows.length} in all).`
						: `Showing ${rows.length} of ${view.rows.length} learners.`}{' '}
					{shown.length < rows.length && (
						<button type="button" className="link-button" onClick={() => setLimit(Number.POSITIVE_INFINITY)}>
							Show all {rows.length}
						</button>
					)}
				</p>
				<ScrollRegion label="Table of learners and modules">
					<table className="team-table">
						<caption className="visually-hidden">
							Each learner's status, best score and date for every assigned module
						</caption>
						<thead>
							<tr>
								{sortHeader('name', 'Learner')}
								{sortHeader('completed', 'Completed')}
								{sortHeader('overdue', 'Overdue')}
								{view.columns.map((m) => (
									<th scope="col" key={m.id}>
										{m.title}
									</th>
								))}
								{view.labColumns.map((l) => (
									<th scope="col" key={`lab-${l.id}`} className="col-lab">
										Lab: {l.title}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{shown.map((r) => (
								<tr key={r.key}>
									<th scope="row" dir="auto">
										{r.name}
										<small>{r.assignments.map((a) => a.title).join('; ')}</small>
									</th>
									<td>
										{r.completed} of {r.assigned}
									</td>
									<td className={r.overdue > 0 ? 'cell-overdue' : undefined}>
										{r.overdue > 0 ? `⚠ ${r.overdue}` : '0'}
									</td>
									{r.cells.map((c) => (
										<Cell key={c.moduleId} cell={c} core={core} />
									))}
									{r.labs.map((c) => (
										<LabCell key={`lab-${c.labId}`} cell={c} core={core} />
									))}
								</tr>
							))}
						</tbody>
						<tfoot>
							<tr>
								<th scope="row">All learners</th>
								<td>
									{view.rows.reduce((n, r) => n + r.completed, 0)} of{' '}
									{view.rows.reduce((n, r) => n + r.assigned, 0)}
								</td>
								<td>{view.rows.reduce((n, r) => n + r.overdue, 0)}</td>
								{view.totals.map((t) => (
									<td key={t.moduleId}>
										{t.completed} of {t.assigned} completed
										{t.overdue > 0 && <small>⚠ {t.overdue} overdue</small>}
										{t.averageScore !== undefined && <small>average {pct(t.averageScore)}</small>}
									</td>
								))}
								{view.labColumns.map((l, i) => (
									<td key={`lab-${l.id}`}>
										{
											view.rows.filter((r) => {
												const s = r.labs[i]?.status;
												return s === 'passed' || s === 'passed-with-solution';
											}).length
										}{' '}
										of {view.rows.filter((r) => r.labs[i]?.assigned).length} passed
									</td>
								))}
							</tr>
						</tfoot>
					</table>
				</ScrollRegion>
			</section>

			<section aria-labelledby={`${uid}-coverage`}>
				<h2 id={`${uid}-coverage`}>Provision coverage</h2>
				<p className="prose muted">
					Which of the Code's {view.provisions.length} provisions each learner has been trained on: ✓ means
					they completed a module that teaches it. Useful as evidence for provisions 1.1.1 (training tailored
					to roles) and 1.2.2 (AI secure coding for developers).
				</p>
				<ScrollRegion label="Table of provision coverage">
					<table className="coverage-matrix">
						<caption className="visually-hidden">Provisions each learner has been trained on</caption>
						<thead>
							<tr>
								{sortHeader('name', 'Learner')}
								{sortHeader('coverage', 'Provisions')}
								{view.provisions.map((p) => (
									<th scope="col" key={p.id} title={p.title}>
										<span className="visually-hidden">Provision </span>
										{p.id}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{shown.map((r) => (
								<tr key={r.key}>
									<th scope="row" dir="auto">
										{r.name}
									</th>
									<td>
										{r.provisions.size} of {view.provisions.length}
									</td>
									{view.provisions.map((p) =>
										r.provisions.has(p.id) ? (
											<td key={p.id} className="covered">
												✓
											</td>
										) : (
											<td key={p.id} />
										),
									)}
								</tr>
							))}
						</tbody>
						<tfoot>
							<tr>
								<th scope="row">Learners trained</th>
								<td>{view.rows.length}</td>
								{view.provisions.map((p) => (
									<td key={p.id}>{p.learners}</td>
								))}
							</tr>
						</tfoot>
					</table>
				</ScrollRegion>
			</section>

			<ItemStatsSection learners={learners} loadQuizzes={loadBank} uid={uid} />
		</>
	);
}

/** A column header that sorts the rows; a second press reverses the order. */
function SortHeader({
	sort,
	label,
	query,
	onSort,
}: {
	sort: SortKey;
	label: string;
	query: RowQuery;
	onSort: (sort: SortKey) => void;
}) {
	const active = query.sort === sort;
	return (
		<th scope="col" aria-sort={active ? (query.descending ? 'descending' : 'ascending') : undefined}>
			<button type="button" className="sort-button" onClick={() => onSort(sort)}>
				{label}
			</button>
			{active && <span aria-hidden="true">{query.descending ? ' ▼' : ' ▲'}</span>}
		</th>
	);
}

function FileList({ files, core }: { files: FileResult[]; core: Core }) {
	// Identical copies of one report are one row with a count, not one row each.
	const groups = core.groupCopies(files);
	return (
		<ul className="file-results">
			{groups.map(({ file: f, copies }) => (
				<li key={f.index} className={`status-${f.status}`}>
					<span className="file-name" dir="auto">
						{f.name}
					</span>
					: <span className="file-status">{core.FILE_STATUS_LABELS[f.status]}</span>
					{f.report && (
						<span className="muted" dir="auto">
							{' '}
							({f.report.evidence.learner.name}, {f.report.assignment.assigned.title})
						</span>
					)}
					{(f.notes.length > 0 || copies.length > 0) && (
						<ul>
							{copies.length > 0 && (
								<li className="note-info" data-testid="identical-copies">
									{f.status === 'duplicate'
										? `This row stands for ${copies.length + 1} identical copies of a report loaded already: counted once.`
										: `${copies.length} identical ${copies.length === 1 ? 'copy' : 'copies'} of this report ${copies.length === 1 ? 'was' : 'were'} also loaded: counted once.`}{' '}
									<details className="copy-names">
										<summary>Their file names</summary>
										<ul>
											{copies.map((c) => (
												<li key={c.index} dir="auto">
													{c.name}
												</li>
											))}
										</ul>
									</details>
								</li>
							)}
							{f.notes.map((n) => (
								<li key={n.text} className={`note-${n.tone}`}>
									{n.text}
									{n.detail && (
										<details className="technical-detail">
											<summary>Technical detail</summary>
											<code>{n.detail}</code>
										</details>
									)}
								</li>
							))}
						</ul>
					)}
				</li>
			))}
		</ul>
	);
}
