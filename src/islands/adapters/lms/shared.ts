/**
 * What the LMS runtime and its cmi5 part share (package data, session keys, the notice bar, the
 * resume merge), in a module of its own so that runtime.ts and cmi5.ts do not import each other.
 */
import { type DecodedResume, RESUME_LIMITS } from '../../../core/lms/resume.ts';
import { FORMAT_LABELS, type LmsFormat, launchFile, type PackageScope } from '../../../core/lms/scope.ts';
import { encodeExport } from '../../../core/progress/codec.ts';
import type { ProgressData } from '../../../core/progress/progress.ts';
import { PROGRESS_KEY } from '../../../core/progress/store.ts';
import { getProgressStore } from '../progress-client.ts';

export interface PackageData {
	format: LmsFormat;
	siteUrl: string;
	contentVersion: string;
	scope: PackageScope;
}

export const CMI5_SESSION_KEY = 'saa:lms:cmi5';

/** Set while the learner follows a link to another page of the same package. */
export const NAV_KEY = 'saa:lms:navigating';
export const SCORM_SESSION_KEY = 'saa:lms:scorm';

export const session = {
	get(key: string): string | null {
		try {
			return sessionStorage.getItem(key);
		} catch {
			return null;
		}
	},
	set(key: string, value: string) {
		try {
			sessionStorage.setItem(key, value);
		} catch {
			/* storage blocked: each page then starts its own session */
		}
	},
	remove(key: string) {
		try {
			sessionStorage.removeItem(key);
		} catch {
			/* nothing to do */
		}
	},
};

export interface Bar {
	say(text: string): void;
	warn(text: string): void;
	onExit(handler: () => void): void;
}

export function mountBar(pkg: PackageData, moduleId: string): Bar {
	const bar = document.createElement('section');
	bar.className = 'lms-bar';
	bar.setAttribute('aria-label', 'Learning system');
	const status = document.createElement('p');
	status.textContent = `Connected to your organisation's learning system (${FORMAT_LABELS[pkg.format]}): your progress is reported to it and also kept in this browser.`;
	bar.append(status);
	if (pkg.scope.modules.length > 1) {
		const list = document.createElement('ol');
		list.setAttribute('aria-label', `Modules in ${pkg.scope.title}`);
		for (const m of pkg.scope.modules) {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = `../../${launchFile(m.id)}`;
			a.textContent = m.title;
			if (m.id === moduleId) a.setAttribute('aria-current', 'page');
			li.append(a);
			list.append(li);
		}
		bar.append(list);
	}
	const notice = document.createElement('p');
	notice.className = 'lms-notice';
	notice.setAttribute('role', 'status');
	bar.append(notice);
	const warnings = document.createElement('p');
	warnings.className = 'lms-notice lms-warning';
	warnings.setAttribute('role', 'alert');
	bar.append(warnings);
	const exit = document.createElement('button');
	exit.type = 'button';
	exit.className = 'button button-secondary';
	exit.textContent = 'Save and exit';
	bar.append(exit);
	const css = document.createElement('link');
	css.rel = 'stylesheet';
	css.href = new URL('runtime.css', import.meta.url).href;
	document.head.append(css);
	(document.querySelector('main .wrap') ?? document.querySelector('main') ?? document.body).prepend(bar);
	return {
		say: (t) => {
			notice.textContent = t;
		},
		warn: (t) => {
			warnings.textContent = t;
		},
		onExit: (h) => exit.addEventListener('click', h),
	};
}

/** Links to pages of this package keep the session; links elsewhere open in a new tab. */
export function watchLinks(packageRoot: URL) {
	document.addEventListener('click', (event) => {
		const a = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
		if (!a) return;
		const url = new URL(a.href, location.href);
		if (url.href.startsWith(packageRoot.href)) session.set(NAV_KEY, '1');
	});
	for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')) {
		if (!a.href.startsWith(packageRoot.href)) {
			a.target = '_blank';
			a.rel = 'noopener';
		}
	}
}

/** Merges resume state from the LMS into the local record (never removes anything). */
export function mergeResume(resume: DecodedResume, contentVersion: string) {
	const modules: ProgressData['modules'] = {};
	for (const [id, at] of Object.entries(resume.read))
		modules[id] = { firstOpenedAt: at, lastOpenedAt: at, completedAt: at };
	if (resume.attempts.length === 0 && Object.keys(modules).length === 0) return;
	getProgressStore().importFile(
		encodeExport({ attempts: resume.attempts, modules }, contentVersion, new Date().toISOString()),
	);
	// The islands' own store re-reads storage on this event (src/islands/adapters/progress-client.ts).
	dispatchEvent(new StorageEvent('storage', { key: PROGRESS_KEY }));
}

/** The islands write progress through their own store object: follow storage when it changes. */
export function followStorage() {
	let last: string | null = null;
	const check = () => {
		let now: string | null = null;
		try {
			now = localStorage.getItem(PROGRESS_KEY);
		} catch {
			return;
		}
		if (now !== last) {
			last = now;
			getProgressStore().refresh();
		}
	};
	check();
	setInterval(check, 500);
	addEventListener('pagehide', check);
}

export function omittedNotice(omitted: number, format: LmsFormat): string {
	return omitted > 0
		? `${omitted} older assessment attempt${omitted === 1 ? '' : 's'} did not fit the learning system's ${RESUME_LIMITS[format].toLocaleString('en')}-character limit for saved state. ${omitted === 1 ? 'It is' : 'They are'} kept in this browser, and your best result is reported.`
		: '';
}
