/**
 * The record behind a certificate: what it claims (achievement, date, score) and the evidence,
 * bound together by the digest of both; and the sceptical check of a record, which marks every
 * attempt again and re-applies the rule of certificates.ts to the evidence alone.
 */
import { z } from '../../schemas/zod.ts';
import type { LabPassCheck } from '../labs/recheck.ts';
import {
	type AttemptCheck,
	digestOf,
	type Evidence,
	EvidenceSchema,
	type QuizBank,
	rescoreEvidence,
} from '../quiz/evidence.ts';
import {
	type CertificateCatalog,
	type CertificateStatus,
	factsFromEvidence,
	labFactsFromEvidence,
	statusOf,
} from './eligibility.ts';

/** What a certificate states, bound to its evidence by the digest of both. */
export const ClaimSchema = z.strictObject({
	/** `p01`…`p13`, `capstone`, or `practitioner-<track>` (see eligibility.ts). */
	achievement: z
		.string()
		.regex(/^(p(0[1-9]|1[0-3])|capstone|practitioner-[a-z0-9]+(?:-[a-z0-9]+)*)$/, {
			error: 'unknown achievement',
		})
		.max(80),
	earnedAt: z.iso.datetime({ offset: true }),
	score: z.number().min(0).max(1),
});
export type Claim = z.output<typeof ClaimSchema>;

export const CertificateRecordSchema = z.strictObject({ claim: ClaimSchema, evidence: EvidenceSchema });
export type CertificateRecord = z.output<typeof CertificateRecordSchema>;

/** The record for an earned certificate, or undefined when it is not earned. */
export function certificateRecord(
	status: CertificateStatus,
	evidence: Evidence,
): CertificateRecord | undefined {
	if (!status.earned || status.earnedAt === undefined || status.score === undefined) return undefined;
	return { claim: { achievement: status.id, earnedAt: status.earnedAt, score: status.score }, evidence };
}

export interface RecordCheck {
	digest: string;
	checks: AttemptCheck[];
	/** Each recorded lab pass, run again (empty when the evidence carries none). */
	labs: LabPassCheck[];
	/** Status recomputed from the evidence alone. */
	status: CertificateStatus;
	/** Problems found, in plain language; empty when the record is consistent and complete. */
	problems: string[];
}

/**
 * Checks a certificate record the way a sceptical reader would: re-scores every attempt, takes the
 * re-run of every recorded lab pass (`labs`, from labs/recheck.ts: the caller runs them, in a
 * worker or in Node), rebuilds the status from the evidence by THE RULE, and compares it with the
 * claim. A lab pass that did not re-run as passed is a problem, like an attempt that does not
 * re-score; one the caller could not run is reported as not checked.
 */
export async function checkRecord(
	record: CertificateRecord,
	catalog: CertificateCatalog,
	bank: QuizBank,
	labs: LabPassCheck[] = [],
): Promise<RecordCheck> {
	const digest = await digestOf(record);
	const checks = rescoreEvidence(record.evidence, bank);
	const problems = checks
		.filter((c) => c.status !== 'consistent')
		.map((c) => `Attempt ${c.attemptId} (${c.quizId}, revision ${c.revision}): ${c.message}.`);
	const recorded = record.evidence.labs ?? [];
	for (const [i, entry] of recorded.entries()) {
		const c = labs[i];
		if (!c || c.lab !== entry.lab)
			problems.push(
				`Lab “${entry.lab}” (revision ${entry.revision}): not checked, because it was not run again here.`,
			);
		else if (c.status !== 'passed') problems.push(`Lab “${c.title}” (revision ${c.revision}): ${c.message}.`);
	}
	const status = statusOf(
		catalog,
		record.claim.achievement,
		factsFromEvidence(record.evidence, checks),
		labFactsFromEvidence(record.evidence, labs),
	);
	if (!status) throw new RangeError(`unknown achievement ${record.claim.achievement}`);
	if (!status.earned) {
		problems.push(`The evidence does not complete the requirements: ${status.remaining.join('; ')}.`);
	} else {
		if (status.earnedAt !== record.claim.earnedAt) {
			problems.push(
				`The claimed date ${record.claim.earnedAt} differs from the evidence (${status.earnedAt}).`,
			);
		}
		if (Math.abs((status.score ?? 0) - record.claim.score) > 1e-4) {
			problems.push(
				`The claimed score ${Math.round(record.claim.score * 100)}% differs from the re-scored evidence (${Math.round((status.score ?? 0) * 100)}%).`,
			);
		}
	}
	return { digest, checks, labs, status, problems };
}
