/**
 * The assignment builder for managers: pick paths, principles or single modules, a due date, a
 * name and an optional note; get a link (the assignment packed into its fragment, see
 * core/assignment-link.ts) and a printable sheet with a QR code. Nothing is stored or sent.
 */
import { useEffect, useId, useState } from 'react';
import {
	type AssignmentCatalog,
	type AssignmentLab,
	labsOfModules,
	localDay,
	resolveItems,
} from '../core/assignments/assignments.ts';
import type { QrShape } from '../core/certificates/qr.ts';
import {
	type AssignmentItem,
	type AssignmentSpec,
	AssignmentSpecSchema,
	MAX_NOTE_LENGTH,
	MAX_TITLE_LENGTH,
} from '../schemas/assignment.ts';
import { DueDate } from './parts/StudyBits.tsx';

interface Props {
	catalog: AssignmentCatalog;
	/** Site base path, ending in "/". */
	base: string;
	trackTitles: Record<string, string>;
}

type Field = 'title' | 'due' | 'note' | 'items' | 'labs';
interface Made {
	spec: AssignmentSpec;
	url: string;
	qr: QrShape | undefined;
}

function QrCode({ shape, label }: { shape: QrShape | undefined; label: string }) {
	if (!shape) {
		return <p className="muted">The link is too long for a QR code that scans reliably: shorten the note.</p>;
	}
	return (
		<svg
			className="qr"
			viewBox={`0 0 ${shape.size} ${shape.size}`}
			role="img"
			aria-label={label}
			shapeRendering="crispEdges"
		>
			<rect className="qr-light" width={shape.size} height={shape.size} />
			<path className="qr-dark" d={shape.d} />
		</svg>
	);
}

const toggle = <T,>(set: Set<T>, value: T) => {
	const next = new Set(set);
	if (next.has(value)) next.delete(value);
	else next.add(value);
	return next;
};

