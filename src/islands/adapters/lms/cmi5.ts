/**
 * cmi5 for the runtime, on @xapi/cmi5 (auth token, LMS.LaunchData, statement wire format and the
 * cmi5 context template). What it adds: the session carried across the package's pages (the
 * token is fetched once per launch), statements queued and retried while the LRS cannot be
 * reached (with a notice), refusals reported, and the cmi5 rules on which verbs may be sent
 * (src/core/lms/report.ts: cmi5Due). Loaded only for cmi5 packages.
 */
import Cmi5, { type LaunchParameters } from '@xapi/cmi5';
import type { Cmi5Launch } from '../../../core/lms/discovery.ts';
import { cmi5Due, packageStatus } from '../../../core/lms/report.ts';
import { decodeResume, encodeResume, RESUME_LIMITS } from '../../../core/lms/resume.ts';
import { launchFile } from '../../../core/lms/scope.ts';
import { nextRetryDelay, RETRY_FIRST_MS, sendOutcome } from '../../../core/xapi/queue.ts';
import { getProgressStore } from '../progress-client.ts';
import {
	type Bar,
	CMI5_SESSION_KEY,
	mergeResume,
	NAV_KEY,
	omittedNotice,
	type PackageData,
	session,
} from './shared.ts';

interface Saved {
	launch: Cmi5Launch;
	authToken: string;
	initializedDate: string;
	failedThisSession: boolean;
}

type Verb = 'completed' | 'passed' | 'failed' | 'terminated';
interface Item {
	verb: Verb;
	score?: { scaled: number; raw: number; min: number; max: number };
	/** The statement as first built: a retry sends the very same statement (same id). */
	statement?: Parameters<Cmi5['sendXapiStatement']>[0];
}

const RESUME_STATE_ID = 'https://w3id.org/xapi/secure-ai-academy/state/resume';
/**
 * Which of `completed` and `passed` the LRS has accepted for this registration, written once each
 * arrives: a later session (on another computer too) must not send them again (cmi5 allows one of
 * each per registration), and the browser's own note of them may be missing there.
 */
const REPORTED_STATE_ID = 'https://w3id.org/xapi/secure-ai-academy/state/reported';
/** A path or course package's bookmark: the module the learner last had open (its id, as text). */
const LOCATION_STATE_ID = 'https://w3id.org/xapi/secure-ai-academy/state/location';

function httpStatus(e: unknown): number | undefined {
	const s = (e as { response?: { status?: unknown } } | null)?.response?.status;
	return typeof s === 'number' ? s : undefined;
}

