/**
 * The provision and catalogue finder: a small lunr index over principles, all 72 provisions,
 * modules, quizzes and the glossary, built at build time and served as one JSON file. Pure (no
 * DOM), so the same code builds the index in Node and searches it in the browser.
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

export interface FinderData {
	version: 1;
	index: object;
	docs: Record<string, Pick<FinderDoc, 'kind' | 'title' | 'summary' | 'url'>>;
	/** Exact lookups: provision ids and principle numbers to a doc ref. */
	exact: Record<string, string>;
}

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

/** Builds the serialisable finder data from documents (at build time). */
export function buildFinder(docs: readonly FinderDoc[]): FinderData {
	const index = lunr(function () {
		this.ref('ref');
		this.field('title', { boost: 8 });
		this.field('summary', { boost: 2 });
		this.field('text');
		this.field('role');
		this.field('phase');
		this.field('kind');
		this.field('principle');
		// No term positions: the finder only needs which documents match, which keeps the file small.
		this.metadataWhitelist = [];
		for (const d of docs) {
			this.add({
				ref: d.ref,
				title: d.title,
				summary: d.summary,
				text: d.text,
				role: d.roles.join(' '),
				phase: d.phases.join(' '),
				kind: d.kind,
				principle: d.principles.map((n) => `p${n}`).join(' '),
			});
		}
	});
	const exact: Record<string, string> = {};
	for (const d of docs) {
		if (d.kind === 'provision') exact[d.ref.slice('provision:'.length)] = d.ref;
		if (d.kind === 'principle') {
			const n = d.principles[0];
			exact[`principle ${n}`] = d.ref;
			exact[`p${n}`] = d.ref;
		}
	}
	return {
		version: 1,
		index: index.toJSON(),
		docs: Object.fromEntries(
			docs.map((d) => [d.ref, { kind: d.kind, title: d.title, summary: d.summary, url: d.url }]),
		),
		exact,
	};
}

export interface Finder {
	search(query: string, limit?: number): FinderResult;
}

/** Loads finder data (in the browser, from the fetched JSON). */
export function loadFinder(data: FinderData): Finder {
	const index = lunr.Index.load(data.index);
	const hit = (ref: string, score: number): FinderHit | undefined => {
		const d = Object.hasOwn(data.docs, ref) ? data.docs[ref] : undefined;
		return d ? { ref, score, ...d } : undefined;
	};
	return {
		search(query, limit = 20) {
			const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
			const exactRef = Object.hasOwn(data.exact, q) ? data.exact[q] : undefined;
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
			// Words: lunr's own tokenizer, keeping provision-like ids whole, without stop words
			// (a required stop word would match nothing).
			const terms = words.flatMap((w) =>
				/^\d+(\.\d+)+$/.test(w)
					? [w]
					: lunr
							.tokenizer(w)
							.filter((t) => lunr.stopWordFilter(t) !== undefined)
							.map((t) => t.toString())
							.filter((t) => t.length > 0),
			);
			if (terms.length === 0 && Object.keys(filters).length === 0) {
				return { exact: exactRef ? hit(exactRef, 1) : undefined, hits: [], filters, ignored };
			}
			const run = (prefixLast: boolean): lunr.Index.Result[] => {
				try {
					return index.query((qb) => {
						terms.forEach((t, i) => {
							const asPrefix = prefixLast && i === terms.length - 1;
							// Note: lunr ignores wildcards in any clause that has an `editDistance` key, even 0.
							qb.term(t, {
								fields: ['title', 'summary', 'text'],
								presence: lunr.Query.presence.REQUIRED,
								...(asPrefix
									? { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false }
									: t.length >= 5 && !/\d/.test(t)
										? { editDistance: 1 }
										: {}),
							});
						});
						for (const [field, value] of Object.entries(filters)) {
							// Field tokens went through the same pipeline (stemmer) when indexed.
							qb.term(value, { fields: [field], presence: lunr.Query.presence.REQUIRED });
						}
					});
				} catch {
					return [];
				}
			};
			// Whole words first; if nothing matches, treat the last word as unfinished (search as you type).
			let results = run(false);
			const last = terms.at(-1);
			if (results.length === 0 && last !== undefined && last.length >= 2 && !/\d/.test(last))
				results = run(true);
			const hits = results.flatMap((r) => {
				const h = hit(r.ref, r.score);
				return h && h.ref !== exactRef ? [h] : [];
			});
			return { exact: exactRef ? hit(exactRef, 1) : undefined, hits: hits.slice(0, limit), filters, ignored };
		},
	};
}
