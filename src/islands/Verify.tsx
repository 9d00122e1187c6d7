/**
 * The verify page: checks a certificate without a server. Accepts a credential file (Open Badges
 * 3.0 JSON, or a countersigned VC-JWT), pasted text, or a verification link (#r=…). Marks the
 * answers again against this site's quiz bank and, for signed credentials, checks the signature
 * against the keys this site publishes. Recorded lab passes are run again in the lab page's
 * sandboxed worker, loaded only when the record carries lab passes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CertificateCatalog } from '../core/certificates/eligibility.ts';
import type { Outcome } from '../core/certificates/verify.ts';
import { MAX_UNPACKED_BYTES as MAX_CREDENTIAL_BYTES, unpackFromLink } from '../core/envelope/link-codec.ts';
import type { LabPassCheck } from '../core/labs/recheck.ts';
import type { EvidenceLab } from '../core/quiz/evidence.ts';
import { quizBank } from './adapters/quiz-bank.ts';

interface Props {
	catalog: CertificateCatalog;
	base: string;
	organisation: string;
}

export default function Verify({ catalog, base, organisation }: Props) {
	const [hydrated, setHydrated] = useState(false);
	const [outcome, setOutcome] = useState<Outcome>();
	const [pasted, setPasted] = useState('');
	const [busy, setBusy] = useState(false);
	const [labProgress, setLabProgress] = useState<{ done: number; total: number }>();

	const check = useCallback(
		async (text: string, source: string) => {
			setBusy(true);
			setLabProgress(undefined);
			try {
				const { verifyText } = await import('../core/certificates/verify.ts');
				// The sandbox (worker, engine, suites) loads only when the record carries lab passes.
				const checkLabs = async (entries: EvidenceLab[]): Promise<LabPassCheck[]> => {
					setLabProgress({ done: 0, total: entries.length });
					const { recheckInBrowser } = await import('./labs/lab-recheck.ts');
					return recheckInBrowser(entries, base, (done, total) => setLabProgress({ done, total }));
				};
				setOutcome(await verifyText(text, source, catalog, base, quizBank(base), organisation, checkLabs));
			} finally {
				setBusy(false);
			}
		},
		[catalog, base, organisation],
	);

	useEffect(() => {
		setHydrated(true);
		const fromHash = () => {
			const hash = window.location.hash.slice(1);
			if (!hash || hash === 'how-it-works') return;
			const params = new URLSearchParams(hash);
			const packed = params.get('r');
			const jwt = params.get('jwt');
			const source = 'the link you opened';
			if (jwt) void check(jwt, source);
			else if (packed) {
				unpackFromLink(packed, MAX_CREDENTIAL_BYTES)
					.then(async (text) => {
						// A changed character can still unpack, into nonsense: say that about the link.
						const { linkRecordProblem } = await import('../core/certificates/link-problem.ts');
						const altered = linkRecordProblem(text, MAX_CREDENTIAL_BYTES);
						if (altered) setOutcome({ kind: 'error', source, ...altered });
						else await check(text, source);
					})
					.catch((e: unknown) =>
						setOutcome({
							kind: 'error',
							source,
							message:
								'This verification link is damaged or cut short, so there is nothing to check. Ask for the link again, or for the credential file.',
							detail: String((e as Error)?.message ?? e),
						}),
					);
			} else {
				setOutcome({
					kind: 'error',
					source,
					message: 'This link does not carry a record (it should end in #r=… or #jwt=…).',
				});
			}
		};
		fromHash();
		window.addEventListener('hashchange', fromHash);
		return () => window.removeEventListener('hashchange', fromHash);
	}, [check]);

	const onFile = async (file: File | undefined) => {
		if (!file) return;
		if (file.size > MAX_CREDENTIAL_BYTES) {
			setOutcome({
				kind: 'error',
				source: file.name,
				message: `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a credential is well under ${MAX_CREDENTIAL_BYTES / 1024 / 1024} MB. Choose the credential file itself.`,
			});
			return;
		}
		await check(await file.text(), file.name);
	};

	return (
		<div className="verify" data-hydrated={hydrated ? 'true' : undefined}>
			<section aria-labelledby="verify-input">
				<h2 id="verify-input">Check a certificate</h2>
				<label
					className="drop-zone"
					onDragOver={(e) => e.preventDefault()}
					onDrop={(e) => {
						e.preventDefault();
						void onFile(e.dataTransfer.files[0]);
					}}
				>
					<span>Choose or drop the credential file (.jwt, or .json from before credentials were signed)</span>
					<input
						type="file"
						accept=".json,.jwt,.txt,application/json"
						disabled={!hydrated || busy}
						onChange={(e) => void onFile(e.target.files?.[0])}
					/>
				</label>
				<form
					onSubmit={(e) => {
						e.preventDefault();
						if (pasted.trim()) void check(pasted, 'the pasted text');
					}}
				>
					<label htmlFor="verify-paste">Or paste the credential (JSON or JWT)</label>
					<textarea id="verify-paste" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
					<button type="submit" className="button" disabled={!hydrated || busy || !pasted.trim()}>
						Check
					</button>
				</form>
			</section>
			<div aria-live="polite">
				{busy ? (
					<p>
						{labProgress
							? `Running the recorded lab code again: ${labProgress.done} of ${labProgress.total}…`
							: 'Checking…'}
					</p>
				) : (
					outcome && <Result outcome={outcome} organisation={organisation} />
				)}
			</div>
		</div>
	);
}

function Result({ outcome, organisation }: { outcome: Outcome; organisation: string }) {
	if (outcome.kind === 'error') {
		return (
			<div className="verify-result is-invalid" role="alert">
				<h2>Not verified</h2>
				<p>
					<strong>{outcome.source}:</strong> {outcome.message}
				</p>
				{outcome.detail && (
					<details className="technical-detail">
						<summary>Technical detail</summary>
						<code>{outcome.detail}</code>
					</details>
				)}
			</div>
		);
	}
	const { record, check, problems, mismatches, signature, form } = outcome;
	const ok = outcome.valid;
	const fields = [...new Set(mismatches.map((m) => m.label))];
	const signed = signature?.ok === true && signature.form === 'organisation';
	const headline = !ok
		? fields.length
			? `Not valid: the credential’s ${fields.join(', ')} ${fields.length === 1 ? 'does' : 'do'} not match its record`
			: 'Not valid: the record does not hold together'
		: signed
			? `Verified: countersigned by ${organisation}, and the record is consistent and complete`
			: form === 'self-issued'
				? 'Consistent and complete, self-issued by the learner'
				: form === 'legacy'
					? 'Consistent and complete, but made before credentials carried proofs'
					: 'Consistent and complete, but self-declared';
	return (
		<div
			className={`verify-result ${ok ? (signed ? 'is-verified' : 'is-consistent') : 'is-invalid'}`}
			role="status"
		>
			<h2>{headline}</h2>
			{ok && form === 'self-issued' && signature?.ok && (
				<p>
					The signature matches the key the credential names as its issuer (thumbprint{' '}
					<code>{signature.thumbprint}</code>), so nothing in it has changed since it was made. That key was
					made by the learner’s own browser: the signature shows the credential is intact, not that anyone
					vouches for it. The answers in its record score what it claims and meet every requirement, which
					shows what the record says, not who answered. For proof, ask for a credential countersigned by{' '}
					{organisation}.
				</p>
			)}
			{ok && form === 'legacy' && (
				<p>
					This credential file was made by an earlier version of this site, before credentials were signed.
					Nothing suggests it was forged: its answers score what it claims and meet every requirement. But it
					carries no proof, so wallets and other verifiers will not accept it. The learner can download a
					signed credential from the certificate page.
				</p>
			)}
			{ok && form === 'record' && (
				<p>
					The answers in this record score what it claims and meet every requirement. But the learner’s own
					browser made it, so it shows what the record says, not who answered. For proof, ask for a credential
					countersigned by {organisation}.
				</p>
			)}
			{signed && signature?.ok && (
				<p>
					Signed with the key “{signature.kid}” that this site publishes (thumbprint{' '}
					<code>{signature.thumbprint}</code>), not on the revocation list.
				</p>
			)}
			{problems.length > 0 && (
				<ul className="verify-problems">
					{problems.map((p) => (
						<li key={p}>{p}</li>
					))}
				</ul>
			)}
			<dl className="verify-facts">
				<dt>Name</dt>
				<dd dir="auto">{record.evidence.learner.name}</dd>
				<dt>Achievement</dt>
				<dd>{check.status.title}</dd>
				<dt>Claimed by the record</dt>
				<dd>
					{new Date(record.claim.earnedAt).toLocaleDateString(undefined, { dateStyle: 'long' })}, score{' '}
					{Math.round(record.claim.score * 100)}%
				</dd>
				<dt>Certificate id</dt>
				<dd>{outcome.certificateId}</dd>
				<dt>Record digest (SHA-256)</dt>
				<dd>
					<code className="digest">{check.digest}</code>
				</dd>
				<dt>Made on</dt>
				<dd>
					{record.evidence.site.name} ({record.evidence.site.url}), content {record.evidence.contentVersion}
				</dd>
			</dl>
			{check.checks.length > 0 && <h3>Attempts marked again</h3>}
			{check.checks.length > 0 && (
				<table className="verify-attempts">
					<thead>
						<tr>
							<th scope="col">Quiz</th>
							<th scope="col">Revision</th>
							<th scope="col">Submitted</th>
							<th scope="col">Result</th>
						</tr>
					</thead>
					<tbody>
						{check.checks.map((c) => {
							const a = record.evidence.attempts.find((x) => x.id === c.attemptId);
							return (
								<tr key={c.attemptId} className={c.status === 'consistent' ? '' : 'is-bad'}>
									<td>{c.quizId}</td>
									<td>{c.revision}</td>
									<td>{a ? new Date(a.submittedAt).toLocaleString() : ''}</td>
									<td>
										{c.status === 'consistent' ? '✓ ' : '✗ '}
										{c.message}
									</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			)}
			{check.labs.length > 0 && (
				<>
					<h3>Labs run again</h3>
					<p>
						Each lab pass’s recorded code was run again, with its recorded seed, against the lab’s published
						suites in the same sandbox the lab page uses.
					</p>
					<table className="verify-attempts verify-labs">
						<thead>
							<tr>
								<th scope="col">Lab</th>
								<th scope="col">Revision</th>
								<th scope="col">Passed</th>
								<th scope="col">Result</th>
							</tr>
						</thead>
						<tbody>
							{check.labs.map((c) => (
								<tr key={`${c.lab}|${c.at}`} className={c.status === 'passed' ? '' : 'is-bad'}>
									<td>{c.title}</td>
									<td>{c.revision}</td>
									<td>
										{new Date(c.at).toLocaleString()}
										{c.solutionShown ? ' (solution shown)' : ''}
									</td>
									<td>
										{c.status === 'passed' ? '✓ ' : '✗ '}
										{c.message}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</>
			)}
		</div>
	);
}
