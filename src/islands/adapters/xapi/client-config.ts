/** What the pages tell the LRS feed (from academy.config.yaml `lrs:`; see src/site.ts). */
export interface LrsClientConfig {
	/** The xAPI base URL, ending in "/". */
	endpoint: string;
	/** `key:secret` of a write-only credential, when configured (public by nature). */
	publicWriteKey?: string;
	/** The xAPI account homePage the learner is reported under. */
	homePage: string;
	/** The site's public address with its base path, ending in "/" (activity ids start with it). */
	siteBase: string;
}

export const CONSENT_KEY = 'saa:xapi:consent';
export const QUEUE_KEY = 'saa:xapi:queue';

/** The learner's choice, kept in this browser: the name or id they report under, and since when. */
export interface Consent {
	name: string;
	since: string;
}

export const store = {
	get(key: string): string | null {
		try {
			return localStorage.getItem(key);
		} catch {
			return null;
		}
	},
	set(key: string, value: string): boolean {
		try {
			localStorage.setItem(key, value);
			return true;
		} catch {
			return false;
		}
	},
	remove(key: string) {
		try {
			localStorage.removeItem(key);
		} catch {
			/* storage blocked: nothing was stored either */
		}
	},
};

export function readConsent(): Consent | undefined {
	try {
		const c = JSON.parse(store.get(CONSENT_KEY) ?? 'null') as Partial<Consent> | null;
		return typeof c?.name === 'string' && typeof c.since === 'string' && c.name.trim() !== ''
			? { name: c.name, since: c.since }
			: undefined;
	} catch {
		return undefined;
	}
}
