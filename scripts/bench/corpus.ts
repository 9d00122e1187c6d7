/**
 * A synthetic course corpus for the benchmark: N modules, each with a quiz, shaped like the real
 * ones (about 15 KB of lesson text with scenarios, callouts, vulnerable-then-fixed code, a
 * diagram, a table, provision chips; a quiz of 12 questions of every kind, 10 drawn). Seeded,
 * so the same N and seed always give the same files. Pure: it returns file contents, and the
 * caller writes them.
 *
 * The same lessons are rendered twice: for this site (frontmatter per src/schemas/module.ts,
 * quizzes per src/schemas/quiz.ts) and for Astro Starlight (its frontmatter, its <Aside>, plain
 * Markdown for what Starlight has no component for), so both builds process the same text.
 */
import { stringify } from 'yaml';
import { seededRandom } from '../../src/core/quiz/shuffle.ts';
import { ROLES, TRACKS } from '../../src/schemas/vocabulary.ts';

export interface CorpusOptions {
	modules: number;
	seed?: number;
	/** The Code's principles with their provision ids (from content/principles/). */
	principles: readonly { number: number; provisions: readonly string[] }[];
}

/** Path (relative to the project root) → file text. */
export type Files = Record<string, string>;

/** Helpers over core's seeded generator (the quizzes' mulberry32), so a seed gives the same corpus. */
function prng(seed: number) {
	const next = seededRandom(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	/** Skewed towards the start of the list, roughly as word frequencies are in real text. */
	const pick = <T>(list: readonly T[], skew = 1.6): T => list[Math.floor(next() ** skew * list.length)] as T;
	const some = <T>(list: readonly T[], n: number): T[] => {
		const pool = [...list];
		const out: T[] = [];
		while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
		return out;
	};
	return { next, int, pick, some };
}
type Rng = ReturnType<typeof prng>;

const NOUNS = [
	'model',
	'system',
	'team',
	'data',
	'prompt',
	'pipeline',
	'dataset',
	'service',
	'attacker',
	'output',
	'user',
	'request',
	'log',
	'release',
	'weight file',
	'dependency',
	'tool call',
	'retrieval index',
	'training run',
	'evaluation',
	'operator',
	'developer',
	'incident',
	'threat model',
	'inventory',
	'configuration',
	'secret',
	'access token',
	'audit trail',
	'rate limit',
	'embedding',
	'vector store',
	'supplier',
	'licence',
	'checksum',
	'signature',
	'review',
	'red team',
	'guardrail',
	'classifier',
	'feature store',
	'label',
	'feedback loop',
	'monitoring alert',
	'rollback',
	'backup',
	'access policy',
	'sandbox',
	'container image',
	'notebook',
	'fine-tune',
	'base model',
	'inference endpoint',
	'API gateway',
	'plugin',
	'agent',
	'browser extension',
	'spreadsheet',
	'customer record',
	'support ticket',
	'deployment',
	'decommissioning plan',
	'risk register',
	'disclosure policy',
	'bug bounty',
	'provenance record',
	'model card',
	'data sheet',
	'privacy notice',
	'anomaly',
	'drift',
	'regression',
	'threshold',
	'shadow model',
	'membership inference',
	'poisoning',
	'prompt injection',
	'jailbreak',
	'exfiltration',
	'side channel',
	'denial of service',
	'cost spike',
	'hallucination',
	'entitlement',
];
const VERBS = [
	'checks',
	'logs',
	'blocks',
	'reviews',
	'signs',
	'records',
	'limits',
	'rotates',
	'retrains',
	'evaluates',
	'isolates',
	'tracks',
	'documents',
	'alerts on',
	'rejects',
	'quarantines',
	'pins',
	'hashes',
	'encrypts',
	'redacts',
	'approves',
	'monitors',
	'tests',
	'restores',
	'retires',
	'sanitises',
	'throttles',
	'validates',
	'audits',
	'scopes',
];
const ADJECTIVES = [
	'untrusted',
	'signed',
	'pinned',
	'sensitive',
	'public',
	'internal',
	'stale',
	'poisoned',
	'approved',
	'unexpected',
	'hidden',
	'versioned',
	'immutable',
	'shared',
	'third-party',
	'fine-tuned',
	'retrieved',
	'encrypted',
	'anonymised',
	'rate-limited',
	'least-privileged',
	'reproducible',
	'auditable',
	'deprecated',
];
const CONNECTIVES = ['before', 'after', 'when', 'because', 'unless', 'so that', 'while', 'until'];
const COMPANIES = [
	'Harbour',
	'Kestrel',
	'Lumen',
	'Northgate',
	'Quarry',
	'Saltmarsh',
	'Tidewell',
	'Wrenfield',
];
const SECTORS = ['Analytics', 'Health', 'Logistics', 'Legal', 'Lending', 'Retail', 'Energy', 'Insurance'];
const TOPICS = [
	'Poisoned training data',
	'Prompt injection in agents',
	'Model supply chain',
	'Secrets in prompts',
	'Monitoring model drift',
	'Safe model retirement',
	'Retrieval access control',
	'Output handling',
	'Unbounded consumption',
	'Human oversight',
	'Asset inventory',
	'Threat modelling for AI',
];
const LEVELS = ['foundation', 'practitioner', 'advanced'] as const;
const CALLOUTS = ['note', 'tip', 'warning', 'danger'] as const;
const STARLIGHT_ASIDE = { note: 'note', tip: 'tip', warning: 'caution', danger: 'danger' } as const;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/**
 * The long tail of real text: made-up terms (tool names, jargon), each used by only a few
 * lessons, so that searches for rare words are measured too and not only words on every page.
 */
const RARE_TERMS = (() => {
	const r = prng(7);
	const syllables = [
		'ka',
		'lo',
		'ven',
		'tri',
		'mos',
		'ar',
		'qui',
		'del',
		'zo',
		'pra',
		'nek',
		'ul',
		'fen',
		'sor',
		'bi',
		'gat',
	];
	const terms = new Set<string>();
	while (terms.size < 4000)
		terms.add(Array.from({ length: r.int(2, 4) }, () => r.pick(syllables, 1)).join(''));
	return [...terms];
})();
const RARE_PER_LESSON = 5;
const rareTerms = (i: number) =>
	Array.from(
		{ length: RARE_PER_LESSON },
		(_, k) => RARE_TERMS[(i * RARE_PER_LESSON + k * 7) % RARE_TERMS.length] as string,
	);

function sentence(r: Rng): string {
	const np = () => `the ${r.next() < 0.4 ? `${r.pick(ADJECTIVES)} ` : ''}${r.pick(NOUNS)}`;
	const clause = () => `${np()} ${r.pick(VERBS)} ${np()}`;
	const s = r.next() < 0.5 ? `${clause()} ${r.pick(CONNECTIVES)} ${clause()}` : clause();
	return `${cap(s)}.`;
}
const sentences = (r: Rng, n: number) => Array.from({ length: n }, () => sentence(r)).join(' ');

/** One lesson, independent of how it is rendered. */
interface Lesson {
	id: string;
	order: number;
	title: string;
	summary: string;
	company: string;
	track: (typeof TRACKS)[number];
	principles: number[];
	provisions: string[];
	roles: (typeof ROLES)[number][];
	level: (typeof LEVELS)[number];
	minutes: number;
	objectives: string[];
	blocks: Block[];
}

type Block =
	| { kind: 'p'; text: string; chip?: string }
	| { kind: 'h2' | 'h3'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'scenario' | 'callout' | 'role'; title: string; text: string; type: (typeof CALLOUTS)[number] }
	| { kind: 'code'; language: 'typescript'; vulnerable: string; fixed: string }
	| { kind: 'figure'; caption: string; labels: string[] }
	| { kind: 'table'; rows: string[][] }
	| { kind: 'takeaways' | 'checklist'; items: string[] };

function lesson(i: number, opts: CorpusOptions, r: Rng): Lesson {
	const topic = TOPICS[i % TOPICS.length] as string;
	const company = `${r.pick(COMPANIES, 1)} ${r.pick(SECTORS, 1)}`;
	const principle = opts.principles[i % opts.principles.length] ?? { number: 1, provisions: ['1.1'] };
	const provisions = r.some(principle.provisions, Math.min(3, principle.provisions.length));
	const num = String(i + 1).padStart(4, '0');
	const chip = () => provisions[r.int(0, provisions.length - 1)];
	const rare = rareTerms(i);
	const blocks: Block[] = [{ kind: 'p', text: sentences(r, 5) }];
	for (let s = 0; s < 8; s++) {
		const term = rare[s % rare.length] as string;
		blocks.push({ kind: 'h2', text: `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} ${s + 1}` });
		blocks.push({
			kind: 'p',
			text: `${sentences(r, 4)} Teams call this the ${term} pattern.`,
			...(s % 2 === 0 ? { chip: chip() as string } : {}),
		});
		blocks.push({ kind: 'p', text: sentences(r, 5) });
		blocks.push({ kind: 'p', text: sentences(r, 4) });
		if (s === 1) {
			blocks.push({
				kind: 'scenario',
				title: `${company}: what went wrong`,
				text: sentences(r, 5),
				type: 'note',
			});
		}
		if (s === 2) {
			const fn = slug(r.pick(NOUNS)).replace(/-/g, '_');
			blocks.push({ kind: 'code', language: 'typescript', ...code(fn, i) });
			blocks.push({ kind: 'h3', text: `Why the ${r.pick(NOUNS)} matters` });
			blocks.push({ kind: 'p', text: sentences(r, 4) });
		}
		if (s === 3) {
			blocks.push({
				kind: 'callout',
				type: CALLOUTS[i % CALLOUTS.length] as (typeof CALLOUTS)[number],
				title: `${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)}`,
				text: sentences(r, 3),
			});
			blocks.push({
				kind: 'figure',
				caption: sentences(r, 1),
				labels: [r.pick(NOUNS), r.pick(NOUNS), r.pick(NOUNS)],
			});
		}
		if (s === 4) {
			blocks.push({
				kind: 'table',
				rows: [
					['Risk', 'Control', 'Owner'],
					...Array.from({ length: 4 }, () => [
						cap(r.pick(NOUNS)),
						`${cap(r.pick(VERBS))} ${r.pick(NOUNS)}`,
						cap(r.pick(NOUNS)),
					]),
				],
			});
			blocks.push({ kind: 'role', type: 'note', title: 'developers', text: sentences(r, 3) });
		}
		blocks.push({ kind: 'list', items: Array.from({ length: 4 }, () => sentence(r)) });
	}
	blocks.push({ kind: 'scenario', title: `${company}, replayed`, text: sentences(r, 5), type: 'note' });
	blocks.push({ kind: 'takeaways', items: Array.from({ length: 4 }, () => sentence(r)) });
	blocks.push({ kind: 'checklist', items: Array.from({ length: 4 }, () => sentence(r)) });
	return {
		id: `bench-${num}-${slug(topic)}`.slice(0, 60).replace(/-$/, ''),
		order: i + 1,
		title: `${topic} ${num}: ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} at ${company}`,
		summary: `${sentences(r, 2)} Also known as ${rare[0]}.`,
		company,
		track: TRACKS[i % TRACKS.length] as (typeof TRACKS)[number],
		principles: [principle.number],
		provisions,
		roles: r.some(ROLES.slice(0, 3), r.int(1, 3)),
		level: LEVELS[i % LEVELS.length] as (typeof LEVELS)[number],
		minutes: r.int(15, 45),
		objectives: Array.from({ length: r.int(3, 5) }, () => sentence(r)),
		blocks,
	};
}

function code(fn: string, i: number): { vulnerable: string; fixed: string } {
	return {
		vulnerable: [
			`export async function ${fn}_${i}(input: string) {`,
			"  const prompt = 'You are a helpful assistant. ' + input;",
			'  const reply = await model.complete(prompt, { tools: allTools });',
			'  return eval(reply.code);',
			'}',
		].join('\n'),
		fixed: [
			`export async function ${fn}_${i}(input: string) {`,
			'  const reply = await model.complete(SYSTEM, { user: input, tools: [lookupOnly] });',
			'  const parsed = ReplySchema.parse(reply.json);',
			'  return allowList.has(parsed.action) ? parsed : reject(parsed);',
			'}',
		].join('\n'),
	};
}

function svg(id: string, labels: readonly string[]): string {
	const boxes = labels
		.map(
			(l, k) =>
				`<rect class="diagram-box" x="${10 + k * 120}" y="10" width="100" height="50" rx="8" fill="none" stroke="currentColor" stroke-width="2" />\n<text class="diagram-text" x="${60 + k * 120}" y="40" text-anchor="middle" font-size="12" fill="currentColor">${l}</text>`,
		)
		.join('\n');
	return `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 370 70">\n<title id="${id}-title">Flow</title>\n<desc id="${id}-desc">Three boxes in a row: ${labels.join(', then ')}.</desc>\n${boxes}\n</svg>`;
}

type Flavour = 'academy' | 'starlight';

function render(l: Lesson, flavour: Flavour): string {
	const a = flavour === 'academy';
	const out: string[] = [];
	const aside = (type: string, title: string, text: string) =>
		a ? text : `<Aside type="${type}" title="${title}">\n\n${text}\n\n</Aside>`;
	for (const b of l.blocks) {
		switch (b.kind) {
			case 'p':
				out.push(
					b.chip
						? `${b.text} See ${a ? `<Provision id="${b.chip}" />` : `provision **${b.chip}**`}.`
						: b.text,
				);
				break;
			case 'h2':
				out.push(`## ${b.text}`);
				break;
			case 'h3':
				out.push(`### ${b.text}`);
				break;
			case 'list':
				out.push(b.items.map((x) => `- ${x}`).join('\n'));
				break;
			case 'scenario':
				out.push(
					a ? `<Scenario title="${b.title}">\n\n${b.text}\n\n</Scenario>` : aside('note', b.title, b.text),
				);
				break;
			case 'callout':
				out.push(
					a
						? `<Callout type="${b.type}" title="${b.title}">\n\n${b.text}\n\n</Callout>`
						: aside(STARLIGHT_ASIDE[b.type], b.title, b.text),
				);
				break;
			case 'role':
				out.push(
					a
						? `<RoleNote role="${b.title}">\n\n${b.text}\n\n</RoleNote>`
						: aside('tip', `For ${b.title}`, b.text),
				);
				break;
			case 'code': {
				const fence = (title: string, src: string) =>
					a ? `\`\`\`${b.language}\n${src}\n\`\`\`` : `\`\`\`${b.language} title="${title}"\n${src}\n\`\`\``;
				out.push(
					a
						? `<CodePair>\n<Vulnerable title="Unsafe">\n\n${fence('', b.vulnerable)}\n\n</Vulnerable>\n<Fixed title="Safer">\n\n${fence('', b.fixed)}\n\n</Fixed>\n</CodePair>`
						: `${fence('Unsafe', b.vulnerable)}\n\n${fence('Safer', b.fixed)}`,
				);
				break;
			}
			case 'figure': {
				const picture = svg(`${l.id}-fig`, b.labels);
				out.push(
					a
						? `<Figure caption="${b.caption}">\n\n${picture}\n\n</Figure>`
						: `<figure>\n${picture}\n<figcaption>${b.caption}</figcaption>\n</figure>`,
				);
				break;
			}
			case 'table': {
				const [head, ...rows] = b.rows;
				out.push(
					[`| ${(head ?? []).join(' | ')} |`, `| ${(head ?? []).map(() => '---').join(' | ')} |`]
						.concat(rows.map((row) => `| ${row.join(' | ')} |`))
						.join('\n'),
				);
				break;
			}
			case 'takeaways':
				out.push(
					a
						? `<KeyTakeaways>\n\n${b.items.map((x) => `- ${x}`).join('\n')}\n\n</KeyTakeaways>`
						: `## Key takeaways\n\n${b.items.map((x) => `- ${x}`).join('\n')}`,
				);
				break;
			case 'checklist':
				out.push(
					a
						? `<Checklist title="What to do this week">\n\n${b.items.map((x) => `- ${x}`).join('\n')}\n\n</Checklist>`
						: `## What to do this week\n\n${b.items.map((x) => `- [ ] ${x}`).join('\n')}`,
				);
				break;
		}
	}
	return out.join('\n\n');
}

const frontmatter = (data: Record<string, unknown>) => `---\n${stringify(data, { lineWidth: 0 })}---\n`;

function quiz(l: Lesson, r: Rng): Record<string, unknown> {
	const explain = () => sentences(r, 2);
	const options = (n: number, correct: (k: number) => boolean) =>
		Array.from({ length: n }, (_, k) => ({
			id: String.fromCharCode(97 + k),
			text: `${cap(r.pick(VERBS))} the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} (${k + 1})`,
			...(correct(k) ? { correct: true } : {}),
			explanation: explain(),
		}));
	const tag = () => ({ provisions: [l.provisions[r.int(0, l.provisions.length - 1)] as string] });
	const single = (id: string) => {
		const right = r.int(0, 3);
		return {
			type: 'single',
			id,
			prompt: `${sentence(r)} Which step comes first? (${id})`,
			...tag(),
			options: options(4, (k) => k === right),
		};
	};
	const multiple = (id: string) => ({
		type: 'multiple',
		id,
		prompt: `${sentence(r)} Select every control that applies. (${id})`,
		...tag(),
		options: options(5, (k) => k === 0 || k === 2),
	});
	const trueFalse = (id: string) => ({
		type: 'true-false',
		id,
		prompt: `${sentence(r)} (${id})`,
		answer: r.next() < 0.5,
		ifTrue: explain(),
		ifFalse: explain(),
	});
	const ordering = (id: string) => ({
		type: 'ordering',
		id,
		prompt: `Put these steps in order. (${id})`,
		items: Array.from({ length: 4 }, (_, k) => ({
			id: `s${k + 1}`,
			text: `Step ${k + 1}: ${r.pick(VERBS)} the ${r.pick(NOUNS)}`,
			explanation: explain(),
		})),
	});
	const spot = (id: string) => ({
		type: 'spot-the-line',
		id,
		prompt: `Select the lines that make this handler unsafe. (${id})`,
		...tag(),
		code: { language: 'typescript', source: `${code('handle', 0).vulnerable}\n` },
		lines: [
			{ line: 2, vulnerable: true, explanation: explain() },
			{ line: 4, vulnerable: true, explanation: explain() },
			{ line: 1, vulnerable: false, explanation: explain() },
		],
		otherLines: explain(),
	});
	const source = code('handle', 0).vulnerable;
	const [first = '', second = ''] = source.split('\n');
	const fix = (id: string) => ({
		type: 'choose-the-fix',
		id,
		prompt: `Which change makes this handler safe and keeps it working? (${id})`,
		...tag(),
		code: { language: 'typescript', source: `${source}\n` },
		fixes: [1, 2, 3].map((k) => ({
			id: `f${k}`,
			diff: ` ${first}\n-${second}\n+${second} // ${r.pick(VERBS)} ${k}`,
			correct: k === 1,
			explanation: explain(),
		})),
	});
	const review = (id: string) => ({
		type: 'review-the-change',
		id,
		prompt: `A developer asked the assistant to ${r.pick(VERBS)} the ${r.pick(NOUNS)}. It proposes: (${id})`,
		...tag(),
		change: { language: 'typescript', diff: ` ${first}\n-${second}\n+${second} // unchecked` },
		verdict: 'reject',
		verdictExplanation: explain(),
		unsafeLines: [{ line: 3, explanation: explain() }],
		flaws: [1, 2, 3].map((k) => ({
			id: `w${k}`,
			label: `Flaw ${k}: ${r.pick(VERBS)} the ${r.pick(NOUNS)}`,
			correct: k === 2,
			explanation: explain(),
		})),
	});
	const scenario = (id: string) => ({
		type: 'scenario',
		id,
		prompt: `${l.company} asks for your advice. (${id})`,
		scenario: sentences(r, 3),
		parts: [single(`${id}-a`), trueFalse(`${id}-b`)],
	});
	const kinds = [single, multiple, trueFalse, ordering, spot, fix, review, scenario];
	return {
		id: l.id,
		revision: 1,
		title: `Check your understanding: ${l.title}`.slice(0, 200),
		module: l.id,
		draw: 10,
		questions: Array.from({ length: 12 }, (_, k) =>
			(kinds[k % kinds.length] as (id: string) => object)(`q${k + 1}`),
		),
	};
}

function lessons(opts: CorpusOptions): { lesson: Lesson; rng: Rng }[] {
	const seed = opts.seed ?? 1;
	return Array.from({ length: opts.modules }, (_, i) => {
		const rng = prng(seed * 1_000_003 + i);
		return { lesson: lesson(i, opts, rng), rng };
	});
}

/** A lesson's frontmatter for this site (src/schemas/module.ts). */
function academyFrontmatter(l: Lesson): Record<string, unknown> {
	return {
		id: l.id,
		title: l.title,
		summary: l.summary,
		track: l.track,
		principles: l.principles,
		provisions: l.provisions,
		roles: l.roles,
		level: l.level,
		minutes: l.minutes,
		objectives: l.objectives,
		quiz: l.id,
		order: l.order,
		reviewed: { on: '2026-11-23', against: ['code-of-practice-2025'] },
		// Secure-coding and ML modules must cite a real incident (content/incidents.yaml).
		...(l.track === 'secure-coding' || l.track === 'ml-complexity' ? { incidents: ['echoleak'] } : {}),
	};
}

/** The corpus for this site: `content/modules/bench/<id>.mdx` and `quizzes/bench/<id>.yaml`. */
export function academyCorpus(opts: CorpusOptions): Files {
	const files: Files = {};
	for (const { lesson: l, rng } of lessons(opts)) {
		const head = frontmatter(academyFrontmatter(l));
		files[`content/modules/bench/${l.id}.mdx`] = `${head}\n${render(l, 'academy')}\n`;
		files[`quizzes/bench/${l.id}.yaml`] = stringify(quiz(l, rng), { lineWidth: 0 });
	}
	return files;
}

/**
 * The same corpus as data, without rendering or parsing any file: each module's frontmatter and
 * its quiz, exactly as `academyCorpus` writes them (for tests that need only the catalogue, e.g.
 * the finder index at 2,000 modules, in seconds rather than minutes).
 */
export function academyCatalog(opts: CorpusOptions): {
	modules: Record<string, unknown>[];
	quizzes: Record<string, unknown>[];
} {
	const modules: Record<string, unknown>[] = [];
	const quizzes: Record<string, unknown>[] = [];
	for (const { lesson: l, rng } of lessons(opts)) {
		modules.push(academyFrontmatter(l));
		quizzes.push(quiz(l, rng));
	}
	return { modules, quizzes };
}

export function starlightCorpus(opts: CorpusOptions): Files {
	const files: Files = {};
	for (const { lesson: l } of lessons(opts)) {
		const head = frontmatter({ title: l.title, description: l.summary });
		files[`src/content/docs/${l.track}/${l.id}.mdx`] =
			`${head}\nimport { Aside } from '@astrojs/starlight/components';\n\n${render(l, 'starlight')}\n`;
	}
	return files;
}

/**
 * Search queries for a corpus: words on nearly every page, a company name on about one lesson in
 * eight, and made-up terms that only a few lessons use (taken from lessons spread across the corpus).
 */
export function searchQueries(opts: Pick<CorpusOptions, 'modules'>): string[] {
	const n = opts.modules;
	const rare = [0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1].map((i) => rareTerms(i)[0] as string);
	return [
		'prompt injection',
		'poisoning',
		'signed checksum',
		'rollback',
		'vector store',
		'Kestrel Legal',
		...rare,
	];
}

/** Each lesson's id and track, in order: its page is `modules/<id>/` here and `<track>/<id>/` in Starlight. */
export function corpusLessons(opts: CorpusOptions): { id: string; track: string }[] {
	return lessons(opts).map(({ lesson: l }) => ({ id: l.id, track: l.track }));
}
