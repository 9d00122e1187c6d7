/**
 * cmi5 against a strict Learning Record Store run by the test (no real LRS installs here: the
 * ADL/AICC CATAPULT suite needs Docker). The LRS plays the LMS too: it issues the one-time auth
 * token, records "launched", serves LMS.LaunchData, and checks every statement the AU sends
 * against the cmi5 rules for AUs (cmi5 spec section 9; the ids of @cmi5/requirements are not
 * used, the rules are written out below). Any broken rule is a 400 and a recorded violation.
 */
import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { buildPackages, type Route, serve } from './lms-server.ts';
import { attempt, markRead } from './quiz-actions.ts';

const MODULE = 'p01-awareness';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VERBS: Record<string, string> = {
	'http://adlnet.gov/expapi/verbs/initialized': 'initialized',
	'http://adlnet.gov/expapi/verbs/completed': 'completed',
	'http://adlnet.gov/expapi/verbs/passed': 'passed',
	'http://adlnet.gov/expapi/verbs/failed': 'failed',
	'http://adlnet.gov/expapi/verbs/terminated': 'terminated',
	'http://adlnet.gov/expapi/verbs/launched': 'launched',
};

interface Statement {
	id?: string;
	actor?: unknown;
	verb?: { id?: string };
	object?: { id?: string };
	result?: { score?: { scaled?: number }; success?: boolean; completion?: boolean; duration?: string };
	context?: {
		registration?: string;
		contextActivities?: { category?: { id: string }[]; grouping?: { id: string }[] };
		extensions?: Record<string, unknown>;
	};
	timestamp?: string;
}

class StrictLrs {
	token = Buffer.from(`au:${randomUUID()}`).toString('base64');
	readonly registration = randomUUID();
	sessionId = randomUUID();
	readonly actor = {
		objectType: 'Agent',
		account: { homePage: 'https://lms.example.org', name: 'learner-42' },
	};
	readonly publisher = 'https://lms.example.org/course/ai-security';
	readonly masteryScore = 0.8;
	activityId = '';
	statements: Statement[] = [];
	/** Statements of earlier sessions of the same registration (the per-registration rules count them). */
	earlier: Statement[] = [];
	violations: string[] = [];
	tokenFetches = 0;
	state = new Map<string, string>();
	/** Failure injection: answer the next N statement requests with 503 (LRS unreachable). */
	down = 0;
	/** Failure injection: refuse the next statement with this verb (403). */
	refuseVerb: string | undefined;

	private verbs = (list = this.statements) => list.map((s) => VERBS[s.verb?.id ?? ''] ?? s.verb?.id);

	/** The LMS launches the AU again with the same registration: a new session, token and session id. */
	newSession() {
		this.earlier.push(...this.statements);
		this.statements = [];
		this.tokenFetches = 0;
		this.token = Buffer.from(`au:${randomUUID()}`).toString('base64');
		this.sessionId = randomUUID();
	}

