/**
 * One certificate: the printable page (HTML + SVG artwork, print CSS does the rest), and the
 * downloads: PDF (pdf-lib, loaded on click), Open Badges 3.0 credential (JSON), and a
 * verification link. Thin: the rule, record and credential come from src/core.
 */
import { useEffect, useState } from 'react';
import {
	type AchievementId,
	type CertificateCatalog,
	certificateIdOf,
} from '../core/certificates/eligibility.ts';
import { type CertificateSite, describeAchievement } from '../core/certificates/site.ts';
import { percent } from '../core/progress/labels.ts';
import { downloadBlob, downloadText } from './adapters/downloads.ts';
import { useProgressLater } from './adapters/progress-later.ts';
import { servedSite, useIssued } from './certificates/certificate-data.ts';
import { prefetchPdfFonts } from './certificates/pdf-font-prefetch.ts';
import { LearnerName } from './LearnerName.tsx';
import { ProgressNotices } from './ProgressNotices.tsx';

interface Props {
	id: AchievementId;
	catalog: CertificateCatalog;
	site: CertificateSite;
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

export default function Certificate({ id, catalog, site }: Props) {
	// The store (and its schemas) loads after hydration, so the page shows first (issue #22).
	const later = useProgressLater();
	const progress = { data: later.data };
	const hydrated = later.state !== undefined;
	const [busy, setBusy] = useState(false);
	const [message, setMessage] = useState('');
	const { status: raw, issued, checked } = useIssued(catalog, id, progress.data, site);
	// Once checked, show what the checked record says (an attempt that did not re-score is left out).
	const status = issued?.status ?? raw;
	// Online, save the fonts this certificate's PDF needs, so that it can be made offline later.
	const earned = status?.earned === true;
	const pdfTexts = [
		progress.data.learnerName ?? '',
		site.organisation,
		site.signatory ?? '',
		status?.title ?? '',
	];
	const pdfTextsKey = pdfTexts.join('\n');
	// biome-ignore lint/correctness/useExhaustiveDependencies: pdfTextsKey stands for pdfTexts
	useEffect(() => {
		if (earned && progress.data.learnerName) void prefetchPdfFonts(site.base, pdfTexts);
	}, [earned, pdfTextsKey, site.base]);

	if (!status) return <p className="notice">There is no certificate called “{id}”.</p>;
	const name = progress.data.learnerName;

	if (!hydrated) {
		return (
			<div className="certificate-view">
				<p className="muted">Reading your progress from this browser…</p>
			</div>
		);
	}

	if (!status.earned) {
		return (
			<div className="certificate-view certificate-pending" data-hydrated="true">
				<ProgressNotices later={later} />
				<p>You have not earned this certificate yet. Still to do:</p>
				<ul>
					{status.remaining.map((r) => (
						<li key={r}>{r}</li>
					))}
				</ul>
				<p>
					<a href={`${site.base}certificates/`}>See all certificates and what each needs</a>
				</p>
			</div>
		);
	}

	const verifyUrl = `${servedSite(site).url}verify/`;
	const certificateId = issued ? certificateIdOf(issued.digest) : '';
	const revisions = issued
		? [
				...new Set(
					issued.record.evidence.attempts.filter((a) => a.passed).map((a) => `${a.quizId} r${a.revision}`),
				),
			]
		: [];
	const baseName = `certificate-${id}-${certificateId.toLowerCase()}`;

	const downloadPdf = async () => {
		if (!issued || !name) return;
		setBusy(true);
		setMessage('Making the PDF…');
		try {
			const { certificatePdf } = await import('./certificates/certificate-pdf.ts');
			const bytes = await certificatePdf(
				{
					siteName: site.name,
					organisation: site.organisation,
					signatory: site.signatory,
					learnerName: name,
					title: status.title,
					provisions: status.provisions,
					earnedOn: day(status.earnedAt as string),
					score: percent(status.score ?? 0),
					contentVersion: site.contentVersion,
					quizRevisions: revisions.length
						? `quiz ${revisions.join(', ')}`
						: `labs ${(issued.record.evidence.labs ?? []).map((l) => `${l.lab} r${l.revision}`).join(', ')}`,
					certificateId,
					verifyUrl,
				},
				site.base,
			);
			downloadBlob(`${baseName}.pdf`, new Blob([bytes as BlobPart], { type: 'application/pdf' }));
			setMessage('PDF downloaded.');
		} catch (e) {
			setMessage(pdfFailure(e as Error));
		} finally {
			setBusy(false);
		}
	};

	return (
		<div className="certificate-view" data-hydrated="true">
			<ProgressNotices later={later} />
			<div className="no-print">
				<LearnerName
					saved={name}
					hint="Any script works. The name stays in this browser and goes only into the files you download."
				/>
			</div>
			{!name ? (
				<p className="notice">Enter your name above to see your certificate.</p>
			) : checked.state === 'checking' ? (
				<p className="muted" role="status">
					Checking this certificate as the verify page would…
				</p>
			) : checked.state === 'unchecked' ? (
				<p className="notice" role="status">
					{checked.message}
				</p>
			) : checked.state === 'invalid' ? (
				<div className="notice certificate-invalid" role="alert">
					<p>
						<strong>This certificate is not shown:</strong> the progress record in this browser does not back
						it, so the verify page would call it “Not valid”.
					</p>
					<ul>
						{checked.problems.map((p) => (
							<li key={p}>{p}</li>
						))}
					</ul>
					<p>
						Take the assessment again to earn it;{' '}
						<a href={`${site.base}certificates/`}>see what each certificate needs</a>.
					</p>
				</div>
			) : (
				<>
					<article
						className="certificate"
						aria-labelledby="certificate-title"
						data-certificate-id={certificateId}
					>
						<CertificateFrame />
						<div className="certificate-body">
							<p className="certificate-org">{site.organisation}</p>
							<h2 id="certificate-title" className="certificate-title">
								Certificate of completion
							</h2>
							<p className="certificate-small">This certifies that</p>
							<p className="certificate-name" dir="auto">
								{name}
							</p>
							<p className="certificate-small">has completed</p>
							<p className="certificate-achievement">{status.title}</p>
							<p className="certificate-provisions">Provisions covered: {status.provisions.join(', ')}</p>
							<dl className="certificate-facts">
								<div>
									<dt>Earned</dt>
									<dd>{day(status.earnedAt as string)}</dd>
								</div>
								<div>
									<dt>Score</dt>
									<dd>{percent(status.score ?? 0)}</dd>
								</div>
								<div>
									<dt>Content</dt>
									<dd>
										{site.contentVersion}
										{revisions.length > 0 && status.principle !== undefined
											? ` (${revisions.join(', ')})`
											: ''}
									</dd>
								</div>
								<div>
									<dt>Certificate</dt>
									<dd className="certificate-id">{certificateId || '…'}</dd>
								</div>
							</dl>
							{site.signatory && <p className="certificate-small">Programme owner: {site.signatory}</p>}
							<p className="certificate-note">
								Self-declared: made in the learner’s browser from their own progress record; not countersigned
								by {site.organisation}. Check the record at {verifyUrl}
							</p>
						</div>
					</article>
					<div className="certificate-actions no-print">
						<h2>Keep or share it</h2>
						<p>
							This certificate is <strong>self-declared</strong>: your browser made it, so anyone could make
							one. The credential file is signed with a key your browser made for it, which shows it has not
							been changed since, not that anyone vouches for it. What makes it checkable is the record it
							carries: your answers, the quiz revisions and dates. The{' '}
							<a href={`${site.base}verify/`}>verify page</a> marks those answers again. For a certificate
							others can trust without checking, ask {site.organisation} to countersign the credential file.
						</p>
						{issued && <Disclosure issued={issued} />}
						<div className="button-row">
							<button type="button" className="button" onClick={() => window.print()}>
								Print
							</button>
							<button type="button" className="button" onClick={downloadPdf} disabled={busy || !issued}>
								Download PDF
							</button>
							<button
								type="button"
								className="button button-secondary"
								disabled={!issued}
								onClick={() =>
									issued && downloadText(`${baseName}.jwt`, `${issued.jwt}\n`, 'application/jwt')
								}
							>
								Download credential (Open Badges 3.0)
							</button>
						</div>
						{issued && (
							<p>
								<a href={`${site.base}verify/#${issued.linkFragment}`}>Verification link</a>{' '}
								<span className="muted">(carries the record; share it with whoever needs to check)</span>
							</p>
						)}
						<p role="status" className="field-status">
							{message}
						</p>
						<p className="muted">{describeAchievement(status)}</p>
					</div>
				</>
			)}
		</div>
	);
}

/**
 * Exactly what the downloads (PDF, credential, verification link) disclose: the record they carry.
 * Shown before any download, so the learner knows what whoever checks it will see.
 */
function Disclosure({ issued }: { issued: NonNullable<ReturnType<typeof useIssued>['issued']> }) {
	const e = issued.record.evidence;
	return (
		<details className="certificate-disclosure" open>
			<summary>What the credential and verification link disclose</summary>
			<p>
				Only what proves this certificate. Whoever checks it sees exactly this, and nothing else from your
				progress (no failed or practice attempts, no other modules):
			</p>
			<ul>
				<li>
					Your name: <span dir="auto">{e.learner.name}</span>
				</li>
				<li>
					The site: {e.site.name} ({e.site.url}), content {e.contentVersion}; record made{' '}
					{new Date(e.createdAt).toLocaleString()}
				</li>
				{e.modules.map((m) => (
					<li key={m.id}>
						Marked as read: {m.id}, {new Date(m.readAt).toLocaleString()}
					</li>
				))}
				{e.attempts.map((a) => (
					<li key={a.id}>
						Assessment {a.quizId} (revision {a.revision}), submitted{' '}
						{new Date(a.submittedAt).toLocaleString()}: {percent(a.score)}, passed; with its{' '}
						{a.questionIds.length} questions and your answers
					</li>
				))}
			</ul>
			<p className="muted">The PDF shows your name, the achievement, date, score and certificate id.</p>
		</details>
	);
}

/**
 * What to tell the learner when the PDF cannot be made. Offline, a font or the PDF maker that was
 * never saved on this device is the usual cause: say so plainly, and what to do.
 */
export function pdfFailure(e: Error): string {
	const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
	if (e.name === 'FontUnavailableError' || (offline && e instanceof TypeError)) {
		return 'The PDF needs a connection once: the font for some letters on this certificate (or the PDF maker) is not saved on this device yet. Connect and press “Download PDF” again; after that it works offline. Or print the page now (choose “Save as PDF” in the print dialogue).';
	}
	return `The PDF could not be made: ${e.message}. Print the page instead (choose “Save as PDF” in the print dialogue).`;
}

/** Decorative frame and seal: drawn in SVG so it prints crisply at any size. */
function CertificateFrame() {
	return (
		<svg className="certificate-frame" viewBox="0 0 1000 734" aria-hidden="true" focusable="false">
			<rect x="8" y="8" width="984" height="718" rx="6" fill="none" stroke="currentColor" strokeWidth="5" />
			<rect
				x="22"
				y="22"
				width="956"
				height="690"
				rx="4"
				fill="none"
				stroke="currentColor"
				strokeWidth="1.5"
			/>
			<g transform="translate(880 624)">
				<circle r="52" fill="none" stroke="currentColor" strokeWidth="3" />
				<circle r="42" fill="none" stroke="currentColor" strokeWidth="1" strokeDasharray="4 3" />
				<path
					d="M-18 2 L-5 15 L20 -14"
					fill="none"
					stroke="currentColor"
					strokeWidth="6"
					strokeLinecap="round"
				/>
			</g>
		</svg>
	);
}
