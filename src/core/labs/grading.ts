/**
 * The grading model. A run draws variants of every case from a seed (fresh for each run, kept so
 * the run can be reproduced), the engine runs them, and each case gets a verdict:
 * functional cases are `passed` or `broken`, attack cases `blocked` or `got-through`, each with its
 * story and the first check that failed. A lab is passed when every functional case passed and
 * every attack was blocked.
 */
import type { Expectation, ExploitData, LabCase } from '../../schemas/lab.ts';
import type { CaseOutcome, Observation, RunCase, RunLimits, RunResponse } from './engine.ts';
import { DEFAULT_LIMITS, STOP_MESSAGES } from './engine.ts';
import { unsafeHtmlReason } from './html-check.ts';
import { builtinValues, escapeRegExp, fillText, fillValue, type Random, randomFor } from './template.ts';

export type CaseKind = 'functional' | 'attack';

/** One drawn variant of a case, ready to run and to judge. */
export interface PreparedCase {
	/** `<case id>#<draw>`: unique within a run. */
	key: string;
	caseId: string;
	kind: CaseKind;
	/** 1-based draw number and how many were drawn. */
	draw: number;
	draws: number;
	/** The filled input handed to the harness. */
	input: unknown;
	/** The filled checks. */
	expect: Expectation[];
	/** The values drawn for this variant (shown to the learner next to the result). */
	values: Record<string, string>;
	source: LabCase;
	/**
	 * The learner's own attack (an exploit stage): the checks describe the data leaving, so the
	 * attack got through when they all hold and is blocked when any fails.
	 */
	leak?: boolean;
}

export interface LabSuites {
	functional: readonly LabCase[];
	attacks: readonly LabCase[];
}

/** A fresh seed for a run (not cryptographic: it only has to differ between runs). */
export function newSeed(random: () => number = Math.random): string {
	return Math.floor(random() * 36 ** 8)
		.toString(36)
		.padStart(8, '0');
}

function drawValues(
	c: LabCase,
	draw: number,
	random: Random,
): { values: Record<string, string>; picks: number[] } {
	const values: Record<string, string> = builtinValues(random);
	const picks: number[] = [];
	for (const [name, alternatives] of Object.entries(c.vars ?? {})) {
		// Draw 1 is the case as written (first alternative); later draws are picked at random.
		const i = draw === 1 ? 0 : Math.floor(random() * alternatives.length);
		picks.push(i);
		values[name] = fillText(alternatives[i] as string, values, random);
	}
	return { values, picks };
}

function fillExpectation(e: Expectation, values: Record<string, string>, random: Random): Expectation {
	if ('matches' in e) {
		const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeRegExp(v)]));
		return { ...e, matches: fillText(e.matches, escaped, random) };
	}
	if ('notMatches' in e) {
		const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeRegExp(v)]));
		return { ...e, notMatches: fillText(e.notMatches, escaped, random) };
	}
	if ('includes' in e) return { ...e, includes: fillText(e.includes, values, random) };
	if ('excludes' in e) return { ...e, excludes: fillText(e.excludes, values, random) };
	if ('equals' in e) return { ...e, equals: fillValue(e.equals, values, random) };
	return e;
}

/**
 * Every case of both suites, with its variants drawn from `seed`: the same seed always gives the
 * same inputs, a new seed new ones. Distinct variants are preferred; a case with few
 * alternatives may repeat one.
 */