export async function connectCmi5(args: {
	pkg: PackageData;
	moduleId: string;
	launch: Cmi5Launch | undefined;
	bar: Bar;
	packageRoot: URL;
	navigating: boolean;
}): Promise<void> {
	const { pkg, bar } = args;
	const savedText = session.get(CMI5_SESSION_KEY);
	let saved: Saved | undefined;
	try {
		saved = savedText ? (JSON.parse(savedText) as Saved) : undefined;
	} catch {
		saved = undefined;
	}
	// A new launch (another fetch URL) starts a new session; a reload or a page of the same launch continues it.
	if (args.launch && saved && saved.launch.fetch !== args.launch.fetch) saved = undefined;
	const launch = args.launch ?? saved?.launch;
	if (!launch) return;

	const cmi5 = new Cmi5(launch as unknown as LaunchParameters);
	try {
		if (saved)
			await cmi5.initialize({ authToken: saved.authToken, initializedDate: new Date(saved.initializedDate) });
		else await cmi5.initialize();
	} catch (e) {
		const s = httpStatus(e);
		bar.warn(
			`The learning system could not be reached to start this session${s ? ` (HTTP ${s})` : ''}. Your progress is kept in this browser; reopen the module from the learning system to try again.`,
		);
		return;
	}
	const state: Saved = saved ?? {
		launch,
		authToken: cmi5.getAuthToken(),
		initializedDate: cmi5.getInitializedDate().toISOString(),
		failedThisSession: false,
	};
	const keep = () => session.set(CMI5_SESSION_KEY, JSON.stringify(state));
	keep();

	const launchData = cmi5.getLaunchData();
	const normal = launchData.launchMode === 'Normal';
	const sentKey = `saa:lms:cmi5:sent:${launch.registration}`;
	const sent = (() => {
		try {
			return JSON.parse(localStorage.getItem(sentKey) ?? '{}') as { completed?: boolean; passed?: boolean };
		} catch {
			return {};
		}
	})();
	const keepSent = () => {
		try {
			localStorage.setItem(sentKey, JSON.stringify(sent));
		} catch {
			/* then a later session may repeat nothing worse than this session knows */
		}
	};

	const reported = { completed: false, passed: false };
	const stateParams = {
		agent: launch.actor as never,
		activityId: launch.activityId,
		registration: launch.registration,
		stateId: RESUME_STATE_ID,
	};
	if (!saved) {
		try {
			const r = await cmi5.xapi?.getState(stateParams);
			const resume = typeof r?.data === 'string' ? decodeResume(r.data, pkg.scope.modules) : undefined;
			if (resume) mergeResume(resume, pkg.contentVersion);
		} catch {
			/* no saved state yet (404) or unreachable: local progress still applies */
		}
		// A new session of a path or course package reopens at the bookmarked module (the LMS
		// launches the first one); the session carries over to that page.
		if (pkg.scope.modules.length > 1) {
			try {
				const r = await cmi5.xapi?.getState({ ...stateParams, stateId: LOCATION_STATE_ID });
				const bookmark = typeof r?.data === 'string' ? r.data : undefined;
				if (bookmark && bookmark !== args.moduleId && pkg.scope.modules.some((m) => m.id === bookmark)) {
					session.set(NAV_KEY, '1');
					location.replace(new URL(launchFile(bookmark), args.packageRoot).href);
					return;
				}
			} catch {
				/* no bookmark yet (404) or unreachable: stay on the launched module */
			}
		}
	}
	if (pkg.scope.modules.length > 1)
		cmi5.xapi
			?.setState({ ...stateParams, stateId: LOCATION_STATE_ID, state: args.moduleId as never })
			.catch(() => {
				/* the bookmark is a convenience */
			});
	// Read on every page of the session: a page writes the whole document when a verb arrives.
	try {
		const r = await cmi5.xapi?.getState({ ...stateParams, stateId: REPORTED_STATE_ID });
		const doc = (typeof r?.data === 'string' ? JSON.parse(r.data) : r?.data) as Partial<typeof reported>;
		reported.completed = doc?.completed === true;
		reported.passed = doc?.passed === true;
		if (reported.completed) sent.completed = true;
		if (reported.passed) sent.passed = true;
		keepSent();
	} catch {
		/* nothing reported yet in this registration (404), or unreachable */
	}

	// The queue: statements go out one at a time, in order; a failure leaves the item at the head.
	const queue: Item[] = [];
	let pumping = false;
	let retryDelay = RETRY_FIRST_MS;
	let wasUnreachable = false;
	const pump = async (): Promise<void> => {
		if (pumping) return;
		pumping = true;
		try {
			while (queue.length > 0) {
				const item = queue[0] as Item;
				try {
					const capture = {
						transform: (s: NonNullable<Item['statement']>) => {
							item.statement = s;
							return s;
						},
					};
					if (item.statement) await cmi5.sendXapiStatement(item.statement);
					else if (item.verb === 'completed') await cmi5.complete(capture);
					else if (item.verb === 'passed') await cmi5.pass(item.score, capture);
					else if (item.verb === 'failed') await cmi5.fail(item.score, capture);
					else await cmi5.sendXapiStatement(capture.transform(buildTerminated(cmi5)));
					queue.shift();
					retryDelay = RETRY_FIRST_MS;
					if ((item.verb === 'completed' || item.verb === 'passed') && !reported[item.verb]) {
						reported[item.verb] = true;
						cmi5.xapi
							?.setState({ ...stateParams, stateId: REPORTED_STATE_ID, state: { ...reported } as never })
							.catch(() => {
								/* then this browser's own note (sentKey) still prevents a repeat here */
							});
					}
				} catch (e) {
					const s = httpStatus(e);
					// 409: the LRS already has this very statement (a retry of one that arrived).
					if (s === 409) {
						queue.shift();
						continue;
					}
					if (s !== undefined && sendOutcome(s) === 'refused') {
						queue.shift();
						bar.warn(
							`The learning record store refused the "${item.verb}" result (HTTP ${s}). It will not be sent again; your progress is kept in this browser.`,
						);
						continue;
					}
					wasUnreachable = true;
					bar.warn(
						`The learning record store cannot be reached. ${queue.length} result${queue.length === 1 ? ' is' : 's are'} waiting and will be sent when it answers; your progress is kept in this browser.`,
					);
					setTimeout(() => void pump(), retryDelay);
					retryDelay = nextRetryDelay(retryDelay);
					return;
				}
			}
			if (wasUnreachable) {
				wasUnreachable = false;
				bar.warn('');
				bar.say('Connection restored: every result has been sent to the learning system.');
			}
		} finally {
			pumping = false;
		}
	};
	addEventListener('online', () => {
		retryDelay = RETRY_FIRST_MS;
		void pump();
	});

	const report = () => {
		const data = getProgressStore().getSnapshot().data;
		const st = packageStatus(data, pkg.scope, launchData.masteryScore);
		if (normal) {
			for (const verb of cmi5Due(st, {
				completed: Boolean(sent.completed),
				passed: Boolean(sent.passed),
				failedThisSession: state.failedThisSession,
			})) {
				const scaled = st.scaled ?? 0;
				const score = { scaled, raw: Math.round(scaled * 10000) / 100, min: 0, max: 100 };
				queue.push(verb === 'completed' ? { verb } : { verb, score });
				if (verb === 'completed') sent.completed = true;
				if (verb === 'passed') sent.passed = true;
				if (verb === 'failed') state.failedThisSession = true;
			}
			keepSent();
			keep();
		}
		const read = Object.fromEntries(
			Object.entries(data.modules).flatMap(([id, r]) => (r.completedAt ? [[id, r.completedAt]] : [])),
		);
		const enc = encodeResume({ read, attempts: data.attempts }, pkg.scope.modules, RESUME_LIMITS.cmi5);
		cmi5.xapi?.setState({ ...stateParams, state: enc.text as never }).catch(() => {
			/* the state is a convenience; the local record keeps everything */
		});
		if (enc.omitted > 0) bar.warn(omittedNotice(enc.omitted, 'cmi5'));
		bar.say(
			normal
				? `Reported: ${st.read} of ${st.total} module${st.total === 1 ? '' : 's'} read${st.scaled === undefined ? '' : `, score ${Math.round(st.scaled * 100)}%`}.`
				: `Opened in ${launchData.launchMode.toLowerCase()} mode: nothing is recorded in the learning system.`,
		);
		void pump();
	};
	report();
	getProgressStore().subscribe(report);

	let ended = false;
	const terminate = async () => {
		if (ended) return;
		ended = true;
		queue.push({ verb: 'terminated' });
		session.remove(CMI5_SESSION_KEY);
		await pump();
	};
	addEventListener('pagehide', () => {
		if (session.get('saa:lms:navigating') === '1') return;
		void terminate();
	});
	bar.onExit(async () => {
		await terminate();
		if (queue.length === 0 && launchData.returnURL) location.assign(launchData.returnURL);
		else if (queue.length === 0)
			bar.say('Session ended and saved in the learning system; you can close this window.');
	});
}

/** The terminated statement as @xapi/cmi5 builds it, with the session's duration. */
function buildTerminated(cmi5: Cmi5): NonNullable<Item['statement']> {
	const lp = cmi5.getLaunchParameters();
	const template = cmi5.getLaunchData().contextTemplate;
	const ms = Date.now() - cmi5.getInitializedDate().getTime();
	return {
		id: crypto.randomUUID(),
		actor: lp.actor,
		verb: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
		object: { objectType: 'Activity', id: lp.activityId },
		result: { duration: `PT${Math.round(ms / 10) / 100}S` },
		context: {
			...template,
			registration: lp.registration,
			contextActivities: {
				...template.contextActivities,
				category: [
					...(template.contextActivities?.category ?? []),
					{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' },
				],
			},
		},
		timestamp: new Date().toISOString(),
	};
}
