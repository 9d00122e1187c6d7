/**
 * How a page finds its LMS, written over a minimal window shape so it can be tested without a
 * browser.
 *
 * SCORM: the standard discovery walk (ADL's API discovery algorithm): look for `API` (1.2) or
 * `API_1484_11` (2004) on this window, then on each `parent` up to a fixed number of levels,
 * then the same from `opener`. A parent on another origin throws when read: that ends that walk.
 * cmi5: the LMS launches the AU with `endpoint`, `fetch`, `actor`, `registration` and
 * `activityId` in the query string.
 */

export interface WindowLike {
	parent?: WindowLike | null;
	opener?: WindowLike | null;
	API?: unknown;
	API_1484_11?: unknown;
}

export type ScormVersion = '1.2' | '2004';

/** ADL's algorithm gives up after 7 parents for 1.2 and 500 for 2004; frames are never that deep. */
const MAX_PARENTS = 10;

function read(win: WindowLike, key: 'API' | 'API_1484_11'): unknown {
	try {
		const v = win[key];
		return v && typeof v === 'object' ? v : undefined;
	} catch {
		return undefined;
	}
}

function walk(start: WindowLike | null | undefined, key: 'API' | 'API_1484_11'): unknown {
	let win = start;
	for (let i = 0; win && i <= MAX_PARENTS; i++) {
		const api = read(win, key);
		if (api) return api;
		let parent: WindowLike | null | undefined;
		try {
			parent = win.parent;
		} catch {
			return undefined;
		}
		if (!parent || parent === win) return undefined;
		win = parent;
	}
	return undefined;
}

function openerOf(win: WindowLike): WindowLike | null | undefined {
	try {
		return win.opener;
	} catch {
		return undefined;
	}
}

/** Finds a SCORM API: the preferred version first (the package's), then the other. */
export function findScormApi(
	win: WindowLike,
	prefer: ScormVersion = '2004',
): { version: ScormVersion; api: unknown } | undefined {
	const order: ScormVersion[] = prefer === '2004' ? ['2004', '1.2'] : ['1.2', '2004'];
	for (const version of order) {
		const key = version === '2004' ? 'API_1484_11' : 'API';
		const api = walk(win, key) ?? walk(openerOf(win), key);
		if (api) return { version, api };
	}
	return undefined;
}

export interface Cmi5Launch {
	endpoint: string;
	fetch: string;
	actor: { objectType?: 'Agent'; account?: { homePage: string; name: string }; name?: string };
	registration: string;
	activityId: string;
}

/** The cmi5 launch parameters, or undefined when the query string does not carry all five valid ones. */
export function cmi5LaunchFrom(search: string): Cmi5Launch | undefined {
	const q = new URLSearchParams(search);
	const endpoint = q.get('endpoint');
	const fetchUrl = q.get('fetch');
	const actorText = q.get('actor');
	const registration = q.get('registration');
	const activityId = q.get('activityId');
	if (!endpoint || !fetchUrl || !actorText || !registration || !activityId) return undefined;
	if (!URL.canParse(endpoint) || !URL.canParse(fetchUrl)) return undefined;
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(registration)) return undefined;
	let actor: unknown;
	try {
		actor = JSON.parse(actorText);
	} catch {
		return undefined;
	}
	// cmi5 requires an Agent identified by an account.
	const acc = (actor as { account?: { homePage?: unknown; name?: unknown } } | null)?.account;
	if (!acc || typeof acc.homePage !== 'string' || typeof acc.name !== 'string') return undefined;
	return { endpoint, fetch: fetchUrl, actor: actor as Cmi5Launch['actor'], registration, activityId };
}