export function prepareRun(suites: LabSuites, seed: string): PreparedCase[] {
	const out: PreparedCase[] = [];
	const add = (c: LabCase, kind: CaseKind) => {
		const draws = c.draws ?? (kind === 'attack' && c.vars ? 3 : 1);
		const seen = new Set<string>();
		for (let d = 1; d <= draws; d++) {
			let values: Record<string, string> = {};
			let random: Random = randomFor(`${seed}|${c.id}|${d}`);
			for (let attempt = 0; attempt < 8; attempt++) {
				random = randomFor(`${seed}|${c.id}|${d}|${attempt}`);
				const drawn = drawValues(c, d, random);
				values = drawn.values;
				const picked = drawn.picks.join(',');
				if (!seen.has(picked)) {
					seen.add(picked);
					break;
				}
			}
			out.push({
				key: `${c.id}#${d}`,
				caseId: c.id,
				kind,
				draw: d,
				draws,
				input: fillValue(c.input, values, random),
				expect: c.expect.map((e) => fillExpectation(e, values, random)),
				values,
				source: c,
			});
		}
	};
	for (const c of suites.functional) add(c, 'functional');
	for (const c of suites.attacks) add(c, 'attack');
	return out;
}

/** The case id of the learner's own attack in a run. */
export const YOUR_ATTACK_ID = 'your-attack';

/** Puts the learner's text where `{payload}` stands, as written (no placeholder in it is filled). */
function withPayload(value: unknown, payload: string): unknown {
	if (typeof value === 'string') return value.split('{payload}').join(payload);
	if (Array.isArray(value)) return value.map((v) => withPayload(v, payload));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPayload(v, payload)]));
	}
	return value;
}

/**
 * The learner's attack from an exploit stage as one case: the lab's exploit input with the
 * built-ins drawn from `seed` and the learner's payload in place of `{payload}`, judged by the
 * exploit's `leaked` checks (see PreparedCase.leak).
 */
export function prepareExploit(exploit: ExploitData, payload: string, seed: string): PreparedCase {
	const random = randomFor(`${seed}|${YOUR_ATTACK_ID}`);
	const values = builtinValues(random);
	const filled = fillValue(exploit.input, values, random);
	return {
		key: `${YOUR_ATTACK_ID}#1`,
		caseId: YOUR_ATTACK_ID,
		kind: 'attack',
		draw: 1,
		draws: 1,
		input: withPayload(filled, payload),
		expect: exploit.leaked.map((e) => fillExpectation(e, values, random)),
		values,
		source: {
			id: YOUR_ATTACK_ID,
			title: 'Your attack',
			story: `The attack you wrote in the first stage. ${exploit.goal}`,
			impact: 'The data leaves, as it did when you ran your attack against the starter code.',
			input: exploit.input,
			expect: exploit.leaked,
		},
		leak: true,
	};
}

/** What the page highlights when a leak check holds: the `leak` group of a match, the match, or the text. */
function evidenceOf(e: Expectation, o: Observation): string | undefined {
	if (!('at' in e)) return undefined;
	const text = asText(valueAt(o, e.at));
	if ('matches' in e) {
		const m = new RegExp(e.matches, e.flags).exec(text);
		return m ? (m.groups?.leak ?? m[0]) : undefined;
	}
	if ('includes' in e) return e.includes;
	return undefined;
}

/** Whether every leak check held (the data left), with what to highlight. */
export function leakOf(p: PreparedCase, o: Observation): { leaked: boolean; evidence?: string } {
	if (p.expect.some((e) => failedCheck(e, o) !== undefined)) return { leaked: false };
	for (const e of p.expect) {
		const evidence = evidenceOf(e, o);
		if (evidence) return { leaked: true, evidence };
	}
	return { leaked: true };
}

/** What the engine needs from prepared cases. */
export function runCases(prepared: readonly PreparedCase[]): RunCase[] {
	return prepared.map((p) => ({ key: p.key, input: p.input }));
}

/** Reads `result.a.0.b`-style paths from an observation. */
export function valueAt(o: Observation, path: string): unknown {
	const parts = path.split('.');
	let v: unknown = o;
	for (const p of parts) {
		if (v === null || v === undefined || typeof v !== 'object') return undefined;
		if (Array.isArray(v)) v = /^\d+$/.test(p) ? v[Number(p)] : undefined;
		else v = Object.hasOwn(v, p) ? (v as Record<string, unknown>)[p] : undefined;
	}
	return v;
}

