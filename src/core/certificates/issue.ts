/**
 * Making the record, digest, credential and verification link of an earned certificate,. Loaded on demand by the certificate islands
 * (islands/certificates/certificate-data.ts): it brings the evidence schemas, the canonical JSON and the
 * credential code, which the page does not need to show what is left to do.
 */
import {
	type AchievementId,
	type CertificateCatalog,
	type CertificateStatus,
	scopeOf,
} from './eligibility.ts';
import { certificateRecord } from './record.ts';
import { buildCredential, recordLinkFragment } from './credential.ts';
import { collectEvidence, digestOf } from '../quiz/evidence.ts';
import type { ProgressData } from '../progress/progress.ts';
import { type CertificateSite, describeAchievement, type Issued } from './site.ts';

export async function issue(
	catalog: CertificateCatalog,
	id: AchievementId,
	status: CertificateStatus,
	data: ProgressData,
	name: string,
	site: CertificateSite,
): Promise<Issued | undefined> {
	const scope = scopeOf(catalog, id);
	const attemptsAt = data.attempts.filter((a) => scope.quizIds.includes(a.quizId)).map((a) => a.submittedAt);
	// createdAt is the newest date in the record, so the same progress always gives the same record.
	const now = [status.earnedAt as string, ...attemptsAt].sort().at(-1) as string;
	const evidence = collectEvidence(data, scope, {
		site: { name: site.name, url: site.url },
		contentVersion: site.contentVersion,
		learnerName: name,
		now,
	});
	const record = certificateRecord(status, evidence);
	if (!record) return;
	const [digest, credential, linkFragment] = await Promise.all([
		digestOf(record),
		buildCredential(record, {
			site: { name: site.name, url: site.url },
			organisation: site.organisation,
			title: status.title,
			description: describeAchievement(status),
			provisions: status.provisions,
		}),
		recordLinkFragment(record),
	]);
	return { status, record, digest, credential, linkFragment };
}
