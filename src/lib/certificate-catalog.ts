/** Catalog summaries serialised into island pages: the dashboard's and the certificates'. */

import {
	certificateCatalog as projectCertificates,
	catalogSummary as projectSummary,
} from '../core/catalog/projections.ts';
import type { CertificateCatalog } from '../core/certificates/eligibility.ts';
import { labForCertificates } from '../core/certificates/eligibility.ts';
import type { CertificateSite } from '../core/certificates/site.ts';
import type { CatalogSummary } from '../core/progress/dashboard.ts';
import { TRACK_TITLES } from '../core/progress/labels.ts';
import { SITE } from '../site.ts';
import { BASE } from './base.ts';
import { getCatalog } from './catalog.ts';
import { getLabs } from './lab-catalog.ts';

/** Principles and modules as the dashboard needs them (each module with its quiz's current revision). */
export async function catalogSummary(): Promise<CatalogSummary> {
	return projectSummary((await getCatalog()).projection);
}

/**
 * The certificate catalog (see src/core/certificates/eligibility.ts): the summary plus each
 * principle's provisions, and the labs with the track titles (practitioner certificates).
 */
export async function certificateCatalog(): Promise<CertificateCatalog> {
	const labs = await getLabs();
	return {
		...projectCertificates((await getCatalog()).projection),
		labs: labs.map((l) => labForCertificates(l.data)),
		trackTitles: TRACK_TITLES,
	};
}

/** What certificate islands need to know about this site. */
export function certificateSite(): CertificateSite {
	return {
		name: SITE.name,
		url: `${SITE.url.replace(/\/$/, '')}${BASE}`,
		organisation: SITE.certificates.organisation,
		signatory: SITE.certificates.signatory,
		contentVersion: SITE.contentVersion,
		base: BASE,
	};
}
