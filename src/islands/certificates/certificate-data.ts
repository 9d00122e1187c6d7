/**
 * The hook the certificate islands share: it turns the learner's progress into a certificate
 * status, then (code loaded on demand: core/certificates/issue.ts) its record, digest and
 * credential, and finally runs on that credential the very check the verify page runs
 * (core/certificates/verdict.ts). A certificate is shown as earned only when it passes.
 *
 * Before issuing, every attempt is marked again against the published quiz bank and those whose
 * stored score disagrees with their answers are left out (core/progress/screen.ts), so an edited
 * record in this browser cannot produce a certificate.
 *
 * The address a certificate names is the one this page was served from (origin + base path), so a
 * certificate never names an address other than the site it came from, whatever `site.url` says.
 */
import { useEffect, useState } from 'react';
import {
	type AchievementId,
	type CertificateCatalog,
	type CertificateStatus,
	factsFromProgress,
	labFactsFromProgress,
	scopeOf,
	statusOf,
} from '../../core/certificates/eligibility.ts';
import type { CertificateSite, Issued } from '../../core/certificates/site.ts';
import type { ProgressData } from '../../core/progress/progress.ts';

export type Checked =
	| { state: 'checking' }
	| { state: 'valid' }
	| { state: 'invalid'; problems: string[] }
	| { state: 'unchecked'; message: string };

/** The site as this page was served: the address a certificate names. */
export const servedSite = (site: CertificateSite): CertificateSite =>
	typeof window === 'undefined' ? site : { ...site, url: `${window.location.origin}${site.base}` };

/** The certificate for `id` as the learner's progress stands; recomputed when progress changes. */
export function useIssued(
	catalog: CertificateCatalog,
	id: AchievementId,
	data: ProgressData,
	site: CertificateSite,
): { status: CertificateStatus | undefined; issued: Issued | undefined; checked: Checked } {
	const status = statusOf(catalog, id, factsFromProgress(data), labFactsFromProgress(data));
	const [issued, setIssued] = useState<Issued>();
	const [checked, setChecked] = useState<Checked>({ state: 'checking' });
	const name = data.learnerName;
	useEffect(() => {
		let live = true;
		const status = statusOf(catalog, id, factsFromProgress(data), labFactsFromProgress(data));
		setIssued(undefined);
		setChecked({ state: 'checking' });
		if (!status?.earned || !name) return;
		const served = servedSite(site);
		(async () => {
			const [{ issue }, { judge }, { fetchBank }, { screenAttempts, refusalText }] = await Promise.all([
				import('../../core/certificates/issue.ts'),
				import('../../core/certificates/verdict.ts'),
				import('../adapters/quiz-bank.ts'),
				import('../../core/progress/screen.ts'),
			]);
			const { bank, missing } = await fetchBank(site.base, scopeOf(catalog, id).quizIds);
			if (missing.length) {
				return setChecked({
					state: 'unchecked',
					message: `The published quizzes (${missing.join(', ')}) could not be loaded, so this certificate cannot be checked now. Try again when you are online.`,
				});
			}
			const screened = screenAttempts(data, bank);
			const honest = statusOf(
				catalog,
				id,
				factsFromProgress(screened.data),
				labFactsFromProgress(screened.data),
			);
			if (!live) return;
			if (!honest?.earned) {
				return setChecked({
					state: 'invalid',
					problems: screened.refused.map((c) =>
						refusalText(c, data.attempts.find((a) => a.id === c.attemptId)?.submittedAt, 'does not count'),
					),
				});
			}
			const result = await issue(catalog, id, honest, screened.data, name, served);
			if (!result) return;
			const verdict = await judge(JSON.parse(JSON.stringify(result.credential)), {
				catalog,
				organisation: site.organisation,
				bankFor: () => bank,
				holder: { form: 'self-issued', did: result.did },
				// Lab passes are run again in the lab page's sandboxed worker, as the verify page does.
				checkLabs: async (entries) =>
					(await import('../labs/lab-recheck.ts')).recheckInBrowser(entries, site.base),
			});
			if (!live) return;
			if (verdict.kind === 'checked' && verdict.valid) {
				setIssued(result);
				setChecked({ state: 'valid' });
			} else {
				setChecked({
					state: 'invalid',
					problems: verdict.kind === 'checked' ? verdict.problems : [verdict.message],
				});
			}
		})().catch((e: Error) => {
			if (live)
				setChecked({ state: 'unchecked', message: `This certificate could not be checked (${e.message}).` });
		});
		return () => {
			live = false;
		};
	}, [data, name, id, catalog, site]);
	return { status, issued, checked };
}
