/**
 * The verify page's checking pipeline, loaded on the first check (it brings the quiz schemas and
 * the credential code, which the page does not need until then).
 */

import type { Quiz } from '../../schemas/quiz.ts';
import { problemDetail } from '../envelope/messages.ts';
import { readUntrustedJson } from '../envelope/untrusted-json.ts';
import { bankOf } from '../quiz/evidence.ts';
import { looksLikeJwt, MAX_CREDENTIAL_BYTES, MAX_CREDENTIAL_DEPTH } from './credential.ts';
import type { CertificateCatalog } from './eligibility.ts';
import { credentialTextProblem } from './messages.ts';
import type { CertificateRecord } from './record.ts';
import type { SignatureResult } from './signing.ts';
import { judge, type Verdict, type VerdictContext } from './verdict.ts';

/**
 * What was checked: a self-issued or countersigned VC-JWT, a legacy credential (JSON made before
 * credentials carried proofs), or a bare record (a verification link).
 */
export type Form = 'self-issued' | 'organisation' | 'legacy' | 'record';

export type Outcome =
	/** `detail`: the parser's own words, for a "Technical detail" disclosure (never the headline). */
	| { kind: 'error'; source: string; message: string; detail?: string }
	| (Extract<Verdict, { kind: 'checked' }> & {
			source: string;
			signature: SignatureResult | undefined;
			form: Form;
	  });
async function fetchJson(url: string): Promise<unknown> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`HTTP ${res.status}`);
	return res.json();
}

/** Loads the quizzes with these ids from the site's bank (unknown ids left out); throws when the bank cannot be read. */
export type LoadQuizzes = (ids: string[]) => Promise<Quiz[]>;

async function loadBank(loadQuizzes: LoadQuizzes, record: CertificateRecord) {
	return bankOf(await loadQuizzes([...new Set(record.evidence.attempts.map((a) => a.quizId))]));
}

/** The organisation's published keys and revocation list (fetched only for a countersigned credential). */
async function loadKeys(base: string, signing: typeof import('./signing.ts')) {
	const [jwks, revoked] = await Promise.all([
		fetchJson(`${base}keys/jwks.json`).then((v) => signing.JwksSchema.parse(v)),
		fetchJson(`${base}keys/revoked.json`).then((v) => signing.RevocationListSchema.parse(v)),
	]);
	return { jwks, revoked };
}

/** Checks a VC-JWT's proof: self-issued ones need nothing fetched; countersigned ones need the site's keys. */
async function checkProof(token: string, base: string): Promise<SignatureResult | string> {
	// The signature checker (jose) loads only when a signed credential is given.
	const signing = await import('./signing.ts');
	const form = signing.formOf(token);
	if (form === 'self-issued') return signing.verifySelfIssued(token);
	if (form !== 'organisation')
		return signing.verifySignedCredential(token, { keys: [] }, { keys: [], credentials: [] });
	let keys: Awaited<ReturnType<typeof loadKeys>>;
	try {
		keys = await loadKeys(base, signing);
	} catch {
		return 'This credential is countersigned, but this site’s published keys (keys/jwks.json) could not be read, so the signature cannot be checked here.';
	}
	return signing.verifySignedCredential(token, keys.jwks, keys.revoked);
}

const INSIDE_OF_SIGNED =
	'This is the inside of a signed credential without its signature, so it cannot be checked on its own. Check the .jwt file it came from (Download credential on the certificate page).';

/** Everything between the input and the verdict. */
export async function verifyText(
	text: string,
	source: string,
	catalog: CertificateCatalog,
	base: string,
	loadQuizzes: LoadQuizzes,
	organisation: string,
	/** Runs recorded lab passes again (see VerdictContext.checkLabs); loaded by the caller only when needed. */
	checkLabs?: VerdictContext['checkLabs'],
): Promise<Outcome> {
	const fail = (message: string, detail?: string): Outcome => ({
		kind: 'error',
		source,
		message,
		...(detail ? { detail } : {}),
	});
	const trimmed = text.trim();
	if (new TextEncoder().encode(trimmed).length > MAX_CREDENTIAL_BYTES)
		return fail(credentialTextProblem({ code: 'too-large', bytes: 0, maxBytes: MAX_CREDENTIAL_BYTES }));
	let signature: SignatureResult | undefined;
	let value: unknown;
	let form: Form;
	if (looksLikeJwt(trimmed)) {
		const proof = await checkProof(trimmed, base);
		if (typeof proof === 'string') return fail(proof);
		signature = proof;
		if (!signature.ok) return fail(signature.message);
		value = signature.payload;
		form = signature.form;
	} else {
		const json = readUntrustedJson(trimmed, {
			maxBytes: MAX_CREDENTIAL_BYTES,
			maxDepth: MAX_CREDENTIAL_DEPTH,
		});
		if (!json.ok) return fail(credentialTextProblem(json.problem), problemDetail(json.problem));
		value = json.value;
		const v = value as { credentialSubject?: { id?: unknown }; claim?: unknown } | null;
		if (typeof v?.credentialSubject?.id === 'string') return fail(INSIDE_OF_SIGNED);
		form = v && typeof v === 'object' && 'credentialSubject' in v ? 'legacy' : 'record';
	}
	const holder =
		signature?.ok && signature.form === 'self-issued'
			? { form: 'self-issued' as const, did: signature.kid }
			: signature?.ok
				? { form: 'organisation' as const }
				: undefined;
	let verdict: Verdict;
	try {
		verdict = await judge(value, {
			catalog,
			organisation,
			bankFor: (record) => loadBank(loadQuizzes, record),
			...(checkLabs ? { checkLabs } : {}),
			...(holder ? { holder } : {}),
		});
	} catch (e) {
		// The quiz bank could not be read (network or server): say so, rather than "unknown quiz".
		return fail(`The record could not be checked: ${(e as Error).message}.`);
	}
	if (verdict.kind === 'unreadable') return fail(verdict.message);
	return { ...verdict, source, signature, form };
}
