/**
 * The provision and catalogue finder: a lunr-scored index over principles, all 72 provisions,
 * modules, quizzes and the glossary, built at build time (finder-build.ts) and served in pieces,
 * so that the first query downloads only what it needs, whatever the size of the catalogue:
 * - `search/finder/head.json`, always loaded: every indexed term (a few KB), the names of the
 *   shards, and the exact lookups;
 * - term shards `t<n>.<hash>.json`: for a range of terms, which documents hold each term, in which
 *   field, with lunr's BM25 weight; a query fetches only the shards of the terms it matches;
 * - document shards `d<n>.<hash>.json`: title, summary and URL, fetched only for the hits shown.
 * Shard names carry a hash of their content, so a cached shard is never stale.
 *
 * Searching reproduces lunr 2.3.9's own query scoring (Index#query) over those postings, so the
 * results and their scores are the ones lunr gives on the whole index (tests/search/finder.test.ts
 * compares them). Pure (no DOM): Node builds and tests it, the browser searches with it.
 *
 * Queries:
 * - an exact provision id (`8.1.2`) or principle (`principle 5`, `p5`) is an exact hit;
 * - `role:operator`, `phase:maintenance`, `kind:term`, `principle:5` filter by field;
 * - other words match titles and text, stemmed, with one typo allowed in words of 5+ letters,
 *   and the last word completed as a prefix (search as you type).
 */
import lunr from 'lunr';

export type FinderKind = 'provision' | 'principle' | 'module' | 'quiz' | 'term';

export interface FinderDoc {
	/** Unique key, e.g. `provision:8.1.2`. */
	ref: string;
	kind: FinderKind;
	title: string;
	/** A short line shown under the title. */
	summary: string;
	/** Extra searchable text (not shown). */
	text: string;
	url: string;
	/** Role tokens: developer, operator, custodian, enduser, affected, organisation. */
	roles: string[];
	/** Phase tokens: design, development, deployment, maintenance, endoflife. */
	phases: string[];
	/** Principle numbers this doc belongs to. */
	principles: number[];
}

/** The indexed fields, in order: a term's postings list them in this order. */
export const FIELDS = ['title', 'summary', 'text', 'role', 'phase', 'kind', 'principle'] as const;
export type FinderField = (typeof FIELDS)[number];
/** Fields that words in the query search (the others are for `role:` and the like). */
const WORD_FIELDS: readonly FinderField[] = ['title', 'summary', 'text'];

/** The file every query loads first: `search/finder/head.json`. */
export interface FinderHead {
	version: 2;
	/** Every indexed term, as lunr's pipeline left it (stemmed), sorted as JavaScript sorts strings. */
	terms: string[];
	/** Term shard n holds the terms from `termStarts[n]` up to `termStarts[n + 1]` (exclusive). */
	termStarts: number[];
	/** Term shard file names, relative to head.json. */
	termFiles: string[];
	/** Documents per document shard: document d is in `docFiles[Math.floor(d / docsPerShard)]`. */
	docsPerShard: number;
	/** Document shard file names, relative to head.json. */
	docFiles: string[];
	/** Exact lookups: provision ids, `principle 5` and `p5`, to a document number. */
	exact: Record<string, number>;
}

/**
 * A term shard: one entry per term of its range; each entry has one list per field of FIELDS,
 * `[document gap, weight × 1000, document gap, weight × 1000, …]` (document numbers ascending,
 * each stored as the gap from the previous one), or 0 when the term is not in that field.
 * The weights are lunr's, which it rounds to three decimals, so × 1000 is exact.
 */
export type TermShard = (number[] | 0)[][];
/** A document shard: `[ref, kind, title, summary, url]` per document, in document order. */
export type DocShard = [string, FinderKind, string, string, string][];

export interface FinderHit {
	ref: string;
	kind: FinderKind;
	title: string;
	summary: string;
	url: string;
	score: number;
}

export interface FinderResult {
	/** Set when the query names one provision or principle exactly. */
	exact: FinderHit | undefined;
	hits: FinderHit[];
	/** Field filters understood, e.g. { role: 'operator' }; unknown ones are reported. */
	filters: Record<string, string>;
	ignored: string[];
}

