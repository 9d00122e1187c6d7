/**
 * The search page's script: loaded only on /search/. Nothing is downloaded until the learner turns
 * to the search box (focus, a tap or a key in the form) or arrives with a query: then the finder's
 * code and `search/finder/head.json`, and Pagefind's script and WebAssembly, start loading while
 * the learner types (the finder: exact and catalogue matches; Pagefind: full text of the lessons,
 * with filters). As the learner types, both fetch the index pieces of the words so far (the finder
 * its term and document shards, Pagefind its index chunks), so that pressing Enter mostly waits for
 * nothing. The finder's results are shown as soon as they are ready; Pagefind's follow, in space
 * kept for them.
 */
import type { Finder, FinderHit } from './finder.ts';
import { QUICK_SHOWN } from './shown.ts';

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: { title?: string };
	sub_results?: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	/** Loads the WebAssembly and the index's entry file (Pagefind 1.x). */
	init?(): Promise<void>;
	/** Loads the index chunks a term needs, ahead of `search` (Pagefind 1.x). */
	preload?(term: string, o?: { filters?: Record<string, string[]> }): Promise<void>;
	search(
		q: string,
		o?: { filters?: Record<string, string[]> },
	): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const root = document.querySelector<HTMLElement>('[data-search-root]');
if (root) void init(root);