	check(s: Statement): string[] {
		const v: string[] = [];
		const verb = VERBS[s.verb?.id ?? ''];
		const sent = this.verbs();
		const inRegistration = this.verbs([...this.earlier, ...this.statements]);
		if (!s.id || !/^[0-9a-f-]{36}$/i.test(s.id)) v.push('statement id must be a UUID set by the AU');
		if ([...this.earlier, ...this.statements].some((x) => x.id === s.id)) v.push('statement id reused');
		if (JSON.stringify(s.actor) !== JSON.stringify(this.actor)) v.push('actor must be the launch actor');
		if (!verb || verb === 'launched') v.push(`verb ${s.verb?.id} is not a cmi5-defined AU verb`);
		if (s.object?.id !== this.activityId) v.push('object must be the AU activity id');
		if (s.context?.registration !== this.registration) v.push('registration must be the launch registration');
		if (s.context?.extensions?.[SESSION_EXT] !== this.sessionId) v.push('context must carry the session id');
		const cats = (s.context?.contextActivities?.category ?? []).map((c) => c.id);
		if (!cats.includes(CMI5_CATEGORY)) v.push('cmi5 category missing');
		const groups = (s.context?.contextActivities?.grouping ?? []).map((c) => c.id);
		if (!groups.includes(this.publisher)) v.push('context template grouping (publisher id) missing');
		if (!s.timestamp) v.push('timestamp missing');
		if (sent.includes('terminated')) v.push('no statement may follow terminated');
		if (verb !== 'initialized' && !sent.includes('initialized')) v.push('initialized must come first');
		if (verb === 'initialized' && sent.includes('initialized')) v.push('initialized twice in a session');
		if (['completed', 'passed', 'failed'].includes(verb ?? '')) {
			if (!cats.includes(MOVEON_CATEGORY)) v.push(`${verb} must carry the moveOn category`);
			if (!s.result?.duration) v.push(`${verb} must carry a duration`);
		}
		if (verb === 'completed' && (inRegistration.includes('completed') || s.result?.completion !== true))
			v.push('one completed per registration, with completion true');
		if (verb === 'passed') {
			if (inRegistration.includes('passed')) v.push('one passed per registration');
			if ((s.result?.score?.scaled ?? -1) < this.masteryScore) v.push('passed below the mastery score');
			if (s.context?.extensions?.[MASTERY_EXT] !== this.masteryScore)
				v.push('passed must carry the mastery score');
			if (s.result?.success !== true) v.push('passed needs success true');
		}
		if (verb === 'failed') {
			if (inRegistration.includes('passed')) v.push('failed after passed');
			if (sent.includes('failed')) v.push('one failed per session');
			if ((s.result?.score?.scaled ?? 1) >= this.masteryScore) v.push('failed at or above the mastery score');
			if (s.result?.success !== false) v.push('failed needs success false');
		}
		if (verb === 'terminated' && !s.result?.duration) v.push('terminated must carry a duration');
		return v;
	}

	routes(): Route[] {
		const json = (res: Parameters<Route>[1], status: number, body: unknown) =>
			res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		return [
			(req, res) => {
				const url = new URL(req.url ?? '/', 'http://x');
				if (url.pathname !== '/lms/fetch') return false;
				this.tokenFetches++;
				if (req.method !== 'POST') json(res, 405, { 'error-code': '3', 'error-text': 'POST only' });
				else if (this.tokenFetches > 1) json(res, 200, { 'error-code': '1', 'error-text': 'already used' });
				else json(res, 200, { 'auth-token': this.token });
				return true;
			},
			(req, res, body) => {
				const url = new URL(req.url ?? '/', 'http://x');
				if (!url.pathname.startsWith('/xapi/')) return false;
				if (req.headers.authorization !== `Basic ${this.token}`) {
					json(res, 401, { error: 'bad credentials' });
					return true;
				}
				if (!String(req.headers['x-experience-api-version'] ?? '').startsWith('1.0')) {
					this.violations.push('X-Experience-API-Version header missing');
				}
				const resource = url.pathname.slice('/xapi/'.length);
				if (resource === 'activities/state') {
					const stateId = url.searchParams.get('stateId') ?? '';
					if (url.searchParams.get('registration') !== this.registration)
						this.violations.push('state without registration');
					if (stateId === 'LMS.LaunchData') {
						if (req.method !== 'GET') this.violations.push('the AU must not write LMS.LaunchData');
						json(res, 200, {
							contextTemplate: {
								contextActivities: { grouping: [{ id: this.publisher }] },
								extensions: { [SESSION_EXT]: this.sessionId },
							},
							launchMode: 'Normal',
							moveOn: 'CompletedAndPassed',
							masteryScore: this.masteryScore,
						});
					} else if (req.method === 'GET') {
						const s = this.state.get(stateId);
						if (s === undefined) res.writeHead(404).end();
						else res.writeHead(200, { 'content-type': 'text/plain' }).end(s);
					} else {
						this.state.set(stateId, body);
						res.writeHead(204).end();
					}
					return true;
				}
				if (resource === 'agents/profile') {
					res.writeHead(404).end();
					return true;
				}
				if (resource === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
					if (this.down > 0) {
						this.down--;
						res.writeHead(503).end();
						return true;
					}
					const list = ([] as Statement[]).concat(JSON.parse(body));
					for (const s of list) {
						if (this.refuseVerb && VERBS[s.verb?.id ?? ''] === this.refuseVerb) {
							this.refuseVerb = undefined;
							json(res, 403, { error: 'refused by policy' });
							return true;
						}
						const problems = this.check(s);
						if (problems.length > 0) {
							this.violations.push(...problems.map((p) => `${VERBS[s.verb?.id ?? '']}: ${p}`));
							json(res, 400, { error: problems.join('; ') });
							return true;
						}
						this.statements.push(s);
					}
					json(
						res,
						200,
						list.map((s) => s.id),
					);
					return true;
				}
				json(res, 400, { error: `unexpected ${req.method} ${resource}` });
				return true;
			},
		];
	}
}