const ROLE_ALIASES: Record<string, string> = {
	developer: 'developer',
	developers: 'developer',
	dev: 'developer',
	operator: 'operator',
	operators: 'operator',
	'system-operator': 'operator',
	'system-operators': 'operator',
	custodian: 'custodian',
	custodians: 'custodian',
	'data-custodian': 'custodian',
	'data-custodians': 'custodian',
	'end-user': 'enduser',
	'end-users': 'enduser',
	enduser: 'enduser',
	user: 'enduser',
	users: 'enduser',
	affected: 'affected',
	'affected-entities': 'affected',
	organisation: 'organisation',
	organisations: 'organisation',
	organization: 'organisation',
	organizations: 'organisation',
};
const PHASE_ALIASES: Record<string, string> = {
	design: 'design',
	development: 'development',
	develop: 'development',
	deployment: 'deployment',
	deploy: 'deployment',
	maintenance: 'maintenance',
	maintain: 'maintenance',
	operation: 'maintenance',
	'end-of-life': 'endoflife',
	endoflife: 'endoflife',
	eol: 'endoflife',
	disposal: 'endoflife',
};
const KINDS: FinderKind[] = ['provision', 'principle', 'module', 'quiz', 'term'];

export const ROLE_TOKEN: Record<string, string> = {
	developers: 'developer',
	'system-operators': 'operator',
	'data-custodians': 'custodian',
	'end-users': 'enduser',
	'affected-entities': 'affected',
	organisations: 'organisation',
};
export const PHASE_TOKEN: Record<string, string> = {
	design: 'design',
	development: 'development',
	deployment: 'deployment',
	maintenance: 'maintenance',
	'end-of-life': 'endoflife',
};

/** A query, understood: what the learner typed, split into exact key, field filters and words. */
export interface ParsedQuery {
	/** The normalised query, looked up in `FinderHead.exact`. */
	exactKey: string;
	filters: Record<string, string>;
	ignored: string[];
	/** Words as lunr's tokenizer splits them, without stop words; provision-like ids kept whole. */
	terms: string[];
}

export function parseQuery(query: string): ParsedQuery {
	const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
	const filters: Record<string, string> = {};
	const ignored: string[] = [];
	const words: string[] = [];
	for (const token of q.split(' ').filter(Boolean)) {
		const m = /^([a-z]+):(.+)$/.exec(token);
		if (!m) {
			words.push(token);
			continue;
		}
		const [, field, raw] = m as unknown as [string, string, string];
		const value =
			field === 'role'
				? ROLE_ALIASES[raw]
				: field === 'phase'
					? PHASE_ALIASES[raw]
					: field === 'kind'
						? KINDS.find((k) => k === raw.replace(/s$/, ''))
						: field === 'principle' && /^\d{1,2}$/.test(raw)
							? `p${Number(raw)}`
							: undefined;
		if (value) filters[field] = value;
		else ignored.push(token);
	}
	// lunr's own tokenizer, keeping provision-like ids whole, without stop words (a required stop
	// word would match nothing) and without `*`, which lunr would read as "any letters".
	const terms = words.flatMap((w) =>
		/^\d+(\.\d+)+$/.test(w)
			? [w]
			: lunr
					.tokenizer(w)
					.filter((t) => lunr.stopWordFilter(t) !== undefined)
					.map((t) => t.toString().replaceAll('*', ''))
					.filter((t) => t.length > 0),
	);
	return { exactKey: q, filters, ignored, terms };
}

/**
 * One required query clause. `exact` and `fuzzy` terms are stemmed first (lunr's search
 * pipeline); `fuzzy` matches any indexed term within one edit (insertion, deletion,
 * substitution or swap of neighbours); `prefix` matches indexed terms starting with it, unstemmed.
 */
export interface Clause {
	term: string;
	fields: readonly FinderField[];
	match: 'exact' | 'fuzzy' | 'prefix';
}

/** The clauses of a query, with the last word as a prefix or not. */
export function clausesFor(p: ParsedQuery, prefixLast: boolean): Clause[] {
	const clauses: Clause[] = p.terms.map((t, i) => ({
		term: t,
		fields: WORD_FIELDS,
		match:
			prefixLast && i === p.terms.length - 1 ? 'prefix' : t.length >= 5 && !/\d/.test(t) ? 'fuzzy' : 'exact',
	}));
	// Field tokens went through the same pipeline (stemmer) when indexed.
	for (const [field, value] of Object.entries(p.filters))
		clauses.push({ term: value, fields: [field as FinderField], match: 'exact' });
	return clauses;
}

