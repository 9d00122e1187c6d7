/**
 * The only LMS code every module page loads (about 400 bytes): is this page running inside an
 * LMS? SCORM: an `API` (1.2) or `API_1484_11` (2004) object up the parent chain or on the opener.
 * cmi5: launch parameters in the URL, or a cmi5 session this tab started on another page of the
 * same package. Only then is the runtime loaded, from the package itself (`lms/runtime.js`, which
 * `npm run package:lms` bundles into every package): the site's own build never contains it, so
 * page budgets hold and outside an LMS nothing else loads and nothing is sent. The full rules
 * (and their tests) are in src/core/lms/discovery.ts; this is the cheapest sufficient check.
 */
function hasApi(start: Window | null): boolean {
	let w = start;
	for (let i = 0; w && i <= 10; i++) {
		try {
			const x = w as unknown as Record<string, unknown>;
			if (x.API || x.API_1484_11) return true;
			if (w.parent === w) return false;
			w = w.parent;
		} catch {
			return false; // a parent on another origin: not our LMS
		}
	}
	return false;
}

const moduleId = document.querySelector<HTMLElement>('[data-lms-module]')?.dataset.lmsModule;
if (moduleId) {
	const q = new URLSearchParams(location.search);
	let cmi5Session = false;
	try {
		cmi5Session = sessionStorage.getItem('saa:lms:cmi5') !== null;
	} catch {
		/* storage blocked */
	}
	let opener: Window | null = null;
	try {
		opener = window.opener as Window | null;
	} catch {
		/* cross-origin opener */
	}
	if (hasApi(window) || hasApi(opener) || (q.has('endpoint') && q.has('fetch')) || cmi5Session) {
		const url = new URL('../../lms/runtime.js', location.href).href;
		import(/* @vite-ignore */ url)
			.then((m: { startLms(id: string): Promise<void> }) => m.startLms(moduleId))
			.catch(() => {
				/* not a package (the public site shown inside an LMS): nothing to do */
			});
	}
}
