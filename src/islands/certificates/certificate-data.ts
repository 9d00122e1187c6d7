/**
 * The hook the certificate islands share: it turns the learner's progress into a certificate
 * status, then (code loaded on demand: core/certificates/issue.ts) its record, digest and
 * credential.
 */
import { useEffect, useState } from 'react';
import {
	type AchievementId,
	type CertificateCatalog,
	type CertificateStatus,
	factsFromProgress,
	statusOf,
} from '../../core/certificates/eligibility.ts';
import type { CertificateSite, Issued } from '../../core/certificates/site.ts';
import type { ProgressData } from '../../core/progress/progress.ts';

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
		import('../../core/certificates/issue.ts')
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
