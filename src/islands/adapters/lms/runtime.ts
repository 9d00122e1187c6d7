/**
 * The LMS runtime, loaded by detect.ts only inside an LMS. It OBSERVES the progress store (the
 * quiz and dashboard islands are not touched): every change is turned into SCORM data model
 * values or cmi5 statements by the pure core (src/core/lms/). Progress is still kept in local
 * storage as always; the LMS gets a copy.
 *
 * One package is one SCO (or AU) that may span several module pages. Moving between them keeps
 * the LMS session open (the next page finds it already initialised); leaving the package ends it.
 *
 * `npm run package:lms` bundles this file (esbuild) into each package as `lms/runtime.js`, so it
 * has its own progress store object: it re-reads the shared local storage when it changes (the
 * islands write there), and after merging resume state it tells the islands with a `storage`
 * event, which their progress client already listens to.
 */
import {
	type Cmi5Launch,
	cmi5LaunchFrom,
	findScormApi,
	type ScormVersion,
	type WindowLike,
} from '../../../core/lms/discovery.ts';
import {
	isoDuration,
	packageStatus,
	scorm12Time,
	scorm12Values,
	scorm2004Values,
} from '../../../core/lms/report.ts';
import { decodeResume, encodeResume, RESUME_LIMITS } from '../../../core/lms/resume.ts';
import { type LmsFormat, launchFile, PACKAGE_DATA_FILE } from '../../../core/lms/scope.ts';
import { getProgressStore } from '../progress-client.ts';
import {
	type Bar,
	followStorage,
	mergeResume,
	mountBar,
	NAV_KEY,
	omittedNotice,
	type PackageData,
	SCORM_SESSION_KEY,
	session,
	watchLinks,
} from './shared.ts';

export async function startLms(moduleId: string): Promise<void> {
	const args = {
		moduleId,
		scorm: findScormApi(window as unknown as WindowLike),
		cmi5: cmi5LaunchFrom(location.search) as Cmi5Launch | undefined,
	};
	const packageRoot = new URL('../../', location.href);
	let pkg: PackageData;
	try {
		const res = await fetch(new URL(PACKAGE_DATA_FILE, packageRoot));
		if (!res.ok) return; // A page of the public site shown by an LMS, not a package: do nothing.
		pkg = (await res.json()) as PackageData;
	} catch {
		return;
	}
	if (!pkg?.scope?.modules?.some((m) => m.id === args.moduleId)) return;
	const navigating = session.get(NAV_KEY) === '1';
	session.remove(NAV_KEY);
	const bar = mountBar(pkg, args.moduleId);
	watchLinks(packageRoot);
	followStorage();
	if (pkg.format === 'cmi5') {
		const { connectCmi5 } = await import('./cmi5.ts');
		await connectCmi5({ pkg, moduleId: args.moduleId, launch: args.cmi5, bar, packageRoot, navigating });
		return;
	}
	if (!args.scorm) {
		bar.warn(
			'This package expects a SCORM learning system, but none was found. Progress is kept in this browser only.',
		);
		return;
	}
	connectScorm(pkg, args.moduleId, args.scorm, bar, packageRoot);
}

type ScormApi = Record<string, (...a: string[]) => unknown>;

