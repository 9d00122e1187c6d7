/** Catalog summaries serialised into island pages: the dashboard's and the certificates'. */

import {
	certificateCatalog as projectCertificates,
	catalogSummary as projectSummary,
} from '../core/catalog/projections.ts';
import type { CertificateCatalog } from '../core/certificates/eligibility.ts';
import type { CertificateSite } from '../core/certificates/site.ts';
import type { CatalogSummary } from '../core/progress/dashboard.ts';
import { SITE } from '../site.ts';
import { BASE } from './base.ts';
import { getCatalog } from './catalog.ts';

/** Principles and modules as the dashboard needs them (each module with its quiz's current revision). */
export async function catalogSummary(): Promise<CatalogSummary> {
	return projectSummary((await getCatalog()).projection);
}

/** The certificate catalog (see src/core/certificates/eligibility.ts): the summary plus each principle's provisions. */
export async function certificateCatalog(): Promise<CertificateCatalog> {
	return projectCertificates((await getCatalog()).projection);
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
