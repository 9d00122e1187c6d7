/**
 * Builds the finder's files at build time (src/pages/search/finder/[name].json.ts) from finder
 * documents: lunr indexes them (its tokenizer, stemmer and BM25 weights, with field boosts), then
 * the index is cut into head.json, term shards and document shards (formats in finder.ts).
 * Node only (it hashes the shards).
 */
import { createHash } from 'node:crypto';
import lunr from 'lunr';
import {
	type Clause,
	type DocShard,
	FIELDS,
	type FinderDoc,
	type FinderHead,
	type TermShard,
} from './finder.ts';

/** Raw JSON bytes after which a term shard is closed (about 4-6 KB gzip); a single large term may exceed it. */
export const TERM_SHARD_TARGET_BYTES = 16 * 1024;
/** Documents per document shard (about 3 KB gzip). */
export const DOCS_PER_SHARD = 64;

/** The lunr index over the documents: titles weigh most, then summaries, then other text. */
export function buildLunrIndex(docs: readonly FinderDoc[]): lunr.Index {
	return lunr(function () {
		this.ref('ref');
		this.field('title', { boost: 8 });
		this.field('summary', { boost: 2 });
		this.field('text');
		this.field('role');
		this.field('phase');
		this.field('kind');
		this.field('principle');
		// No term positions: the finder only needs which documents match.
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
}

/** lunr's internals that the shards are cut from (present in lunr 2.3.9, not in its types). */
interface LunrInternals {
	invertedIndex: Record<string, Record<string, Record<string, object>> & { _index: number }>;
	fieldVectors: Record<string, { elements: number[] }>;
}

export interface BuiltFinder {
	head: FinderHead;
	/** Every file to serve under `search/finder/`, name → JSON text; `head.json` included. */
	files: Map<string, string>;
	/** The lunr index the files were cut from (tests compare searches against it). */
	index: lunr.Index;
}

const hashed = (prefix: string, text: string) =>
	`${prefix}.${createHash('sha256').update(text).digest('hex').slice(0, 10)}.json`;

export function buildFinder(
	docs: readonly FinderDoc[],
	options: { termShardBytes?: number; docsPerShard?: number } = {},
): BuiltFinder {
	const targetBytes = options.termShardBytes ?? TERM_SHARD_TARGET_BYTES;
	const docsPerShard = options.docsPerShard ?? DOCS_PER_SHARD;
	const index = buildLunrIndex(docs);
	const { invertedIndex, fieldVectors } = index as unknown as LunrInternals;
	const docNum = new Map(docs.map((d, i) => [d.ref, i]));
	// Each document field's weights by lunr term number.
	const weights = new Map<string, Map<number, number>>();
	for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
		const m = new Map<number, number>();
		for (let i = 0; i < vector.elements.length; i += 2)
			m.set(vector.elements[i] as number, vector.elements[i + 1] as number);
		weights.set(fieldRef, m);
	}
	const terms = Object.keys(invertedIndex).sort();
	const files = new Map<string, string>();
	const termStarts: number[] = [];
	const termFiles: string[] = [];
	let shard: TermShard = [];
	let shardBytes = 0;
	const closeShard = () => {
		if (shard.length === 0) return;
		const text = JSON.stringify(shard);
		const name = hashed(`t${termFiles.length}`, text);
		termFiles.push(name);
		files.set(name, text);
		shard = [];
		shardBytes = 0;
	};
	for (const [t, term] of terms.entries()) {
		const posting = invertedIndex[term] as LunrInternals['invertedIndex'][string];
		const entry = FIELDS.map((field): number[] | 0 => {
			const refs = Object.keys(posting[field] ?? {});
			if (refs.length === 0) return 0;
			const list: number[] = [];
			let prev = 0;
			for (const [d, ref] of refs
				.map((r) => [docNum.get(r) as number, r] as const)
				.sort((a, b) => a[0] - b[0])) {
				const w = weights.get(`${field}/${ref}`)?.get(posting._index) ?? 0;
				list.push(d - prev, Math.round(w * 1000));
				prev = d;
			}
			return list;
		});
		const bytes = JSON.stringify(entry).length + 1;
		if (shard.length > 0 && shardBytes + bytes > targetBytes) closeShard();
		if (shard.length === 0) termStarts.push(t);
		shard.push(entry);
		shardBytes += bytes;
	}
	closeShard();
	const docFiles: string[] = [];
	for (let i = 0; i < docs.length; i += docsPerShard) {
		const rows: DocShard = docs
			.slice(i, i + docsPerShard)
			.map((d) => [d.ref, d.kind, d.title, d.summary, d.url]);
		const text = JSON.stringify(rows);
		const name = hashed(`d${docFiles.length}`, text);
		docFiles.push(name);
		files.set(name, text);
	}
	const exact: Record<string, number> = {};
	for (const [i, d] of docs.entries()) {
		if (d.kind === 'provision') exact[d.ref.slice('provision:'.length)] = i;
		if (d.kind === 'principle') {
			const n = d.principles[0];
			exact[`principle ${n}`] = i;
			exact[`p${n}`] = i;
		}
	}
	const head: FinderHead = { version: 2, terms, termStarts, termFiles, docsPerShard, docFiles, exact };
	files.set('head.json', JSON.stringify(head));
	return { head, files, index };
}

/** The same clauses run by lunr itself on the whole index: the reference the shards must agree with. */
export function lunrSearch(index: lunr.Index, clauses: readonly Clause[]): { ref: string; score: number }[] {
	if (clauses.length === 0) return [];
	return index.query((qb) => {
		for (const c of clauses) {
			qb.term(c.term, {
				fields: [...c.fields],
				presence: lunr.Query.presence.REQUIRED,
				...(c.match === 'prefix'
					? { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false }
					: c.match === 'fuzzy'
						? { editDistance: 1 }
						: {}),
			});
		}
	});
}
