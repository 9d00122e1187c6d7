/**
 * The only LMS code every module page loads (a few hundred bytes): is this page running inside
 * an LMS? SCORM: an API object up the parent/opener chain. cmi5: launch parameters in the URL,
 * or a cmi5 session this tab already started on another page of the same package. Only then is
 * the runtime fetched (dynamic import), so outside an LMS nothing else loads and nothing is sent.
 */
import { cmi5LaunchFrom, findScormApi, type WindowLike } from '../../../core/lms/discovery.ts';

export const CMI5_SESSION_KEY = 'saa:lms:cmi5';

function cmi5SessionInTab(): boolean {
	try {
		return sessionStorage.getItem(CMI5_SESSION_KEY) !== null;
	} catch {
		return false;
	}
}

const moduleId = document.querySelector<HTMLElement>('[data-lms-module]')?.dataset.lmsModule;
if (moduleId) {
	const scorm = findScormApi(window as unknown as WindowLike);
	const cmi5 = scorm ? undefined : cmi5LaunchFrom(location.search);
	if (scorm || cmi5 || cmi5SessionInTab()) {
		import('./runtime.ts')
			.then((m) => m.startLms({ moduleId, scorm, cmi5 }))
			.catch((e: unknown) => console.error('LMS runtime failed to start:', e));
	}
}