let lrs: StrictLrs;
let server: Awaited<ReturnType<typeof serve>>;
const PATH = 'developer';
const zips = buildPackages('cmi5', `${MODULE},${PATH}`);
const pkg = `cmi5-module-${MODULE}.zip`;

test.beforeEach(async () => {
	lrs = new StrictLrs();
	const files = zips.get(pkg);
	lrs.activityId = `${JSON.parse(new TextDecoder().decode(files?.['lms-package.json'])).siteUrl}/lms/module/${MODULE}/au`;
	server = await serve(zips, lrs.routes());
});
test.afterEach(async () => {
	// Every file a page loaded is in its package (packages carry only the assets their pages load).
	expect(server.missing).toEqual([]);
	await server?.close();
});

async function launch(page: Page, zip = pkg) {
	const q = new URLSearchParams({
		endpoint: `${server.origin}/xapi/`,
		fetch: `${server.origin}/lms/fetch`,
		actor: JSON.stringify(lrs.actor),
		registration: lrs.registration,
		activityId: lrs.activityId,
	});
	await page.goto(`${server.origin}/pkg/${zip}/modules/${MODULE}/index.html?${q}`);
	await expect(page.locator('.lms-bar')).toContainText('Connected to your organisation');
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	await expect.poll(() => lrs.statements.length).toBe(1);
}

const verbs = () => lrs.statements.map((s) => VERBS[s.verb?.id ?? '']);

test('cmi5: initialized, completed, failed, passed, terminated, each by the rules', async ({ page }) => {
	await launch(page);
	expect(lrs.tokenFetches).toBe(1);
	await markRead(page);
	await expect.poll(verbs).toEqual(['initialized', 'completed']);
	await attempt(page, false);
	await expect.poll(verbs).toEqual(['initialized', 'completed', 'failed']);
	await attempt(page, true);
	await expect.poll(verbs).toEqual(['initialized', 'completed', 'failed', 'passed']);
	await page.getByRole('button', { name: 'Save and exit' }).click();
	await expect.poll(verbs).toEqual(['initialized', 'completed', 'failed', 'passed', 'terminated']);
	await expect(page.locator('.lms-bar')).toContainText('Session ended');

	const passed = lrs.statements[3];
	expect(passed?.result?.score).toMatchObject({ scaled: 1, raw: 100, min: 0, max: 100 });
	expect(lrs.statements[2]?.result?.score?.scaled).toBe(0);
	for (const s of lrs.statements) expect(s.context?.registration).toBe(lrs.registration);
	expect(lrs.violations).toEqual([]);
	// The resume state went to the AU's own state document (never LMS.LaunchData), within the limit.
	const body = lrs.state.get('https://w3id.org/xapi/secure-ai-academy/state/resume') ?? '';
	const resume = body.startsWith('"') ? (JSON.parse(body) as string) : body; // sent as a JSON string
	expect(resume.startsWith('1~')).toBe(true);
	expect(resume.length).toBeLessThanOrEqual(64_000);
});

test('cmi5: an unreachable LRS queues and retries with a notice; a refusal is reported and not retried', async ({
	page,
}) => {
	await launch(page);
	lrs.down = 2;
	await markRead(page);
	await expect(page.locator('.lms-warning')).toContainText('cannot be reached');
	await expect(page.locator('.lms-warning')).toContainText('waiting and will be sent');
	// Retried after the outage, in order, once.
	await expect.poll(verbs, { timeout: 20_000 }).toEqual(['initialized', 'completed']);
	await expect(page.locator('.lms-notice[role=status]')).toContainText('Connection restored');
	await expect(page.locator('.lms-warning')).toBeEmpty();

	lrs.refuseVerb = 'failed';
	await attempt(page, false);
	await expect(page.locator('.lms-warning')).toContainText('refused the "failed" result (HTTP 403)');
	await attempt(page, true);
	await expect.poll(verbs).toEqual(['initialized', 'completed', 'passed']);
	expect(lrs.violations).toEqual([]);
});

