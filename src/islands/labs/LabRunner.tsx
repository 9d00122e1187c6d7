/**
 * The lab island: editor, Run, results per case, hints after a failed run, and the reference
 * solution on request or after three failed runs. Thin over src/core/labs/: the core draws the
 * variants, the worker engine runs the code, the core grades, and the progress store records the
 * draft, the failed runs, the solution being shown and each pass (with code and digest). A lab
 * with an exploit stage opens on the attack (ExploitStage.tsx) until the learner's attack worked or
 * they skipped it; the fix stage then runs their attack as "your attack" next to the suites.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { type CaseResult, newSeed, type RunSummary, YOUR_ATTACK_ID } from '../../core/labs/grading.ts';
import type { LabRecord } from '../../core/labs/progress.ts';
import { type RunnableLab, runLab } from '../../core/labs/run.ts';
import {
	exploitStage,
	LAB_STATUS_LABELS,
	labRecord,
	labStatus,
	RUNS_BEFORE_SOLUTION,
} from '../../core/labs/status.ts';
import { type ProgressClient, useProgressLater } from '../adapters/progress-later.ts';
import { ProgressNotices } from '../ProgressNotices.tsx';
import ExploitStage, { formatWhen } from './ExploitStage.tsx';
import type { LabEditor } from './editor.ts';
import { WorkerEngine } from './worker-engine.ts';

type RecordChanges = typeof import('../../core/labs/record.ts');

/**
 * What the page loads after it has shown (issue #22): the changes to a lab's record, which need the
 * store's schemas (adapters/progress-later.ts), and the editor (CodeMirror, the largest part of a
 * lab page's script), when its box is about to be seen.
 */
let editorModule: Promise<typeof import('./editor.ts')> | undefined;
function loadEditor(): Promise<typeof import('./editor.ts')> {
	editorModule ??= import('./editor.ts').catch((e: unknown) => {
		editorModule = undefined;
		throw e;
	});
	return editorModule;
}

/** Load the editor when its box is within this distance of the screen. */
const EDITOR_MARGIN: IntersectionObserverInit = { rootMargin: '600px 0px' };

/** Everything the handlers need, there once the store is up (the buttons are enabled from then). */
interface Ready {
	client: ProgressClient;
	changes: RecordChanges;
}

export interface LabRunnerProps {
	lab: RunnableLab & { data: RunnableLab['data'] & { id: string; revision: number; title: string } };
	starter: string;
	reference: string;
	hints: string[];
}

let sharedEngine: WorkerEngine | undefined;
function engine(): WorkerEngine {
	sharedEngine ??= new WorkerEngine();
	return sharedEngine;
}

type Phase =
	| { name: 'idle' }
	| { name: 'running' }
	| { name: 'done'; summary: RunSummary; runNumber: number }
	| { name: 'failed'; message: string };

const VERDICT_LABELS: Record<CaseResult['verdict'], string> = {
	passed: 'Passed',
	broken: 'Broken',
	blocked: 'Blocked',
	'got-through': 'Got through',
};

function CaseItem({ r }: { r: CaseResult }) {
	const ok = r.verdict === 'passed' || r.verdict === 'blocked';
	return (
		<li
			className={`lab-case ${ok ? 'lab-case-ok' : 'lab-case-bad'}`}
			data-case={r.key}
			data-verdict={r.verdict}
		>
			<p className="lab-case-head">
				<span className={`lab-verdict ${ok ? 'lab-verdict-ok' : 'lab-verdict-bad'}`}>
					{VERDICT_LABELS[r.verdict]}
				</span>{' '}
				<strong>{r.title}</strong>
				{r.draws > 1 && (
					<span className="muted">
						{' '}
						(variant {r.draw} of {r.draws})
					</span>
				)}
			</p>
			<p className="lab-case-detail">{r.detail}</p>
			<details>
				<summary>{r.kind === 'attack' ? 'The attack' : 'The case'}</summary>
				<p>{r.story}</p>
				{r.impact && (
					<p>
						<strong>If it gets through:</strong> {r.impact}
					</p>
				)}
				{r.incident && (
					<p>
						<strong>Modelled on:</strong> {r.incident}
					</p>
				)}
				<p>What your function received:</p>
				<pre className="lab-input">
					<code>{JSON.stringify(r.input, null, 2)}</code>
				</pre>
				{r.logs.length > 0 && (
					<>
						<p>Your console output:</p>
						<pre className="lab-input">
							<code>{r.logs.join('\n')}</code>
						</pre>
					</>
				)}
			</details>
		</li>
	);
}

