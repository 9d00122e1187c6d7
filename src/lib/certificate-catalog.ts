/** The certificate catalog (see src/core/certificates.ts) for this build's content. */
import type { CertificateCatalog } from '../core/certificates.ts';
import type { CertificateSite } from '../islands/certificate-data.ts';
import { SITE } from '../site.ts';
import { BASE } from './base.ts';
import { getCatalog } from './catalog.ts';

export async function certificateCatalog(): Promise<CertificateCatalog> {
	const catalog = await getCatalog();
	return {
		principles: catalog.principles.map((p) => ({
			number: p.data.number,
			title: p.data.title,
			provisions: p.data.provisions.map((x) => ({ id: x.id, title: x.title })),
		})),
		modules: catalog.modules.map((m) => {
			const quiz = catalog.quiz(m.data.quiz);
			return {
				id: m.id,
				title: m.data.title,
				track: m.data.track,
				principles: m.data.principles,
				quiz: quiz ? { id: quiz.data.id, revision: quiz.data.revision } : undefined,
			};
		}),
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