async function init(el: HTMLElement) {
	const base = el.dataset.base ?? '/';
	const form = el.querySelector<HTMLFormElement>('form') as HTMLFormElement;
	const input = el.querySelector<HTMLInputElement>('input[name=q]') as HTMLInputElement;
	const status = el.querySelector<HTMLElement>('[data-status]') as HTMLElement;
	const quick = el.querySelector<HTMLElement>('[data-quick]') as HTMLElement;
	const full = el.querySelector<HTMLElement>('[data-full]') as HTMLElement;
	/** The lesson results' section: marked busy (and kept tall enough) until Pagefind answers. */
	const fullSection = full.closest('section') ?? full;
	const fullWait = el.querySelector<HTMLElement>('[data-full-wait]');
	const selects = [...el.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

	let finder: Promise<Finder> | undefined;
	let pagefind: Promise<Pagefind | undefined> | undefined;
	const readFinderFile = async (file: string): Promise<unknown> => {
		const r = await fetch(`${base}search/finder/${file}`);
		if (!r.ok) throw new Error(`search/finder/${file}: HTTP ${r.status}`);
		return r.json();
	};
	const getFinder = (): Promise<Finder> => {
		if (finder) return finder;
		// head.json downloads while the finder's code loads, not after it.
		const head = readFinderFile('head.json');
		// openFinder reports a failure; this only keeps it from being "unhandled" if the code fails first.
		head.catch(() => {});
		const opening = import('./finder.ts').then((mod) =>
			mod.openFinder((file) => (file === 'head.json' ? head : readFinderFile(file))),
		);
		finder = opening;
		// Offline or a failed download: the next query tries again.
		opening.catch(() => {
			if (finder === opening) finder = undefined;
		});
		return opening;
	};
	const getPagefind = () => {
		pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(
			async (pf: Pagefind) => {
				await pf.options({ baseUrl: base, excerptLength: 24 });
				return pf;
			},
			() => undefined,
		);
		return pagefind;
	};

	const currentFilters = () => {
		const filters: Record<string, string[]> = {};
		for (const s of selects) if (s.value) filters[s.dataset.filter as string] = [s.value];
		return filters;
	};
	// The learner is about to search: load both engines now, not after Enter.
	let warmed = false;
	const warm = () => {
		if (warmed) return;
		warmed = true;
		getFinder().catch(() => {});
		void getPagefind().then((pf) => pf?.init?.().catch(() => {}));
	};
	for (const type of ['focusin', 'pointerdown', 'keydown'] as const) form.addEventListener(type, warm);

	let generation = 0;
	let prefetching = false;
	const run = async () => {
		const q = input.value.trim();
		const mine = ++generation;
		const url = new URL(location.href);
		if (q) url.searchParams.set('q', q);
		else url.searchParams.delete('q');
		history.replaceState(null, '', url);
		if (!q) {
			quick.replaceChildren();
			full.replaceChildren();
			setWaiting(false);
			status.textContent = '';
			return;
		}
		const filters = currentFilters();
		// Both start now; the finder's answer is shown without waiting for Pagefind.
		const pfReady = getPagefind();
		const found = await getFinder()
			.then((f) => f.search(q, QUICK_SHOWN))
			.catch(() => undefined);
		if (mine !== generation) return;
		if (found) renderQuick(quick, found.exact, found.hits, found.ignored);
		else quick.replaceChildren(para('Quick matches could not be loaded (offline?). Search again to retry.'));
		const n = (found?.hits.length ?? 0) + (found?.exact ? 1 : 0);
		const quickText = `${n} quick match${n === 1 ? '' : 'es'}`;
		let settled = false;
		void pfReady.then(() => {
			settled = true;
		});
		await Promise.resolve();
		if (!settled) {
			// Pagefind is still loading: keep its space, say so once, politely.
			setWaiting(true);
			status.textContent = `${quickText} for “${q}”; searching the lesson text…`;
		}
		const pf = await pfReady;
		if (mine !== generation) return;
		let fullCount = 0;
		if (!pf) {
			full.replaceChildren(
				para(
					'Full-text search works on the built site (npm start); it is not available in development mode.',
				),
			);
		} else {
			const res = await pf.search(q, { filters });
			if (mine !== generation) return;
			fullCount = res?.results.length ?? 0;
			// Every shown result's text is asked for at once; the first few are shown as soon as theirs
			// has arrived, and the rest added below them (the list stays marked busy until then).
			const data = (res?.results ?? []).slice(0, FULL_SHOWN).map((r) => r.data());
			const first = await arrived(data.slice(0, FULL_FIRST));
			if (mine !== generation) return;
			// Marked busy until the rest are in, so that assistive technology reads the list once, whole.
			if (data.length > FULL_FIRST) fullSection.setAttribute('aria-busy', 'true');
			let missing = first.failed;
			let list: HTMLUListElement | undefined;
			if (first.shown.length === 0 && missing > 0) full.replaceChildren();
			else list = renderFull(full, first.shown);
			const rest = await arrived(data.slice(FULL_FIRST));
			if (mine !== generation) return;
			missing += rest.failed;
			if (list) list.append(...rest.shown.map(fullItem));
			else if (rest.shown.length > 0) renderFull(full, rest.shown);
			// A result whose text could not be downloaded (offline, say) is left out, and the page says so.
			if (missing > 0)
				full.append(
					para(
						`${missing} lesson result${missing === 1 ? '' : 's'} could not be loaded (offline?). Search again to retry.`,
					),
				);
		}
		setWaiting(false);
		status.textContent = `${quickText} and ${fullCount} lesson result${fullCount === 1 ? '' : 's'} for “${q}”.`;
		if (found && !prefetching) {
			// Both result lists are shown: load the rest of the finder in idle time, so that later
			// queries need no download (the service worker has precached these files anyway).
			prefetching = true;
			const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
			idle(() => void getFinder().then((f) => f.prefetch()));
		}
	};
	function setWaiting(on: boolean) {
		if (on) {
			fullSection.setAttribute('aria-busy', 'true');
			full.replaceChildren();
		} else fullSection.removeAttribute('aria-busy');
		if (fullWait) fullWait.hidden = !on;
	}

	// The finder fetches the shards of the words typed so far while the learner goes on, one query
	// at a time: while one is loading, only the newest of the keys typed meanwhile waits its turn.
	let preloading = false;
	let preloadNext: string | undefined;
	const preloadFinder = async (q: string) => {
		preloadNext = q;
		if (preloading) return;
		preloading = true;
		try {
			while (preloadNext !== undefined) {
				const next = preloadNext;
				preloadNext = undefined;
				await getFinder()
					.then((f) => f.preload(next, QUICK_SHOWN))
					.catch(() => {});
			}
		} finally {
			preloading = false;
		}
	};

	let timer: number | undefined;
	input.addEventListener('input', () => {
		warm();
		const q = input.value.trim();
		// Both engines fetch the index pieces of the words typed so far while the learner goes on, so
		// that Enter (or the pause that searches as you type) finds them here.
		if (q) {
			void preloadFinder(q);
			void getPagefind().then((pf) => pf?.preload?.(q, { filters: currentFilters() }).catch(() => {}));
		}
		clearTimeout(timer);
		timer = window.setTimeout(run, 150);
	});
	for (const s of selects) s.addEventListener('change', run);
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		// Enter runs the query now; the as-you-type run still pending would only repeat it.
		clearTimeout(timer);
		const exact = await getFinder()
			.then((f) => f.lookup(input.value))
			.catch(() => undefined);
		// Typing an exact provision id (8.1.2) or principle ("principle 5") goes straight there.
		if (exact) location.assign(exact.url);
		else void run();
	});
	const initial = new URL(location.href).searchParams.get('q');
	if (initial) {
		input.value = initial.slice(0, 200);
		const exact = /^\d+(\.\d+)+$/.test(input.value.trim())
			? await getFinder()
					.then((f) => f.lookup(input.value))
					.catch(() => undefined)
			: undefined;
		if (exact) {
			location.replace(exact.url);
			return;
		}
		void run();
	}
	el.dataset.ready = 'true';
}

