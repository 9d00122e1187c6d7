/**
 * The dashboard's count of certificates earned, on passes that re-score as recorded (the verify
 * page's check, see checked-progress.ts). Loaded on demand, so the rule and the marking code are
 * not part of the dashboard's first load.
 */
import { allStatuses, type CertificateCatalog } from '../../core/certificates/eligibility.ts';
import type { CatalogSummary } from '../../core/progress/dashboard.ts';
import type { ProgressData } from '../../core/progress/progress.ts';
import { useCheckedProgress } from './checked-progress.ts';

export default function EarnedCertificates({
	data,
	catalog,
	base,
	labs,
	trackTitles,
}: {
	data: ProgressData;
	catalog: CatalogSummary;
	base: string;
	/** Published labs, for the practitioner certificates (none: principles and capstone only). */
	labs?: CertificateCatalog['labs'];
	trackTitles?: Record<string, string>;
}) {
	const checked = useCheckedProgress(data, base);
	// Provision lists are not needed to count certificates, so the dashboard does not carry them.
	const certificates = allStatuses(
		{ ...catalog, principles: catalog.principles.map((p) => ({ ...p, provisions: [] })), labs, trackTitles },
		checked.state === 'checked' ? checked.data : { ...data, attempts: [] },
	);
	const earned = certificates.filter((c) => c.earned);
	return (
		<>
			Certificates earned: <strong>{checked.state === 'checking' ? '…' : earned.length}</strong> of{' '}
			{certificates.length}
			{earned.length > 0 &&
				` (${earned.map((c) => (c.principle ? `principle ${c.principle}` : c.track ? c.title : 'capstone')).join(', ')})`}
		</>
	);
}
