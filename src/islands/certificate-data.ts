/**
 * What the certificate islands share: the props every certificate page gets, and the hook that
 * turns the learner's progress into a certificate status, record, digest and credential.
 */
import { useEffect, useState } from 'react';
import {
	type AchievementId,
	type CertificateCatalog,
	type CertificateRecord,
	type CertificateStatus,
	certificateRecord,
	factsFromProgress,
	scopeOf,
	statusOf,
} from '../core/certificates.ts';
import { buildCredential, type Credential, recordLinkFragment } from '../core/credential.ts';
import { collectEvidence, digestOf } from '../core/evidence.ts';
import type { ProgressData } from '../core/progress.ts';

export interface CertificateSite {
	name: string;
	/** Public address of the site, origin + base path, ending in "/". */
	url: string;
	organisation: string;
	signatory: string | undefined;
	contentVersion: string;
	/** Base path, for links and fetches. */
	base: string;
}

export interface Issued {
	status: CertificateStatus;
	record: CertificateRecord;
	digest: string;
	credential: Credential;
	/** `r=…` fragment for the verify page. */
	linkFragment: string;
}

export function describeAchievement(status: CertificateStatus): string {
	return status.principle === undefined
		? 'Completed every module and assessment for all 13 principles of the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223).'
		: `Completed the ${status.title} module of the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223) and passed its assessment.`;
}

/** The certificate for `id` as the learner's progress stands; recomputed when progress changes. */
export function useIssued(
	catalog: CertificateCatalog,
	id: AchievementId,
	data: ProgressData,
	site: CertificateSite,
): { status: CertificateStatus | undefined; issued: Issued | undefined } {
	const status = statusOf(catalog, id, factsFromProgress(data));
	const [issued, setIssued] = useState<Issued>();
	const name = data.learnerName;
	useEffect(() => {
		let live = true;
		const status = statusOf(catalog, id, factsFromProgress(data));
		if (!status?.earned || !name) {
			setIssued(undefined);
			return;
		}
		const scope = scopeOf(catalog, id);
		const attemptsAt = data.attempts
			.filter((a) => scope.quizIds.includes(a.quizId))
			.map((a) => a.submittedAt);
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
		(async () => {
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
			if (live) setIssued({ status, record, digest, credential, linkFragment });
		})();
		return () => {
			live = false;
		};
	}, [data, name, id, catalog, site]);
	return { status, issued };
}