export default function LabRunner({ lab, starter, reference, hints }: LabRunnerProps) {
	const id = lab.data.id;
	const later = useProgressLater();
	const { client } = later;
	const record = labRecord(later.data.labs, id);
	const status = labStatus(record, lab.data.revision);
	/** The store and the record's changes have loaded: the status shows and the attack stage works. */
	const [hydrated, setHydrated] = useState(false);
	const [editorWanted, setEditorWanted] = useState(false);
	const [editorReady, setEditorReady] = useState(false);
	const [partFailed, setPartFailed] = useState(false);
	const placeholderRef = useRef<HTMLElement>(null);
	const [phase, setPhase] = useState<Phase>({ name: 'idle' });
	const [showSolution, setShowSolution] = useState(false);
	const hostRef = useRef<HTMLDivElement>(null);
	const editorRef = useRef<LabEditor | null>(null);
	const readyRef = useRef<Ready | null>(null);
	const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
	const resultsRef = useRef<HTMLHeadingElement>(null);
	const runCount = useRef(0);
	const helpId = useId();
	const exploit = lab.data.exploit;
	const hasExploit = exploit !== undefined;
	// The stage the learner chose on this visit; until then, the one their record says.
	const [chosenStage, setChosenStage] = useState<'attack' | 'fix' | undefined>(undefined);
	const stage = exploit ? (chosenStage ?? 'attack') : 'fix';
	const yourAttack = exploit ? record.exploit?.success?.payload : undefined;
	const fixHeadingRef = useRef<HTMLHeadingElement>(null);

	// The store first: the status, the attack stage and the buttons work from then on.
	useEffect(() => {
		if (!client) return;
		let live = true;
		import('../../core/labs/record.ts').then(
			(changes) => {
				if (!live) return;
				readyRef.current = { client, changes };
				// Open on the stage the record says (it is read once, so recording an attack does not move the page).
				const stored = labRecord(client.getProgressStore().getSnapshot().data.labs, id);
				if (hasExploit) setChosenStage((chosen) => chosen ?? exploitStage(stored));
				setHydrated(true);
			},
			() => live && setPartFailed(true),
		);
		return () => {
			live = false;
			readyRef.current = null;
		};
	}, [client, id, hasExploit]);

	// The editor when its box comes near the screen or takes focus (issue #22): CodeMirror is most
	// of a lab page's script, and on a lab that opens on the attack it is not needed until the fix.
	// Until then the box shows the code as plain text. Once wanted, it stays.
	useEffect(() => {
		const host = hostRef.current;
		if (!hydrated || editorWanted || !host) return;
		const seen = new IntersectionObserver((entries) => {
			if (entries.some((e) => e.isIntersecting)) setEditorWanted(true);
		}, EDITOR_MARGIN);
		seen.observe(host);
		return () => seen.disconnect();
	}, [hydrated, editorWanted]);

	useEffect(() => {
		const host = hostRef.current;
		const ready = readyRef.current;
		if (!hydrated || !editorWanted || !host || !ready) return;
		let live = true;
		let editor: LabEditor | undefined;
		loadEditor().then(
			({ createEditor }) => {
				if (!live) return;
				const store = ready.client.getProgressStore();
				const stored = labRecord(store.getSnapshot().data.labs, id);
				const placeholderHadFocus = document.activeElement === placeholderRef.current;
				editor = createEditor(host, {
					code: stored.draft?.code ?? starter,
					typescript: lab.data.language === 'typescript',
					label: `Your code (${lab.data.language === 'typescript' ? 'TypeScript' : 'JavaScript'}). Tab indents; press Escape, then Tab, to leave the editor.`,
					onChange(code) {
						clearTimeout(saveTimer.current);
						saveTimer.current = setTimeout(() => {
							store.updateLab(id, (rec) => ready.changes.withDraft(rec, code, new Date().toISOString()));
						}, 400);
					},
					onFocus() {
						// The learner is about to write code: load the sandbox in the background.
						void engine()
							.warm()
							.catch(() => {});
					},
				});
				editorRef.current = editor;
				setEditorReady(true);
				if (placeholderHadFocus) editor.focus();
			},
			() => live && setPartFailed(true),
		);
		return () => {
			live = false;
			clearTimeout(saveTimer.current);
			editor?.destroy();
			editorRef.current = null;
		};
	}, [hydrated, editorWanted, id, lab.data.language, starter]);

	const solutionOffered = record.failedRuns >= RUNS_BEFORE_SOLUTION;
	const hintsShown = Math.min(hints.length, record.failedRuns);

	async function run() {
		const editor = editorRef.current;
		const ready = readyRef.current;
		if (!editor || !ready || phase.name === 'running') return;
		const { client, changes } = ready;
		const code = editor.getCode();
		// Save the draft now rather than after the typing pause.
		clearTimeout(saveTimer.current);
		const store = client.getProgressStore();
		store.updateLab(id, (rec) => changes.withDraft(rec, code, new Date().toISOString()));
		setPhase({ name: 'running' });
		try {
			const seed = newSeed();
			const summary = await runLab(
				engine(),
				lab,
				code,
				seed,
				undefined,
				yourAttack !== undefined ? { yourAttack } : {},
			);
			if (summary.passed) {
				const digest = await changes.sha256Hex(code);
				store.updateLab(id, (rec) =>
					changes.withPass(rec, {
						at: new Date().toISOString(),
						revision: lab.data.revision,
						code,
						digest,
						seed,
					}),
				);
				void client.requestPersistence();
			} else {
				store.updateLab(id, changes.withFailedRun);
			}
			runCount.current += 1;
			setPhase({ name: 'done', summary, runNumber: runCount.current });
		} catch (e) {
			setPhase({
				name: 'failed',
				message: `The sandbox could not run your code: ${(e as Error).message}. Reload the page and try again.`,
			});
		}
		requestAnimationFrame(() => resultsRef.current?.focus());
	}

	function goToFix() {
		setChosenStage('fix');
		requestAnimationFrame(() => fixHeadingRef.current?.focus());
	}

	/** Changes this lab's record (once the store is up: the buttons are disabled until then). */
	function updateRecord(update: (changes: RecordChanges, rec: LabRecord, now: string) => LabRecord) {
		const ready = readyRef.current;
		if (!ready) return;
		const now = new Date().toISOString();
		ready.client.getProgressStore().updateLab(id, (rec) => update(ready.changes, rec, now));
	}

	function skipAttack() {
		updateRecord((c, rec, now) => c.withExploitSkipped(rec, now));
		goToFix();
	}

	function attackLeaked(payload: string) {
		updateRecord((c, rec, now) => c.withExploitSuccess(rec, payload, now, lab.data.revision));
	}

	function revealSolution() {
		updateRecord((c, rec, now) => c.withSolutionShown(rec, now));
		setShowSolution(true);
	}

	function resetToStarter() {
		if (!window.confirm('Replace your code with the starter code? Your current code will be lost.')) return;
		editorRef.current?.setCode(starter);
	}

	function copyReference() {
		editorRef.current?.setCode(reference);
		editorRef.current?.focus();
	}

	const summary = phase.name === 'done' ? phase.summary : undefined;
	const functional = summary?.results.filter((r) => r.kind === 'functional') ?? [];
	const attacks = summary?.results.filter((r) => r.kind === 'attack' && r.caseId !== YOUR_ATTACK_ID) ?? [];
	const mine = summary?.results.find((r) => r.caseId === YOUR_ATTACK_ID);

	return (
		<div
			className="lab-runner"
			data-hydrated={hydrated ? 'true' : undefined}
			data-status={hydrated ? status : undefined}
		>
			<ProgressNotices later={later} />
			{partFailed && (
				<div className="notice notice-warning" role="alert">
					<p>
						<strong>The editor could not load.</strong> Part of this page did not arrive: check your
						connection and reload the page. Your saved draft and results in this browser are not affected.
					</p>
				</div>
			)}
			<p className="lab-status">
				<strong>Status:</strong> {hydrated ? LAB_STATUS_LABELS[status] : '…'}
				{hydrated && record.draft && <span className="muted"> · draft saved in this browser</span>}
			</p>
			{exploit && stage === 'attack' && (
				<ExploitStage
					lab={lab}
					exploit={exploit}
					starter={starter}
					recorded={record.exploit}
					hydrated={hydrated}
					engine={engine}
					onLeaked={attackLeaked}
					onSkip={skipAttack}
					onContinue={goToFix}
				/>
			)}
			<div className="lab-fix" hidden={stage === 'attack'}>
				{exploit && (
					<>
						<h2 id={`${helpId}-fix`} ref={fixHeadingRef} tabIndex={-1} className="lab-stage-heading">
							Stage 2 of 2: the fix
						</h2>
						{yourAttack !== undefined && record.exploit?.success ? (
							<div className="lab-your-attack">
								<p>
									Your attack made the data leave on {formatWhen(record.exploit.success.at)}. Every run below
									includes it as <strong>your attack</strong>, next to the suite: a pass needs both blocked.
								</p>
								<pre className="lab-input">
									<code>{yourAttack}</code>
								</pre>
							</div>
						) : (
							<p>
								{record.exploit?.skippedAt
									? `You skipped the attack on ${formatWhen(record.exploit.skippedAt)}, so the runs below use the suite only.`
									: 'The runs below use the suite only.'}
							</p>
						)}
						<p>
							<button
								type="button"
								className="button button-secondary"
								onClick={() => setChosenStage('attack')}
							>
								{yourAttack !== undefined ? 'Back to stage 1: try another attack' : 'Try the attack first'}
							</button>
						</p>
					</>
				)}
				<h2 id={`${helpId}-editor`}>Your code</h2>
				<p className="lab-keys" id={`${helpId}-keys`}>
					In the editor, <kbd>Tab</kbd> indents. To leave the editor with the keyboard, press <kbd>Esc</kbd>,
					then <kbd>Tab</kbd>. Undo with <kbd>Ctrl</kbd>+<kbd>Z</kbd> (<kbd>⌘</kbd>+<kbd>Z</kbd> on a Mac).
				</p>
				<div ref={hostRef} className="lab-editor">
					{!editorReady && (
						// The code as plain text until the editor has loaded; focusing it loads the editor at once.
						<section
							ref={placeholderRef}
							className="lab-editor-placeholder"
							// biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region, reachable by keyboard; focusing it opens the editor
							tabIndex={0}
							aria-label="Your code (the editor is loading)"
							onFocus={() => setEditorWanted(true)}
						>
							<pre>
								<code>{record.draft?.code ?? starter}</code>
							</pre>
						</section>
					)}
				</div>
				<div className="button-row lab-actions">
					<button
						type="button"
						className="button"
						onClick={run}
						disabled={!editorReady || phase.name === 'running'}
					>
						{phase.name === 'running' ? 'Running…' : 'Run the suites'}
					</button>
					<button
						type="button"
						className="button button-secondary"
						onClick={resetToStarter}
						disabled={!editorReady}
					>
						Start again from the starter code
					</button>
					{!showSolution && (
						<button
							type="button"
							className="button button-secondary"
							onClick={revealSolution}
							disabled={!hydrated}
						>
							{solutionOffered
								? 'Show the reference solution (offered after three failed runs)'
								: 'Show the reference solution'}
						</button>
					)}
				</div>
				<div aria-live="polite" className="lab-live">
					{phase.name === 'running' && <p>Running your code against the suites…</p>}
					{summary && (
						<p className={summary.passed ? 'lab-pass' : 'lab-fail'}>
							<strong>
								Run {phase.name === 'done' ? phase.runNumber : ''}:{' '}
								{summary.passed ? 'passed. ' : 'not passed yet. '}
							</strong>
							{summary.functional.passed} of {summary.functional.total} functional cases passed;{' '}
							{summary.attacks.blocked} of {summary.attacks.total} attacks blocked
							{mine ? ` (your attack: ${mine.verdict === 'blocked' ? 'blocked' : 'got through'})` : ''}.
							{summary.passed && record.solutionShownAt && ' Recorded as completed with the solution shown.'}
						</p>
					)}
				</div>
				{phase.name === 'failed' && (
					<p className="notice" role="alert">
						{phase.message}
					</p>
				)}
				{summary?.message && (
					<p className="notice lab-stop" role="alert">
						{summary.message}
					</p>
				)}
				{summary && (
					<section className="lab-results" aria-labelledby={`${helpId}-results`}>
						<h2 id={`${helpId}-results`} ref={resultsRef} tabIndex={-1}>
							Results
						</h2>
						<p className="muted">
							Attack variants are drawn afresh for every run (this run's seed: <code>{summary.seed}</code>),
							so a fix that only matches the listed payloads will fail a later run.
						</p>
						<h3>Functional cases</h3>
						<ul className="lab-cases">
							{functional.map((r) => (
								<CaseItem key={r.key} r={r} />
							))}
						</ul>
						{mine && (
							<>
								<h3>Your attack</h3>
								<ul className="lab-cases">
									<CaseItem r={mine} />
								</ul>
							</>
						)}
						<h3>{mine ? 'Attacks from the suite' : 'Attacks'}</h3>
						<ul className="lab-cases">
							{attacks.map((r) => (
								<CaseItem key={r.key} r={r} />
							))}
						</ul>
					</section>
				)}
				{hydrated && hintsShown > 0 && (
					<section className="lab-hints" aria-labelledby={`${helpId}-hints`}>
						<h2 id={`${helpId}-hints`}>Hints</h2>
						<p className="muted">One more hint after each run that does not pass.</p>
						<ol>
							{hints.slice(0, hintsShown).map((h) => (
								<li key={h}>{h}</li>
							))}
						</ol>
					</section>
				)}
				{hydrated && solutionOffered && !showSolution && (
					<p className="notice">
						Three runs have not passed yet. You can look at the reference solution; a pass after that is
						recorded as completed with the solution shown.
					</p>
				)}
				{showSolution && (
					<section className="lab-solution" aria-labelledby={`${helpId}-solution`}>
						<h2 id={`${helpId}-solution`}>Reference solution</h2>
						<p>
							One fix that passes every case. A pass from now on is recorded as completed with the solution
							shown.
						</p>
						<pre className="lab-reference">
							<code>{reference}</code>
						</pre>
						<button
							type="button"
							className="button button-secondary"
							onClick={copyReference}
							disabled={!editorReady}
						>
							Copy it into the editor
						</button>
					</section>
				)}
			</div>
		</div>
	);
}