export default function AssignmentBuilder({ catalog, base, trackTitles }: Props) {
	const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
	const id = (name: string) => `${uid}-${name}`;
	const [hydrated, setHydrated] = useState(false);
	const [title, setTitle] = useState('');
	const [due, setDue] = useState('');
	const [note, setNote] = useState('');
	const [paths, setPaths] = useState<Set<string>>(new Set());
	const [principles, setPrinciples] = useState<Set<number>>(new Set());
	const [modules, setModules] = useState<Set<string>>(new Set());
	/** "Include the labs of these modules": on unless the manager turns it off. */
	const [includeLabs, setIncludeLabs] = useState(true);
	const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
	const [made, setMade] = useState<Made | undefined>();
	const [copied, setCopied] = useState('');
	/** Where focus goes after the next render: the error summary, or the new link. */
	const [focusTo, setFocusTo] = useState<'errors' | 'result' | undefined>();
	useEffect(() => setHydrated(true), []);
	useEffect(() => {
		if (!focusTo) return;
		document.getElementById(`${uid}-${focusTo}`)?.focus();
		setFocusTo(undefined);
	}, [focusTo, uid]);

	const items: AssignmentItem[] = [
		...catalog.paths.filter((p) => paths.has(p.id)).map((p) => ({ path: p.id })),
		...catalog.principles.filter((p) => principles.has(p.number)).map((p) => ({ principle: p.number })),
		...catalog.modules.filter((m) => modules.has(m.id)).map((m) => ({ module: m.id })),
	];
	const preview = resolveItems(items, catalog);
	const minutes = preview.modules.reduce((n, m) => n + m.minutes, 0);
	const offeredLabs = labsOfModules(
		catalog,
		preview.modules.map((m) => m.id),
	);
	const labMinutes = offeredLabs.reduce((n, l) => n + l.minutes, 0);
	const tracks = [...new Set(catalog.modules.map((m) => m.track))];

	const create = async (event: React.SyntheticEvent) => {
		event.preventDefault();
		setCopied('');
		const candidate = {
			title,
			...(due ? { due } : {}),
			...(note.trim() ? { note } : {}),
			items,
			...(includeLabs && offeredLabs.length > 0 ? { labs: offeredLabs.map((l) => l.id) } : {}),
		};
		const parsed = AssignmentSpecSchema.safeParse(candidate);
		if (!parsed.success) {
			const found: Partial<Record<Field, string>> = {};
			for (const issue of parsed.error.issues) {
				const field = (issue.path[0] ?? 'title') as Field;
				found[field] ??= issue.message;
			}
			setErrors(found);
			setMade(undefined);
			setFocusTo('errors');
			return;
		}
		setErrors({});
		// Loaded on first use: the link codec (with its digest code) and the QR encoder.
		const [{ packAssignment }, { qrShape }] = await Promise.all([
			import('../core/assignments/link.ts'),
			import('../core/certificates/qr.ts'),
		]);
		const packed = await packAssignment(parsed.data);
		const url = new URL(`${base}assignments/open/#a=${packed}`, window.location.origin).href;
		setMade({ spec: parsed.data, url, qr: qrShape(url) });
		setFocusTo('result');
	};

	const copy = async () => {
		if (!made) return;
		try {
			await navigator.clipboard.writeText(made.url);
			setCopied('Link copied.');
		} catch {
			(document.getElementById(id('link')) as HTMLInputElement | null)?.select();
			setCopied('Copying is not allowed here: the link is selected, so press Ctrl+C (or ⌘C) to copy it.');
		}
	};

	const errorList = Object.entries(errors) as [Field, string][];
	const LABELS: Record<Field, string> = {
		title: 'Name',
		due: 'Due date',
		note: 'Note',
		items: 'What to study',
		labs: 'Labs',
	};
	const fieldError = (f: Field) =>
		errors[f] ? (
			<p className="field-error" id={id(`${f}-error`)}>
				{errors[f]}
			</p>
		) : null;

	return (
		<div data-hydrated={hydrated ? 'true' : undefined}>
			<form className="builder-form no-print" onSubmit={(e) => void create(e)} noValidate>
				{errorList.length > 0 && (
					<div className="notice notice-warning" role="alert" id={id('errors')} tabIndex={-1}>
						<p>
							<strong>
								The assignment needs {errorList.length === 1 ? 'one fix' : `${errorList.length} fixes`}:
							</strong>
						</p>
						<ul>
							{errorList.map(([f, message]) => (
								<li key={f}>
									<a href={`#${f === 'items' ? id('paths') : f === 'labs' ? id('include-labs') : id(f)}`}>
										{LABELS[f]}
									</a>
									: {message}
								</li>
							))}
						</ul>
					</div>
				)}
				<div className="form-field">
					<label htmlFor={id('title')}>Team or assignment name</label>
					<p className="field-hint" id={id('title-hint')}>
						Learners see it on the assignment and in their reports, e.g. “Platform team: AI security, Q1”.
					</p>
					<input
						id={id('title')}
						type="text"
						dir="auto"
						maxLength={MAX_TITLE_LENGTH}
						value={title}
						onChange={(e) => setTitle(e.target.value)}
						aria-invalid={errors.title ? true : undefined}
						aria-describedby={`${id('title-hint')}${errors.title ? ` ${id('title-error')}` : ''}`}
					/>
					{fieldError('title')}
				</div>
				<div className="form-field">
					<label htmlFor={id('due')}>Due date (optional)</label>
					<input
						id={id('due')}
						type="date"
						value={due}
						onChange={(e) => setDue(e.target.value)}
						aria-invalid={errors.due ? true : undefined}
						aria-describedby={errors.due ? id('due-error') : undefined}
					/>
					{due && due < localDay() && (
						<p className="field-hint">
							This date has passed: learners will see unfinished modules as overdue.
						</p>
					)}
					{fieldError('due')}
				</div>
				<div className="form-field">
					<label htmlFor={id('note')}>Note to learners (optional)</label>
					<p className="field-hint" id={id('note-hint')}>
						Plain text, up to {MAX_NOTE_LENGTH} characters. Everything typed on this page goes into the link,
						so leave out names and other personal details unless you mean to share them.
					</p>
					<textarea
						id={id('note')}
						dir="auto"
						maxLength={MAX_NOTE_LENGTH}
						value={note}
						onChange={(e) => setNote(e.target.value)}
						aria-invalid={errors.note ? true : undefined}
						aria-describedby={`${id('note-hint')}${errors.note ? ` ${id('note-error')}` : ''}`}
					/>
					{fieldError('note')}
				</div>

				<h2>What to study</h2>
				{fieldError('items')}
				<fieldset className="check-grid" id={id('paths')}>
					<legend>Learning paths</legend>
					<ul>
						{catalog.paths.map((p) => (
							<li key={p.id}>
								<label>
									<input
										type="checkbox"
										name="path"
										value={p.id}
										checked={paths.has(p.id)}
										onChange={() => setPaths((s) => toggle(s, p.id))}
									/>
									<span>
										{p.title} <span className="muted">({p.modules.length} modules)</span>
									</span>
								</label>
							</li>
						))}
					</ul>
				</fieldset>
				<fieldset className="check-grid">
					<legend>Principles of the Code</legend>
					<ul>
						{catalog.principles.map((p) => (
							<li key={p.number}>
								<label>
									<input
										type="checkbox"
										name="principle"
										value={p.number}
										checked={principles.has(p.number)}
										onChange={() => setPrinciples((s) => toggle(s, p.number))}
									/>
									<span>
										{p.number}. {p.title}
									</span>
								</label>
							</li>
						))}
					</ul>
				</fieldset>
				{tracks.map((t) => (
					<fieldset className="check-grid" key={t}>
						<legend>Single modules: {trackTitles[t] ?? t}</legend>
						<ul>
							{catalog.modules
								.filter((m) => m.track === t)
								.map((m) => (
									<li key={m.id}>
										<label>
											<input
												type="checkbox"
												name="module"
												value={m.id}
												checked={modules.has(m.id)}
												onChange={() => setModules((s) => toggle(s, m.id))}
											/>
											<span>{m.title}</span>
										</label>
									</li>
								))}
						</ul>
					</fieldset>
				))}
				{offeredLabs.length > 0 && (
					<div className="form-field include-labs">
						<label>
							<input
								id={id('include-labs')}
								type="checkbox"
								checked={includeLabs}
								onChange={(e) => setIncludeLabs(e.target.checked)}
								aria-describedby={id('include-labs-hint')}
							/>{' '}
							Include the labs of these modules
						</label>
						<p className="field-hint" id={id('include-labs-hint')}>
							{offeredLabs.length} hands-on lab{offeredLabs.length === 1 ? '' : 's'} practise
							{offeredLabs.length === 1 ? 's' : ''} the chosen modules (about {labMinutes} minutes):{' '}
							{offeredLabs.map((l) => l.title).join('; ')}. Learners see them with their status; the
							assignment counts as done when its modules are.
						</p>
						{fieldError('labs')}
					</div>
				)}
				<p aria-live="polite">
					{preview.modules.length === 0
						? 'Nothing chosen yet.'
						: `${preview.modules.length} module${preview.modules.length === 1 ? '' : 's'} chosen, about ${Math.max(1, Math.round(minutes / 60))} hour${Math.round(minutes / 60) > 1 ? 's' : ''} of study.`}
				</p>
				<p>
					<button type="submit" className="button" disabled={!hydrated}>
						Create the assignment link
					</button>
				</p>
			</form>

			{made && (
				<section aria-labelledby={id('result')}>
					<h2 id={id('result')} tabIndex={-1} className="no-print">
						Your assignment link
					</h2>
					<div className="no-print">
						<div className="form-field">
							<label htmlFor={id('link')}>Send this link to your team</label>
							<input id={id('link')} type="text" readOnly value={made.url} className="link-output" />
						</div>
						<p className="actions">
							<button type="button" className="button" onClick={() => void copy()}>
								Copy link
							</button>{' '}
							<a className="button button-secondary" href={made.url}>
								Open it as a learner
							</a>{' '}
							<button type="button" className="button button-secondary" onClick={() => window.print()}>
								Print the sheet
							</button>
						</p>
						<p role="status">{copied}</p>
						<p className="muted">
							The link holds the name, date, note and choices above, and nothing else. Learners' browsers read
							it without contacting any server.
						</p>
					</div>
					<Sheet made={made} catalog={catalog} />
				</section>
			)}
		</div>
	);
}

