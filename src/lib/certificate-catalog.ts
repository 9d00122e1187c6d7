/** Catalog summaries serialised into island pages: the dashboard's and the certificates'. */
import type { CertificateCatalog } from '../core/certificates/eligibility.ts';
import type { CatalogSummary } from '../core/progress/dashboard.ts';
import type { CertificateSite } from '../core/certificates/site.ts';
import { SITE } from '../site.ts';
import { BASE } from './base.ts';
import { getCatalog } from './catalog.ts';

/** Principles and modules as the dashboard needs them (each module with its quiz's current revision). */
export async function catalogSummary(): Promise<CatalogSummary> {
	const catalog = await getCatalog();
	return {
		principles: catalog.principles.map((p) => ({ number: p.data.number, title: p.data.title })),
		modules: catalog.modules.map((m) => {
			const quiz = catalog.quiz(m.data.quiz);
			return {
				id: m.id,
				title: m.data.title,
				track: m.data.track,
				order: m.data.order,
				principles: m.data.principles,
				minutes: m.data.minutes,
				quiz: quiz ? { id: quiz.data.id, revision: quiz.data.revision } : undefined,
			};
		}),
	};
}

/** The certificate catalog (see src/core/certificates/eligibility.ts): the summary plus each principle's provisions. */
export async function certificateCatalog(): Promise<CertificateCatalog> {
	const catalog = await getCatalog();
	const { modules } = await catalogSummary();
	return {
		principles: catalog.principles.map((p) => ({
			number: p.data.number,
			title: p.data.title,
			provisions: p.data.provisions.map((x) => ({ id: x.id, title: x.title })),
		})),
		modules: modules.map(({ id, title, track, principles, quiz }) => ({
			id,
			title,
			track,
			principles,
			quiz,
		})),
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
