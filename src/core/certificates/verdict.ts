/**
 * THE VERDICT on a certificate: one function, shared by the verify page (verify.ts) and by
 * `npm run certify -- sign / verify`, so that the organisation never countersigns what the page
 * would call "Not valid", and the page never calls valid what the organisation would refuse.
 *
 * A credential is valid only when BOTH hold:
 *   1. its record holds together (record.ts: every attempt re-scores as recorded, and the rule of
 *      eligibility.ts, applied to the evidence alone, gives the claimed achievement, date and score);
 *   2. every claim on its outside (name, score, date, achievement, principle and provisions,
 *      issuer, ids, descriptions…) equals what the record re-derives: the credential this site
 *      would build from that record (credential.ts, buildCredential) is compared leaf by leaf with
 *      the one given, and each difference names its field.
 *
 * Who issued it is a claim too: the caller says which proof it checked (`VerdictContext.holder`,
 * from signing.ts), and the expected credential is built for that form: the learner's did:jwk as
 * issuer and subject (self-issued), the organisation as issuer of the learner's did:jwk
 * (countersigned), or the legacy form without subject id (a credential made before proofs).
 *
 * Fields that are not claims, and so are not compared (listed in docs/certificates.md):
 *   - `proof`: an embedded proof a wallet may add; this site checks proofs as VC-JWTs only;
 *   - the JWT registered claims `iss`, `jti`, `nbf`, `sub`, `iat`, `exp` of a signed credential's
 *     payload: the signature covers them, and `iss`, `jti`, `nbf` and `sub` must still repeat the
 *     issuer id, credential id, date and subject id (checked below).
 */

import { buildCredential, type Holder, openCredential, parseRecord } from './credential.ts';
import { type CertificateCatalog, certificateIdOf, statusOf } from './eligibility.ts';
import { type ClaimMismatch, labelOf, mismatchText } from './messages.ts';
import { type CertificateRecord, checkRecord, type RecordCheck } from './record.ts';
import { criteriaOf, describeAchievement } from './site.ts';

export type { ClaimMismatch } from './messages.ts';

export { labelOf, mismatchText };

import type { LabPassCheck } from '../labs/recheck.ts';
import type { EvidenceLab, QuizBank } from '../quiz/evidence.ts';

/** Fields a credential may carry that are not claims (see the comment above and the docs). */
export const NON_CLAIM_FIELDS = ['proof', 'iss', 'jti', 'nbf', 'sub', 'iat', 'exp'] as const;

export interface VerdictContext {
	catalog: CertificateCatalog;
	/** The organisation this site names as issuer (certificates.organisation in the configuration). */
	organisation: string;
	/** The quiz bank to mark the record's attempts against. */
	bankFor(record: CertificateRecord): Promise<QuizBank> | QuizBank;
	/**
	 * Runs the record's lab passes again (labs/recheck.ts), in the caller's sandbox: the verify
	 * page's worker, or QuickJS in Node for `npm run certify`. Called only when the evidence
	 * carries lab passes; without it those passes count as not checked.
	 */
	checkLabs?(entries: EvidenceLab[]): Promise<LabPassCheck[]>;
	/**
	 * The proof the caller checked before judging: 'self-issued' (with the did:jwk of the key that
	 * signed) or 'organisation'. Absent: no proof, the legacy form.
	 */
	holder?: { form: 'self-issued'; did: string } | { form: 'organisation' };
}

export type Verdict =
	| { kind: 'unreadable'; message: string }
	| {
			kind: 'checked';
			/** True only when the record holds together and every claim matches it. */
			valid: boolean;
			record: CertificateRecord;
			check: RecordCheck;
			/** Claims on the outside the record does not back (empty for a bare record). */
			mismatches: ClaimMismatch[];
			/** Every reason the verdict is "Not valid", in plain language (empty when valid). */
			problems: string[];
			certificateId: string;
	  };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every leaf where `actual` differs from `expected`, as JSON paths. */