function para(text: string) {
	const p = document.createElement('p');
	p.textContent = text;
	return p;
}

const KIND_LABEL = {
	provision: 'Provision',
	principle: 'Principle',
	module: 'Module',
	quiz: 'Quiz',
	term: 'Glossary',
} as const;

function renderQuick(box: HTMLElement, exact: FinderHit | undefined, hits: FinderHit[], ignored: string[]) {
	const items = [...(exact ? [exact] : []), ...hits.slice(0, QUICK_SHOWN)];
	const nodes: Node[] = [];
	if (ignored.length)
		nodes.push(
			para(`Not understood, so ignored: ${ignored.join(', ')}. Try role:operator or phase:maintenance.`),
		);
	if (items.length === 0) {
		nodes.push(para('No provision, principle, module or glossary term matches.'));
	} else {
		const ul = document.createElement('ul');
		ul.className = 'results';
		for (const h of items) {
			const li = document.createElement('li');
			const tag = document.createElement('span');
			tag.className = 'tag';
			tag.textContent = KIND_LABEL[h.kind];
			const a = document.createElement('a');
			a.href = h.url;
			a.textContent = h.title;
			const p = document.createElement('p');
			p.textContent = h.summary;
			li.append(tag, ' ', a, p);
			ul.append(li);
		}
		nodes.push(ul);
	}
	box.replaceChildren(...nodes);
}

/** Lesson results shown at most, and how many of them are shown before the rest have arrived. */
const FULL_SHOWN = 12;
const FULL_FIRST = 4;

/** The results whose text arrived, in order, and how many did not. */
async function arrived(texts: Promise<PagefindResultData>[]) {
	const settled = await Promise.allSettled(texts);
	return {
		shown: settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
		failed: settled.filter((r) => r.status === 'rejected').length,
	};
}

/** Shows the lesson results, or says there are none; returns the list, to add more to. */
function renderFull(box: HTMLElement, results: PagefindResultData[]): HTMLUListElement | undefined {
	if (results.length === 0) {
		box.replaceChildren(para('No lesson text matches. Check the spelling, or remove a filter.'));
		return undefined;
	}
	const ul = document.createElement('ul');
	ul.className = 'results';
	ul.append(...results.map(fullItem));
	box.replaceChildren(ul);
	return ul;
}

function fullItem(r: PagefindResultData): HTMLLIElement {
	const li = document.createElement('li');
	const a = document.createElement('a');
	a.href = r.url;
	a.textContent = r.meta.title ?? r.url;
	const p = document.createElement('p');
	// Pagefind's excerpt is our own page text with <mark> around matches.
	p.innerHTML = r.excerpt;
	li.append(a, p);
	const subs = (r.sub_results ?? []).filter((s) => s.url !== r.url).slice(0, 3);
	if (subs.length) {
		const sub = document.createElement('ul');
		sub.className = 'sub-results';
		for (const s of subs) {
			const sli = document.createElement('li');
			const sa = document.createElement('a');
			sa.href = s.url;
			sa.textContent = s.title;
			const sp = document.createElement('p');
			sp.innerHTML = s.excerpt;
			sli.append(sa, sp);
			sub.append(sli);
		}
		li.append(sub);
	}
	return li;
}
