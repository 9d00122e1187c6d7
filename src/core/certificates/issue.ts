/**
 * Making the record, digest, credential and verification link of an earned certificate,. Loaded on demand by the certificate islands
 * (islands/certificates/certificate-data.ts): it brings the evidence schemas, the canonical JSON and the
 * credential code, which the page does not need to show what is left to do.
 */

import type { Attempt, ProgressData } from '../progress/progress.ts';
import { collectEvidence, digestOf } from '../quiz/evidence.ts';
import { buildCredential, recordLinkFragment } from './credential.ts';
import {
	type AchievementId,
	type CertificateCatalog,
	type CertificateStatus,
	practitionerTrackOf,
	principleNumberOf,
	requirementsFor,
	scopeOf,
} from './eligibility.ts';
import { certificateRecord } from './record.ts';
import { type CertificateSite, criteriaOf, describeAchievement, type Issued } from './site.ts';

export async function issue(
	catalog: CertificateCatalog,
	id: AchievementId,
	status: CertificateStatus,
	data: ProgressData,
	name: string,
	site: CertificateSite,
): Promise<Issued | undefined> {
	const scope = scopeOf(catalog, id);
	const attempts = minimalAttempts(catalog, id, data.attempts);
	// createdAt is the newest date in the record, so the same progress always gives the same record
	// (and it reveals nothing about attempts the record leaves out).
	const now = [status.earnedAt as string, ...attempts.map((a) => a.submittedAt)].sort().at(-1) as string;
	// The lab passes carried are each lab's first pass without the solution shown on the current
	// revision (evidence.ts, chosenLabPass): the latest of them is the certificate's date, so `now`
	// is never before a pass it carries.
	const evidence = collectEvidence({ ...data, attempts }, scope, {
		site: { name: site.name, url: site.url },
		contentVersion: site.contentVersion,
		learnerName: name,
		now,
	});
	const record = certificateRecord(status, evidence);
	if (!record) return;
	// Self-issued: a fresh key made here for this credential; the learner (its did:jwk) is issuer and
	// subject, and the private key stays inside Web Crypto and is dropped after signing.
	const { generateLearnerKey, signSelfIssued } = await import('./signing.ts');
	const key = await generateLearnerKey();
	const [digest, credential, linkFragment] = await Promise.all([
		digestOf(record),
		buildCredential(
			record,
			{
				site: { name: site.name, url: site.url },
				organisation: site.organisation,
				title: status.title,
				description: describeAchievement(status),
				provisions: status.provisions,
				criteria: criteriaOf(status),
			},
			{ form: 'self-issued', did: key.did },
		),
		recordLinkFragment(record),
	]);
	const jwt = await signSelfIssued(credential, key);
	return { status, record, digest, credential, jwt, did: key.did, linkFragment };
}

/**
 * Minimal disclosure: of a learner's assessment attempts, a certificate carries only those that
 * prove its claim. Per required quiz, on the revision the site publishes: the first passed attempt
 * (it dates the certificate) and the best passed attempt (it scores it); the same attempt when they
 * coincide. Failed attempts, practice and retakes that change nothing stay in the browser.
 */
export function minimalAttempts(
	catalog: CertificateCatalog,
	id: AchievementId,
	attempts: readonly Attempt[],
): Attempt[] {
	// A practitioner certificate rests on lab passes alone.
	if (practitionerTrackOf(id) !== undefined) return [];
	const n = principleNumberOf(id);
	const numbers = n !== undefined ? [n] : catalog.principles.map((p) => p.number);
	const keep = new Set<string>();
	for (const req of numbers.flatMap((x) => requirementsFor(catalog, x))) {
		if (!req.quiz) continue;
		const passes = attempts
			.filter(
				(a) =>
					a.mode === 'assessment' &&
					a.passed &&
					a.quizId === req.quiz?.id &&
					a.revision === req.quiz.revision,
			)
			.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
		const first = passes[0];
		if (!first) continue;
		const best = passes.reduce((b, a) => (a.score > b.score ? a : b), first);
		keep.add(first.id).add(best.id);
	}
	return attempts.filter((a) => keep.has(a.id));
}