function asText(v: unknown): string {
	if (v === undefined || v === null) return '';
	return typeof v === 'string' ? v : JSON.stringify(v);
}

function short(text: string, max = 160): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

function deepEqual(a: unknown, b: unknown): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(canonical);
	if (v && typeof v === 'object') {
		return Object.fromEntries(
			Object.keys(v)
				.sort()
				.map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
		);
	}
	return v;
}

/** Undefined when the check holds; otherwise a plain explanation. */
export function failedCheck(e: Expectation, o: Observation): string | undefined {
	const why = (text: string) => (e.because ? `${e.because} (${text})` : text);
	if ('threw' in e) {
		const threw = o.thrown !== undefined;
		if (threw === e.threw) return undefined;
		return why(
			e.threw
				? 'your function should have refused by throwing, but it returned'
				: `your function threw: ${short(o.thrown ?? '')}`,
		);
	}
	if ('tool' in e) {
		const n = Array.isArray(o.calls[e.tool]) ? (o.calls[e.tool] as unknown[]).length : 0;
		const { min, max } = typeof e.calls === 'number' ? { min: e.calls, max: e.calls } : e.calls;
		if ((min === undefined || n >= min) && (max === undefined || n <= max)) return undefined;
		return why(
			`${e.tool} was called ${n} time${n === 1 ? '' : 's'}; expected ${typeof e.calls === 'number' ? e.calls : `${min ?? 0}${max === undefined ? ' or more' : `–${max}`}`}`,
		);
	}
	const value = valueAt(o, e.at);
	if (value === undefined && 'ifPresent' in e && e.ifPresent) return undefined;
	const text = asText(value);
	if ('includes' in e) {
		const hit = e.ignoreCase
			? text.toLowerCase().includes(e.includes.toLowerCase())
			: text.includes(e.includes);
		return hit
			? undefined
			: why(
					`${e.at} should contain ${JSON.stringify(short(e.includes, 80))} but was ${JSON.stringify(short(text))}`,
				);
	}
	if ('excludes' in e) {
		const hit = e.ignoreCase
			? text.toLowerCase().includes(e.excludes.toLowerCase())
			: text.includes(e.excludes);
		return hit
			? why(`${e.at} contains ${JSON.stringify(short(e.excludes, 80))}: ${JSON.stringify(short(text))}`)
			: undefined;
	}
	if ('matches' in e) {
		return new RegExp(e.matches, e.flags).test(text)
			? undefined
			: why(`${e.at} does not have the expected form: ${JSON.stringify(short(text))}`);
	}
	if ('notMatches' in e) {
		return new RegExp(e.notMatches, e.flags).test(text)
			? why(`${e.at} is ${JSON.stringify(short(text))}`)
			: undefined;
	}
	if ('equals' in e) {
		return deepEqual(value, e.equals)
			? undefined
			: why(
					`${e.at} was ${short(JSON.stringify(value) ?? 'nothing')}; expected ${short(JSON.stringify(e.equals))}`,
				);
	}
	if ('safeHtml' in e) {
		if (value === undefined || value === null) return undefined;
		const reason = unsafeHtmlReason(text, e.safeHtml.allowOrigins);
		return reason ? why(reason) : undefined;
	}
	return 'unknown check';
}

export type Verdict = 'passed' | 'broken' | 'blocked' | 'got-through';

export interface CaseResult {
	key: string;
	caseId: string;
	kind: CaseKind;
	title: string;
	story: string;
	impact?: string;
	incident?: string;
	draw: number;
	draws: number;
	verdict: Verdict;
	/** Why it failed, or what held, in plain words. */
	detail: string;
	/** What the case handed to the learner's code. */
	input: unknown;
	logs: string[];
	/** The learner's own attack only: whether the data left, what to highlight, and what the run observed. */
	leaked?: boolean;
	evidence?: string;
	observation?: Observation;
}

