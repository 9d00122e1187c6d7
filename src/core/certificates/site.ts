/**
 * The site facts every certificate page gets, what an issued certificate is made of, and the
 * sentence that describes an achievement. Small and free of the credential code, so the islands
 * can import it statically and load issue.ts only once a certificate is earned.
 */

import type { Credential } from './credential.ts';
import type { CertificateStatus } from './eligibility.ts';
import type { CertificateRecord } from './record.ts';

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
	/** The self-issued OpenBadgeCredential (the payload of `jwt`). */
	credential: Credential;
	/** The credential as a VC-JWT signed with a key the learner's browser made (OB 3.0 §8.2). */
	jwt: string;
	/** did:jwk of that key: the credential's issuer and subject. */
	did: string;
	/** `r=…` fragment for the verify page. */
	linkFragment: string;
}

export function describeAchievement(status: CertificateStatus): string {
	if (status.track !== undefined) {
		const n = status.labs?.length ?? 0;
		return `Passed all ${n} hands-on lab${n === 1 ? '' : 's'} of the ${status.title.replace(/^Practitioner: /, '')} track on their published revisions, without the reference solution shown; each pass's code is recorded and runs again against the lab's suites.`;
	}
	return status.principle === undefined
		? 'Completed every module and assessment for all 13 principles of the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223).'
		: `Completed the ${status.title} module of the UK Code of Practice for the Cyber Security of AI (ETSI TS 104 223) and passed its assessment.`;
}

/**
 * The criteria a credential states, when they differ from the default (every required module read
 * and its assessment passed): a practitioner certificate's rule. Undefined for the others, so their
 * credentials stay as they were.
 */
export function criteriaOf(status: CertificateStatus): string | undefined {
	if (status.track === undefined) return undefined;
	return 'Every lab of the track passed on the lab revision this site publishes, without the reference solution shown; the verifier runs each pass’s recorded code again, with its recorded seed, against the published suites.';
}
