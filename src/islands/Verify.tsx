/**
 * The verify page: checks a certificate without a server. Accepts a credential file (Open Badges
 * 3.0 JSON, or a countersigned VC-JWT), pasted text, or a verification link (#r=…). Marks the
 * answers again against this site's quiz bank and, for signed credentials, checks the signature
 * against the keys this site publishes.
 */
import './zod-jitless.ts';
import { useCallback, useEffect, useState } from 'react';
import {
	type CertificateCatalog,
	type CertificateRecord,
	certificateIdOf,
	checkRecord,
	type RecordCheck,
} from '../core/certificates.ts';
import { looksLikeJwt, MAX_CREDENTIAL_BYTES, openCredential, parseRecord } from '../core/credential.ts';
import { bankOf } from '../core/evidence.ts';
import { unpackFromLink } from '../core/link-codec.ts';
import { parseJson } from '../core/progress-codec.ts';
import type { SignatureResult } from '../core/signing.ts';
import { type Quiz, QuizSchema } from '../schemas/quiz.ts';

interface Props {
	catalog: CertificateCatalog;
	base: string;
	organisation: string;
}

type Outcome =
	| { kind: 'error'; source: string; message: string }
	| {
			kind: 'checked';
			source: string;
			record: CertificateRecord;
			check: RecordCheck;
			/** Problems between the credential's outside and its record. */
			bindingProblems: string[];
			signature: SignatureResult | undefined;
	  };

async function fetchJson(url: string): Promise<unknown> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`HTTP ${res.status}`);
	return res.json();
}

async function loadBank(base: string, record: CertificateRecord) {
	const ids = [...new Set(record.evidence.attempts.map((a) => a.quizId))];
	const quizzes = await Promise.all(
		ids.map(async (id) => {
			try {
				const parsed = QuizSchema.safeParse(await fetchJson(`${base}bank/${id}.json`));
				return parsed.success ? parsed.data : undefined;
			} catch {
				return undefined;
			}
		}),
	);
	return bankOf(quizzes.filter((q): q is Quiz => q !== undefined));
}

/** The signature checker (jose) loads only when a signed credential is given. */
async function loadKeys(base: string) {
	const { JwksSchema, RevocationListSchema, verifySignedCredential } = await import('../core/signing.ts');
	const [jwks, revoked] = await Promise.all([
		fetchJson(`${base}keys/jwks.json`).then((v) => JwksSchema.parse(v)),
		fetchJson(`${base}keys/revoked.json`).then((v) => RevocationListSchema.parse(v)),
	]);
	return { jwks, revoked, verifySignedCredential };
}

export default function Verify({ catalog, base, organisation }: Props) {
	const [hydrated, setHydrated] = useState(false);
	const [outcome, setOutcome] = useState<Outcome>();
	const [pasted, setPasted] = useState('');
	const [busy, setBusy] = useState(false);

	const check = useCallback(
		async (text: string, source: string) => {
			setBusy(true);
			try {
				setOutcome(await verifyText(text, source, catalog, base));
			} finally {
				setBusy(false);
			}
		},
		[catalog, base],
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
					.then((text) => check(text, source))
					.catch(() =>
						setOutcome({
							kind: 'error',
							source,
							message:
								'This verification link is damaged or cut short, so there is nothing to check. Ask for the link again, or for the credential file.',
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
					<span>Choose or drop the credential file (.json, or .jwt when countersigned)</span>
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
				{busy ? <p>Checking…</p> : outcome && <Result outcome={outcome} organisation={organisation} />}
			</div>
		</div>
	);
}

/** Everything between the input and the verdict; exported for the unit of the page that is pure. */
async function verifyText(
	text: string,
	source: string,
	catalog: CertificateCatalog,
	base: string,
): Promise<Outcome> {
	const fail = (message: string): Outcome => ({ kind: 'error', source, message });
	const trimmed = text.trim();
	if (new TextEncoder().encode(trimmed).length > MAX_CREDENTIAL_BYTES)
		return fail('This is far larger than any credential.');
	let signature: SignatureResult | undefined;
	let value: unknown;
	if (looksLikeJwt(trimmed)) {
		let keys: Awaited<ReturnType<typeof loadKeys>>;
		try {
			keys = await loadKeys(base);
		} catch {
			return fail(
				'This credential is countersigned, but this site’s published keys (keys/jwks.json) could not be read, so the signature cannot be checked here.',
			);
		}
		signature = await keys.verifySignedCredential(trimmed, keys.jwks, keys.revoked);
		if (!signature.ok) return fail(signature.message);
		value = signature.payload;
	} else {
		try {
			value = parseJson(trimmed);
		} catch (e) {
			return fail(
				(e as Error).message.includes('__proto__')
					? 'This file looks crafted (it contains a "__proto__" key), so it was not read.'
					: 'This is neither a credential file (JSON) nor a countersigned credential (JWT).',
			);
		}
	}
	let record: CertificateRecord;
	let bindingProblems: string[] = [];
	if (typeof value === 'object' && value !== null && 'claim' in value && 'evidence' in value) {
		const parsed = parseRecord(JSON.stringify(value));
		if (!parsed.ok) return fail(`The record was edited or damaged: ${parsed.message}.`);
		record = parsed.record;
	} else {
		const opened = await openCredential(value);
		if (!opened.ok) return fail(opened.message);
		record = opened.record;
		bindingProblems = opened.problems;
	}
	if (!catalog.principles.length) return fail('This site has no principles to check against.');
	try {
		const check = await checkRecord(record, catalog, await loadBank(base, record));
		return { kind: 'checked', source, record, check, bindingProblems, signature };
	} catch (e) {
		return fail(`The record could not be checked: ${(e as Error).message}.`);
	}
}

function Result({ outcome, organisation }: { outcome: Outcome; organisation: string }) {
	if (outcome.kind === 'error') {
		return (
			<div className="verify-result is-invalid" role="alert">
				<h2>Not verified</h2>
				<p>
					<strong>{outcome.source}:</strong> {outcome.message}
				</p>
			</div>
		);
	}
	const { record, check, bindingProblems, signature } = outcome;
	const problems = [...bindingProblems, ...check.problems];
	const ok = problems.length === 0;
	const signed = signature?.ok === true;
	const headline = !ok
		? 'Not valid: the record does not hold together'
		: signed
			? `Verified: countersigned by ${organisation}, and the record is consistent and complete`
			: 'Consistent and complete, but self-declared';
	return (
		<div
			className={`verify-result ${ok ? (signed ? 'is-verified' : 'is-consistent') : 'is-invalid'}`}
			role="status"
		>
			<h2>{headline}</h2>
			{ok && !signed && (
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
				<dt>Claimed</dt>
				<dd>
					{new Date(record.claim.earnedAt).toLocaleDateString(undefined, { dateStyle: 'long' })}, score{' '}
					{Math.round(record.claim.score * 100)}%
				</dd>
				<dt>Certificate id</dt>
				<dd>{certificateIdOf(check.digest)}</dd>
				<dt>Record digest (SHA-256)</dt>
				<dd>
					<code className="digest">{check.digest}</code>
				</dd>
				<dt>Made on</dt>
				<dd>
					{record.evidence.site.name} ({record.evidence.site.url}), content {record.evidence.contentVersion}
				</dd>
			</dl>
			<h3>Attempts marked again</h3>
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
		</div>
	);
}