const searchPipeline = new lunr.Pipeline();
searchPipeline.add(lunr.stemmer);
/** lunr's search pipeline (the stemmer), as Index#query applies it. */
export const stem = (term: string): string => searchPipeline.runString(term)[0] ?? '';

/** Whether `a` and `b` are at most one edit apart (insertion, deletion, substitution, swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > 1) return false;
	let i = 0;
	while (i < la && i < lb && a[i] === b[i]) i++;
	if (la === lb) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true;
		return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** First index in the sorted `list` whose value is >= `x`. */
function lowerBound<T>(list: readonly T[], x: T): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((list[mid] as T) < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Indexed terms (their numbers in `terms`) that a clause matches. */
export function expandClause(terms: readonly string[], c: Clause): number[] {
	if (c.match === 'prefix') {
		const out: number[] = [];
		for (let i = lowerBound(terms, c.term); i < terms.length && (terms[i] as string).startsWith(c.term); i++)
			out.push(i);
		return out;
	}
	const t = stem(c.term);
	if (c.match === 'exact') {
		const i = lowerBound(terms, t);
		return terms[i] === t ? [i] : [];
	}
	const out: number[] = [];
	for (let i = 0; i < terms.length; i++) {
		const w = terms[i] as string;
		if (w.length > 0 && withinOneEdit(t, w)) out.push(i);
	}
	return out;
}

/**
 * Scores documents for required clauses exactly as lunr 2.3.9's Index#query does: a document must
 * match every clause (some matched term in some of its fields); its score is the sum over fields of
 * the dot product of the field's query vector (1 per matched term and clause) with the document's
 * field weights, divided by the query vector's length. Returns document numbers and scores, best
 * first (ties: lower document number first).
 */
export function scoreClauses(
	clauses: readonly Clause[],
	expanded: readonly (readonly number[])[],
	posting: (term: number) => TermShard[number],
): { doc: number; score: number }[] {
	const queryVectors = new Map<number, Map<number, number>>();
	let required: Set<number> | undefined;
	for (const [k, c] of clauses.entries()) {
		const terms = expanded[k] ?? [];
		if (terms.length === 0) return [];
		const matches = new Set<number>();
		for (const t of terms) {
			const p = posting(t);
			for (const field of c.fields) {
				const f = FIELDS.indexOf(field);
				const qv = queryVectors.get(f) ?? new Map<number, number>();
				queryVectors.set(f, qv);
				qv.set(t, (qv.get(t) ?? 0) + 1);
				const list = p[f];
				if (!list) continue;
				for (let i = 0, d = 0; i < list.length; i += 2) {
					d += list[i] as number;
					matches.add(d);
				}
			}
		}
		required = required ? new Set([...required].filter((d) => matches.has(d))) : matches;
	}
	const scores = new Map<number, number>();
	for (const [f, qv] of queryVectors) {
		let norm = 0;
		for (const v of qv.values()) norm += v * v;
		norm = Math.sqrt(norm);
		const dot = new Map<number, number>();
		for (const [t, q] of qv) {
			const list = posting(t)[f];
			if (!list) continue;
			for (let i = 0, d = 0; i < list.length; i += 2) {
				d += list[i] as number;
				if (required?.has(d)) dot.set(d, (dot.get(d) ?? 0) + q * ((list[i + 1] as number) / 1000));
			}
		}
		for (const [d, v] of dot) scores.set(d, (scores.get(d) ?? 0) + (v / norm || 0));
	}
	return [...scores]
		.map(([doc, score]) => ({ doc, score }))
		.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

export interface Finder {
	/** Ranked hits for a query (at most `limit`, default 20), fetching the shards it needs. */
	search(query: string, limit?: number): Promise<FinderResult>;
	/** Only the exact hit (`8.1.2`, `principle 5`), if any: fetches one document shard at most. */
	lookup(query: string): Promise<FinderHit | undefined>;
	/**
	 * Loads every shard not loaded yet, `parallel` at a time, so that later queries download
	 * nothing (the search page calls it when idle, after its first results). A shard that fails is
	 * left for a query to fetch again.
	 */
	prefetch(parallel?: number): Promise<void>;
	/**
	 * Downloads what `search(query, limit)` will need (the shards of its words, then those of its
	 * hits) and returns nothing. The search page calls it as the learner types, so that pressing
	 * Enter finds the shards already here. A failed download is not reported: the search fetches it
	 * again.
	 */
	preload(query: string, limit?: number): Promise<void>;
}

/** Reads one finder file by its name relative to head.json (in the browser: `fetch`, then JSON). */
export type FinderFetch = (file: string) => Promise<unknown>;

/** Opens the finder: loads head.json now, and each shard the first time a query needs it. */
export async function openFinder(read: FinderFetch): Promise<Finder> {
	const head = (await read('head.json')) as FinderHead;
	if (head?.version !== 2)
		throw new Error(
			'search/finder/head.json is not a version 2 finder index: rebuild the site (npm run build) so that the index matches its script',
		);
	const files = new Map<string, Promise<unknown>>();
	const load = <T>(file: string): Promise<T> => {
		let p = files.get(file);
		if (!p) {
			p = read(file);
			files.set(file, p);
			// A failed download (offline) is retried by the next query.
			p.catch(() => files.delete(file));
		}
		return p as Promise<T>;
	};
	const shardOf = (term: number) => lowerBound(head.termStarts, term + 1) - 1;
	const docs = async (nums: readonly number[]): Promise<Map<number, Omit<FinderHit, 'score'>>> => {
		const shards = [...new Set(nums.map((d) => Math.floor(d / head.docsPerShard)))];
		const loaded = await Promise.all(shards.map((s) => load<DocShard>(head.docFiles[s] as string)));
		const out = new Map<number, Omit<FinderHit, 'score'>>();
		for (const d of nums) {
			const shard = loaded[shards.indexOf(Math.floor(d / head.docsPerShard))];
			const row = shard?.[d % head.docsPerShard];
			if (row) out.set(d, { ref: row[0], kind: row[1], title: row[2], summary: row[3], url: row[4] });
		}
		return out;
	};
	const run = async (clauses: Clause[]) => {
		const expanded = clauses.map((c) => expandClause(head.terms, c));
		if (expanded.some((e) => e.length === 0)) return [];
		const shardNums = [...new Set(expanded.flat().map(shardOf))];
		const shards = new Map<number, TermShard>();
		await Promise.all(
			shardNums.map(async (s) => shards.set(s, await load<TermShard>(head.termFiles[s] as string))),
		);
		return scoreClauses(clauses, expanded, (t) => {
			const s = shardOf(t);
			return shards.get(s)?.[t - (head.termStarts[s] as number)] ?? [];
		});
	};
	const search: Finder['search'] = async (query, limit = 20) => {
		const p = parseQuery(query);
		const exactDoc = Object.hasOwn(head.exact, p.exactKey) ? head.exact[p.exactKey] : undefined;
		let ranked: { doc: number; score: number }[] = [];
		if (p.terms.length > 0 || Object.keys(p.filters).length > 0) {
			// Whole words first; if nothing matches, treat the last word as unfinished (search as you type).
			ranked = await run(clausesFor(p, false));
			const last = p.terms.at(-1);
			if (ranked.length === 0 && last !== undefined && last.length >= 2 && !/\d/.test(last))
				ranked = await run(clausesFor(p, true));
		}
		const top = ranked.filter((r) => r.doc !== exactDoc).slice(0, limit);
		const shown = await docs([...(exactDoc === undefined ? [] : [exactDoc]), ...top.map((r) => r.doc)]);
		const hit = (doc: number, score: number): FinderHit | undefined => {
			const d = shown.get(doc);
			return d ? { ...d, score } : undefined;
		};
		return {
			exact: exactDoc === undefined ? undefined : hit(exactDoc, 1),
			hits: top.flatMap((r) => hit(r.doc, r.score) ?? []),
			filters: p.filters,
			ignored: p.ignored,
		};
	};
	return {
		search,
		async preload(query, limit) {
			await search(query, limit).catch(() => undefined);
		},
		async prefetch(parallel = 2) {
			const queue = [...head.termFiles, ...head.docFiles];
			const next = async (): Promise<void> => {
				const file = queue.shift();
				if (file === undefined) return;
				await load(file).catch(() => undefined);
				return next();
			};
			await Promise.all(Array.from({ length: Math.max(1, parallel) }, next));
		},
		async lookup(query) {
			const { exactKey } = parseQuery(query);
			if (!Object.hasOwn(head.exact, exactKey)) return undefined;
			const doc = head.exact[exactKey] as number;
			const d = (await docs([doc])).get(doc);
			return d ? { ...d, score: 1 } : undefined;
		},
	};
}