function Sheet({ made, catalog }: { made: Made; catalog: AssignmentCatalog }) {
	const resolved = resolveItems(made.spec.items, catalog, made.spec.labs);
	const labs: AssignmentLab[] = resolved.labs;
	const minutes = resolved.modules.reduce((n, m) => n + m.minutes, 0);
	return (
		<article className="assignment-sheet" aria-label="Printable assignment sheet">
			<h2>{made.spec.title}</h2>
			<div className="sheet-grid">
				<div>
					<p>
						<strong>Due:</strong> <DueDate due={made.spec.due} overdue={false} done={false} />
					</p>
					{made.spec.note && (
						<p className="assignment-note" dir="auto">
							{made.spec.note}
						</p>
					)}
					<p>
						Study these {resolved.modules.length} modules (about {Math.max(1, Math.round(minutes / 60))}{' '}
						hours), and pass each quiz in assessment mode:
					</p>
					<ol>
						{resolved.modules.map((m) => (
							<li key={m.id}>{m.title}</li>
						))}
					</ol>
					{labs.length > 0 && (
						<>
							<p>
								Then practise in{' '}
								{labs.length === 1 ? 'this hands-on lab' : `these ${labs.length} hands-on labs`} (about{' '}
								{labs.reduce((n, l) => n + l.minutes, 0)} minutes):
							</p>
							<ol className="sheet-labs">
								{labs.map((l) => (
									<li key={l.id}>{l.title}</li>
								))}
							</ol>
						</>
					)}
					<p>
						Open the link or scan the code, choose “Add to my assignments”, and send the report from that page
						when you have finished.
					</p>
					<p className="link-output">{made.url}</p>
				</div>
				<QrCode shape={made.qr} label={`QR code for the assignment link: ${made.spec.title}`} />
			</div>
		</article>
	);
}
