/**
 * What the certificate islands share: the props every certificate page gets, and the hook that
 * turns the learner's progress into a certificate status, then (code loaded on demand, see
 * certificate-issue.ts) its record, digest and credential.
 */
import { useEffect, useState } from 'react';
import {
	type AchievementId,
	type CertificateCatalog,
	type CertificateStatus,
	factsFromProgress,
	statusOf,
} from '../core/certificates.ts';
import type { CertificateRecord } from '../core/certificate-record.ts';
import type { Credential } from '../core/credential.ts';
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
		import('./certificate-issue.ts')
			.then(({ issue }) => issue(catalog, id, status, data, name, site))
			.then((result) => {
				if (live && result) setIssued(result);
			});
		return () => {
			live = false;
		};
	}, [data, name, id, catalog, site]);
	return { status, issued };
}