test('cmi5: a second launch with the same registration resumes from the LRS, in another browser', async ({
	page,
	browser,
}) => {
	await launch(page);
	await markRead(page);
	await attempt(page, true);
	await expect.poll(verbs).toEqual(['initialized', 'completed', 'passed']);
	await page.getByRole('button', { name: 'Save and exit' }).click();
	await expect.poll(verbs).toEqual(['initialized', 'completed', 'passed', 'terminated']);
	await expect(page.locator('.lms-bar')).toContainText('Session ended');
	// The AU's own state documents: the resume state, and which of completed and passed the LRS has.
	expect([...lrs.state.keys()].sort()).toEqual([
		'https://w3id.org/xapi/secure-ai-academy/state/reported',
		'https://w3id.org/xapi/secure-ai-academy/state/resume',
	]);
	expect(JSON.parse(lrs.state.get('https://w3id.org/xapi/secure-ai-academy/state/reported') ?? '')).toEqual({
		completed: true,
		passed: true,
	});

	// The LMS launches the AU again for the same registration, on a computer with empty storage.
	lrs.newSession();
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const second = await context.newPage();
	await launch(second);
	expect(lrs.tokenFetches).toBe(1);
	// Resumed where the learner left off: the module is read and the assessment passed, from the
	// AU's state document alone (this browser had nothing).
	await expect(second.locator('.quiz-island')).toContainText('You marked this module as read on');
	await expect(second.locator('.quiz-island')).toContainText('Passed on');
	await expect(second.locator('.quiz-island')).toContainText('best score 100%');
	await expect(second.locator('.lms-bar')).toContainText('Reported: 1 of 1 module read, score 100%');
	// cmi5 allows one completed and one passed per registration: the resumed session repeats neither.
	await second.waitForTimeout(1500);
	expect(verbs()).toEqual(['initialized']);
	await second.getByRole('button', { name: 'Save and exit' }).click();
	await expect.poll(verbs).toEqual(['initialized', 'terminated']);
	expect(lrs.violations).toEqual([]);
	await context.close();
});

test('cmi5: a path package relaunched for the same registration reopens at the module the learner was on', async ({
	page,
	browser,
}) => {
	const pathZip = `cmi5-path-${PATH}.zip`;
	const data = JSON.parse(new TextDecoder().decode(zips.get(pathZip)?.['lms-package.json'])) as {
		siteUrl: string;
		scope: { modules: { id: string; title: string }[] };
	};
	lrs.activityId = `${data.siteUrl}/lms/path/${PATH}/au`;
	const [first, second] = data.scope.modules;
	expect(first?.id).toBe(MODULE); // the LMS launches the path's first module
	await launch(page, pathZip);
	await markRead(page);
	await page.locator('.lms-bar ol a').nth(1).click();
	await expect(page).toHaveURL(new RegExp(`/modules/${second?.id}/index.html$`));
	await expect(page.locator('.lms-bar [aria-current=page]')).toHaveText(second?.title ?? '');
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	await expect
		.poll(() => lrs.state.get('https://w3id.org/xapi/secure-ai-academy/state/location'))
		.toBe(JSON.stringify(second?.id));
	await page.getByRole('button', { name: 'Save and exit' }).click();
	await expect.poll(verbs).toEqual(['initialized', 'terminated']);

	// Launched again (first module, as the LMS always does) on a computer with empty storage.
	lrs.newSession();
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const again = await context.newPage();
	await launch(again, pathZip);
	await expect(again).toHaveURL(new RegExp(`/modules/${second?.id}/index.html$`));
	await expect(again.locator('.lms-bar [aria-current=page]')).toHaveText(second?.title ?? '');
	await expect(again.locator('.lms-bar')).toContainText(
		`Reported: 1 of ${data.scope.modules.length} modules read`,
	);
	// Still the same session: one token, one initialized; then it ends normally.
	expect(lrs.tokenFetches).toBe(1);
	await again.getByRole('button', { name: 'Save and exit' }).click();
	await expect.poll(verbs).toEqual(['initialized', 'terminated']);
	expect(lrs.violations).toEqual([]);
	await context.close();
});
