/**
 * The verify page's checking pipeline, loaded on the first check (it brings the quiz schemas and
 * the credential code, which the page does not need until then).
 */
import { type CertificateCatalog, certificateIdOf } from './eligibility.ts';
import { type CertificateRecord, checkRecord, type RecordCheck } from './record.ts';
import { looksLikeJwt, MAX_CREDENTIAL_BYTES, openCredential, parseRecord } from './credential.ts';
import { bankOf } from '../quiz/evidence.ts';
import { parseJson } from '../progress/codec.ts';
import type { SignatureResult } from './signing.ts';
import type { Quiz } from '../../schemas/quiz.ts';

export type Outcome =
	| { kind: 'error'; source: string; message: string }
	| {
			kind: 'checked';
			source: string;
			record: CertificateRecord;
			check: RecordCheck;
			/** Problems between the credential's outside and its record. */
			bindingProblems: string[];
			certificateId: string;
			signature: SignatureResult | undefined;
	  };

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

/** The signature checker (jose) loads only when a signed credential is given. */
async function loadKeys(base: string) {
	const { JwksSchema, RevocationListSchema, verifySignedCredential } = await import('./signing.ts');
	const [jwks, revoked] = await Promise.all([
		fetchJson(`${base}keys/jwks.json`).then((v) => JwksSchema.parse(v)),
		fetchJson(`${base}keys/revoked.json`).then((v) => RevocationListSchema.parse(v)),
	]);
	return { jwks, revoked, verifySignedCredential };
}

/** Everything between the input and the verdict. */
export async function verifyText(
	text: string,
	source: string,
	catalog: CertificateCatalog,
	base: string,
	loadQuizzes: LoadQuizzes,
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
		const check = await checkRecord(record, catalog, await loadBank(loadQuizzes, record));
		return {
			kind: 'checked',
			source,
			record,
			check,
			bindingProblems,
			signature,
			certificateId: certificateIdOf(check.digest),
		};
	} catch (e) {
		return fail(`The record could not be checked: ${(e as Error).message}.`);
	}
}