function connectScorm(
	pkg: PackageData,
	moduleId: string,
	found: { version: ScormVersion; api: unknown },
	bar: Bar,
	packageRoot: URL,
) {
	const api = found.api as ScormApi;
	const v12 = found.version === '1.2';
	const call = (n12: string, n04: string, ...a: string[]) => {
		try {
			return String((api[v12 ? n12 : n04] as (...x: string[]) => unknown).apply(api, a));
		} catch {
			return 'false';
		}
	};
	const get = (k: string) => call('LMSGetValue', 'GetValue', k);
	const set = (k: string, value: string) => call('LMSSetValue', 'SetValue', k, value);
	const lastError = () => call('LMSGetLastError', 'GetLastError');
	const commit = () => call('LMSCommit', 'Commit', '');

	const stored = session.get(SCORM_SESSION_KEY);
	const saved = stored ? (JSON.parse(stored) as { scope: string; start: number }) : undefined;
	const continuing = saved?.scope === `${pkg.scope.kind}:${pkg.scope.id}`;
	if (call('LMSInitialize', 'Initialize', '') !== 'true') {
		const code = lastError();
		// 101 (1.2) and 103 (2004): already initialised, i.e. the previous page of this package kept it open.
		if (!(continuing && (code === '101' || code === '103'))) {
			bar.warn(
				`The learning system refused to start a session (error ${code}). Progress is kept in this browser only.`,
			);
			return;
		}
	}
	const start = continuing && saved ? saved.start : Date.now();
	session.set(SCORM_SESSION_KEY, JSON.stringify({ scope: `${pkg.scope.kind}:${pkg.scope.id}`, start }));

	const K = v12
		? {
				entry: 'cmi.core.entry',
				location: 'cmi.core.lesson_location',
				suspend: 'cmi.suspend_data',
				time: 'cmi.core.session_time',
				exit: 'cmi.core.exit',
			}
		: {
				entry: 'cmi.entry',
				location: 'cmi.location',
				suspend: 'cmi.suspend_data',
				time: 'cmi.session_time',
				exit: 'cmi.exit',
			};
	const masteryText = v12 ? get('cmi.student_data.mastery_score') : get('cmi.scaled_passing_score');
	const masteryNumber = masteryText === '' ? Number.NaN : Number(masteryText);
	const lmsMastery = Number.isFinite(masteryNumber) ? (v12 ? masteryNumber / 100 : masteryNumber) : undefined;

	if (!continuing) {
		const resume = decodeResume(get(K.suspend), pkg.scope.modules);
		if (resume) mergeResume(resume, pkg.contentVersion);
		const bookmark = get(K.location);
		if (
			get(K.entry) === 'resume' &&
			bookmark !== moduleId &&
			pkg.scope.modules.some((m) => m.id === bookmark)
		) {
			session.set(NAV_KEY, '1');
			location.replace(new URL(launchFile(bookmark), packageRoot).href);
			return;
		}
	}
	set(K.location, moduleId);

	const format: LmsFormat = v12 ? 'scorm12' : 'scorm2004';
	let finished = false;
	const report = () => {
		if (finished) return;
		const data = getProgressStore().getSnapshot().data;
		const st = packageStatus(data, pkg.scope, lmsMastery);
		for (const [k, value] of v12 ? scorm12Values(st) : scorm2004Values(st)) set(k, value);
		const read = Object.fromEntries(
			Object.entries(data.modules).flatMap(([id, r]) => (r.completedAt ? [[id, r.completedAt]] : [])),
		);
		const enc = encodeResume({ read, attempts: data.attempts }, pkg.scope.modules, RESUME_LIMITS[format]);
		set(K.suspend, enc.text);
		set(K.exit, st.completed && st.passed !== false ? (v12 ? '' : 'normal') : 'suspend');
		bar.warn(omittedNotice(enc.omitted, format));
		commit();
		bar.say(
			`Reported: ${st.read} of ${st.total} module${st.total === 1 ? '' : 's'} read${st.scaled === undefined ? '' : `, score ${Math.round(st.scaled * 100)}%${st.passed ? ' (passed)' : st.passed === false ? ' (not passed yet)' : ''}`}.`,
		);
	};
	report();
	getProgressStore().subscribe(report);

	const end = (final: boolean) => {
		if (finished) return;
		report();
		const ms = Date.now() - start;
		set(K.time, v12 ? scorm12Time(ms) : isoDuration(ms));
		if (!final && session.get(NAV_KEY) === '1') {
			commit();
			return;
		}
		commit();
		call('LMSFinish', 'Terminate', '');
		finished = true;
		session.remove(SCORM_SESSION_KEY);
	};
	addEventListener('pagehide', () => end(false));
	bar.onExit(() => {
		end(true);
		bar.say('Saved. Your learning system has your progress; you can close this window.');
	});
}