export function differences(
	expected: unknown,
	actual: unknown,
	path = '',
): { field: string; expected: unknown; says: unknown }[] {
	const at = (k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
	if (Array.isArray(expected) && Array.isArray(actual)) {
		const n = Math.max(expected.length, actual.length);
		return Array.from({ length: n }, (_, i) => differences(expected[i], actual[i], at(i))).flat();
	}
	if (isObject(expected) && isObject(actual)) {
		const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
		return keys.flatMap((k) =>
			differences(
				Object.hasOwn(expected, k) ? expected[k] : undefined,
				Object.hasOwn(actual, k) ? actual[k] : undefined,
				at(k),
			),
		);
	}
	return Object.is(expected, actual) ? [] : [{ field: path || '(top level)', expected, says: actual }];
}

/** The issuer and subject the credential should name, given the proof that was checked. */
function holderOf(proof: VerdictContext['holder'], credential: Record<string, unknown>): Holder | undefined {
	if (proof?.form === 'self-issued') return proof;
	if (proof?.form === 'organisation') {
		const id = (credential.credentialSubject as { id?: unknown } | undefined)?.id;
		// Whatever subject the organisation signed (its signature vouches for it); a missing one is a mismatch.
		return { form: 'organisation', subjectId: typeof id === 'string' ? id : '(a subject id)' };
	}
	return undefined;
}

/** The claims on a credential's outside that its record does not back. */
export async function claimMismatches(
	credential: Record<string, unknown>,
	record: CertificateRecord,
	catalog: CertificateCatalog,
	organisation: string,
	proof?: VerdictContext['holder'],
): Promise<ClaimMismatch[]> {
	// The title, description and provisions come from this site's catalog, as when it was issued.
	const status = statusOf(catalog, record.claim.achievement, () => ({ readAt: undefined, passes: [] }));
	if (!status)
		return [
			{
				field: 'evidence',
				label: 'achievement',
				says: record.claim.achievement,
				expected: 'an achievement this site offers',
			},
		];
	const expected: Record<string, unknown> = JSON.parse(
		JSON.stringify(
			await buildCredential(
				record,
				{
					site: { name: record.evidence.site.name, url: record.evidence.site.url },
					organisation,
					title: status.title,
					description: describeAchievement(status),
					provisions: status.provisions,
					criteria: criteriaOf(status),
				},
				holderOf(proof, credential),
			),
		),
	);
	const given: Record<string, unknown> = { ...credential };
	const jwt: ClaimMismatch[] = [];
	// JWT registered claims: not compared as fields, but those present must repeat the credential's.
	const repeats: [string, unknown][] = [
		['iss', (expected.issuer as { id: string }).id],
		['jti', expected.id],
		['nbf', Math.floor(Date.parse(String(expected.validFrom)) / 1000)],
		['sub', (expected.credentialSubject as { id?: string }).id],
	];
	for (const [k, v] of repeats) {
		if (Object.hasOwn(given, k) && !Object.is(given[k], v))
			jwt.push({ field: k, label: labelOf(k), says: given[k], expected: v });
	}
	for (const k of NON_CLAIM_FIELDS) delete given[k];
	const found = differences(expected, given).map((d) => ({ ...d, label: labelOf(d.field) }));
	// When the id differs, the record was swapped or edited: the evidence entry's name and
	// description (made from the same digest) differ too, and saying so adds nothing.
	const idDiffers = found.some((d) => d.field === 'id');
	return [
		...jwt,
		...found.filter((d) => !(idDiffers && /^evidence\[0\]\.(name|description)$/.test(d.field))),
	];
}

/**
 * The verdict on a credential (the parsed JSON of an unsigned credential, the payload of a
 * countersigned one whose signature was already checked) or on a bare record `{ claim, evidence }`.
 */
export async function judge(value: unknown, ctx: VerdictContext): Promise<Verdict> {
	let record: CertificateRecord;
	let credential: Record<string, unknown> | undefined;
	if (isObject(value) && 'claim' in value && 'evidence' in value && !('credentialSubject' in value)) {
		const parsed = parseRecord(JSON.stringify(value));
		if (!parsed.ok)
			return { kind: 'unreadable', message: `The record was edited or damaged: ${parsed.message}.` };
		record = parsed.record;
	} else {
		const opened = await openCredential(value);
		if (!opened.ok) return { kind: 'unreadable', message: opened.message };
		record = opened.record;
		credential = opened.credential;
	}
	if (!ctx.catalog.principles.length)
		return { kind: 'unreadable', message: 'This site has no principles to check against.' };
	let check: RecordCheck;
	try {
		const entries = record.evidence.labs ?? [];
		const labs = entries.length && ctx.checkLabs ? await ctx.checkLabs(entries) : [];
		check = await checkRecord(record, ctx.catalog, await ctx.bankFor(record), labs);
	} catch (e) {
		return { kind: 'unreadable', message: `The record could not be checked: ${(e as Error).message}.` };
	}
	const mismatches = credential
		? await claimMismatches(credential, record, ctx.catalog, ctx.organisation, ctx.holder)
		: [];
	const problems = [...mismatches.map(mismatchText), ...check.problems];
	return {
		kind: 'checked',
		valid: problems.length === 0,
		record,
		check,
		mismatches,
		problems,
		certificateId: certificateIdOf(check.digest),
	};
}