export interface RunSummary {
	seed: string;
	passed: boolean;
	functional: { passed: number; total: number };
	attacks: { blocked: number; total: number };
	results: CaseResult[];
	/** Plain message when the run was stopped or the code did not load. */
	message?: string;
	ms: number;
}

interface Judgement {
	ok: boolean;
	detail: string;
	logs: string[];
	leaked?: boolean;
	evidence?: string;
	observation?: Observation;
}

function judge(p: PreparedCase, outcome: CaseOutcome | undefined): Judgement {
	if (!outcome) return { ok: false, detail: 'not run', logs: [] };
	if (outcome.status === 'error') return { ok: false, detail: outcome.message, logs: [] };
	const o = outcome.observation;
	if (p.leak) {
		const { leaked, evidence } = leakOf(p, o);
		return {
			ok: !leaked,
			detail: leaked
				? `the data left${evidence ? `: ${short(evidence, 300)}` : ''}`
				: o.thrown !== undefined
					? `refused: ${short(o.thrown, 200)}`
					: 'the data did not leave',
			logs: o.logs,
			leaked,
			...(evidence ? { evidence } : {}),
			observation: o,
		};
	}
	const expectsThrow = p.expect.some((e) => 'threw' in e);
	if (p.kind === 'functional' && o.thrown !== undefined && !expectsThrow) {
		return { ok: false, detail: `your function threw: ${short(o.thrown, 300)}`, logs: o.logs };
	}
	for (const e of p.expect) {
		const failed = failedCheck(e, o);
		if (failed) return { ok: false, detail: failed, logs: o.logs };
	}
	return {
		ok: true,
		detail:
			p.kind === 'attack'
				? o.thrown !== undefined
					? `refused: ${short(o.thrown, 200)}`
					: 'every check held'
				: 'works as before',
		logs: o.logs,
	};
}

/** Turns the engine's outcomes into verdicts. */
export function gradeRun(
	prepared: readonly PreparedCase[],
	response: RunResponse,
	seed: string,
	limits: RunLimits = DEFAULT_LIMITS,
): RunSummary {
	const byKey = new Map(response.outcomes.map((o) => [o.key, o]));
	const results: CaseResult[] = prepared.map((p) => {
		const { ok, detail, logs, leaked, evidence, observation } = judge(p, byKey.get(p.key));
		const c = p.source;
		return {
			key: p.key,
			caseId: p.caseId,
			kind: p.kind,
			title: c.title,
			story: c.story,
			...(c.impact ? { impact: c.impact } : {}),
			...(c.incident ? { incident: c.incident } : {}),
			draw: p.draw,
			draws: p.draws,
			verdict: p.kind === 'functional' ? (ok ? 'passed' : 'broken') : ok ? 'blocked' : 'got-through',
			detail,
			input: p.input,
			logs,
			...(leaked !== undefined ? { leaked } : {}),
			...(evidence !== undefined ? { evidence } : {}),
			...(observation ? { observation } : {}),
		};
	});
	const functional = results.filter((r) => r.kind === 'functional');
	const attacks = results.filter((r) => r.kind === 'attack');
	const codeError = response.outcomes.find((o) => o.status === 'error' && o.reason === 'code');
	const message = response.stopped
		? STOP_MESSAGES[response.stopped](limits)
		: codeError && codeError.status === 'error'
			? codeError.message
			: undefined;
	const fPassed = functional.filter((r) => r.verdict === 'passed').length;
	const aBlocked = attacks.filter((r) => r.verdict === 'blocked').length;
	return {
		seed,
		passed: fPassed === functional.length && aBlocked === attacks.length && !response.stopped,
		functional: { passed: fPassed, total: functional.length },
		attacks: { blocked: aBlocked, total: attacks.length },
		results,
		...(message ? { message } : {}),
		ms: response.ms,
	};
}
