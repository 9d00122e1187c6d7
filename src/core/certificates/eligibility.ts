/**
 * Certificates: who has earned what, and the record that backs it.
 *
 * THE RULE. A learner earns the certificate for principle N when, for every required module of
 * principle N, both hold:
 *   1. the learner has marked the module as read, and
 *   2. an assessment of the module's quiz has been passed on the quiz revision the site publishes.
 * The required modules of principle N are the modules of the `principles` track whose frontmatter
 * lists N under `principles` (today one module per principle, e.g. `p01-awareness`). Modules of
 * other tracks that touch a principle are recommended reading, not required.
 * The capstone certificate is earned when all 13 principle certificates are earned.
 *
 * PRACTITIONER CERTIFICATES. For each track that has labs (a lab belongs to the track of the module
 * it practises), "Practitioner: <track title>" is earned when EVERY lab of the track has a pass
 *   1. on the lab revision the site publishes, and
 *   2. made WITHOUT the reference solution shown (a pass after the solution was shown does not count),
 * and, on the verifier's side, that pass's recorded code, run again with its recorded seed against
 * the lab's published suites in the sandbox (labs/recheck.ts), passes every case. It is dated by the
 * last of the labs' first such passes. Labs are pass or fail, so its score is 100%. Id:
 * `practitioner-<track>`, e.g. `practitioner-secure-coding`.
 *
 * Dates and scores. A certificate is dated when its last requirement was first met. Its score is,
 * per required quiz, the best passed assessment score on the current revision; averaged over the
 * quizzes (and, for the capstone, over the 13 principles).
 *
 * The same functions derive the claim on the learner's side and check it on the verifier's side,
 * so the two can never disagree about the rule.
 */

import type { LabPassCheck } from '../labs/recheck.ts';
import type { ProgressData } from '../progress/progress.ts';
import type { AttemptCheck, Evidence } from '../quiz/evidence.ts';

/** The catalog facts certificates need (serialised into pages at build time). */
export interface CertificateCatalog {
	principles: { number: number; title: string; provisions: { id: string; title: string }[] }[];
	/** Published labs with the module they practise and their current revision (practitioner certificates). */
	labs?:
		| { id: string; title: string; module: string; revision: number; provisions?: string[] | undefined }[]
		| undefined;
	/** Track titles, by track id (for practitioner certificates). */
	trackTitles?: Record<string, string> | undefined;
	modules: {
		id: string;
		title: string;
		track: string;
		principles: number[];
		quiz?: { id: string; revision: number } | undefined;
	}[];
}

export const CAPSTONE = 'capstone';
/** `p01` … `p13`, `capstone`, or `practitioner-<track>`. */
export type AchievementId = string;
export const PRACTITIONER_PREFIX = 'practitioner-';

/** A lab as the certificate catalog holds it (from content/labs/<id>/lab.yaml). */
export function labForCertificates(l: {
	id: string;
	title: string;
	module: string;
	revision: number;
	provisions: readonly string[];
}): NonNullable<CertificateCatalog['labs']>[number] {
	return { id: l.id, title: l.title, module: l.module, revision: l.revision, provisions: [...l.provisions] };
}

export const practitionerIdOf = (track: string): AchievementId => `${PRACTITIONER_PREFIX}${track}`;

/** The track of a practitioner certificate id, or undefined. */
export function practitionerTrackOf(id: AchievementId): string | undefined {
	const m = /^practitioner-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id);
	return m ? m[1] : undefined;
}

export interface LabRequirement {
	labId: string;
	title: string;
	revision: number;
}

/** The labs a track's practitioner certificate requires: every lab whose module is in the track. */
export function labRequirementsFor(catalog: CertificateCatalog, track: string): LabRequirement[] {
	const trackOf = new Map(catalog.modules.map((m) => [m.id, m.track]));
	return (catalog.labs ?? [])
		.filter((l) => trackOf.get(l.module) === track)
		.map((l) => ({ labId: l.id, title: l.title, revision: l.revision }));
}

/** Tracks that have labs, in the catalog's module order. */
export function practitionerTracks(catalog: CertificateCatalog): string[] {
	const tracks = [...new Set(catalog.modules.map((m) => m.track))];
	return tracks.filter((t) => labRequirementsFor(catalog, t).length > 0);
}

/**
 * The facts the practitioner rule needs about one lab: the dates of its passes that count (on the
 * current revision, without the solution shown; on the verifier's side, re-run as passed too).
 */
export interface LabFacts {
	passes: { at: string }[];
}

export interface LabRequirementStatus extends LabRequirement {
	/** The first pass that counts. */
	passedAt: string | undefined;
	done: boolean;
}

export const achievementIdOf = (n: number): AchievementId => `p${String(n).padStart(2, '0')}`;

export function principleNumberOf(id: AchievementId): number | undefined {
	const m = /^p(0[1-9]|1[0-3])$/.exec(id);
	return m ? Number(m[1]) : undefined;
}

export interface Requirement {
	moduleId: string;
	title: string;
	quiz: { id: string; revision: number } | undefined;
}

/** The modules principle `n` requires (see THE RULE above). */
export function requirementsFor(catalog: CertificateCatalog, n: number): Requirement[] {
	return catalog.modules
		.filter((m) => m.track === 'principles' && m.principles.includes(n))
		.map((m) => ({ moduleId: m.id, title: m.title, quiz: m.quiz }));
}

/** The facts a rule needs about one module: when it was marked read, and its passed assessments. */
export interface ModuleFacts {
	readAt: string | undefined;
	/** Passed assessment attempts on the current revision. */
	passes: { score: number; at: string }[];
}

export interface RequirementStatus extends Requirement {
	readAt: string | undefined;
	passedAt: string | undefined;
	bestScore: number | undefined;
	done: boolean;
}

export interface CertificateStatus {
	id: AchievementId;
	/** Principle number, or undefined for the capstone and practitioner certificates. */
	principle: number | undefined;
	/** The track of a practitioner certificate (undefined for the others). */
	track?: string | undefined;
	/** A practitioner certificate's labs and where each stands (absent for the others). */
	labs?: LabRequirementStatus[];
	title: string;
	provisions: string[];
	earned: boolean;
	earnedAt: string | undefined;
	score: number | undefined;
	requirements: RequirementStatus[];
	/** Plain-language list of what is still missing. */
	remaining: string[];
}

/** The latest of some ISO dates (they sort as text). */
const latest = (dates: string[]) => [...dates].sort().at(-1);

function requirementStatus(req: Requirement, facts: ModuleFacts): RequirementStatus {
	const passes = [...facts.passes].sort((a, b) => a.at.localeCompare(b.at));
	const passedAt = passes[0]?.at;
	const bestScore = passes.length ? Math.max(...passes.map((p) => p.score)) : undefined;
	const done = facts.readAt !== undefined && (req.quiz === undefined || passedAt !== undefined);
	return { ...req, readAt: facts.readAt, passedAt, bestScore, done };
}

/** Status of the principle certificate, from facts about each module (progress or evidence). */
export function principleStatus(
	catalog: CertificateCatalog,
	n: number,
	factsOf: (req: Requirement) => ModuleFacts,
): CertificateStatus {
	const principle = catalog.principles.find((p) => p.number === n);
	if (!principle) throw new RangeError(`there is no principle ${n}`);
	const requirements = requirementsFor(catalog, n).map((r) => requirementStatus(r, factsOf(r)));
	const earned = requirements.length > 0 && requirements.every((r) => r.done);
	const scores = requirements.flatMap((r) => (r.bestScore === undefined ? [] : [r.bestScore]));
	const remaining = requirements.flatMap((r) => [
		...(r.readAt ? [] : [`Mark “${r.title}” as read`]),
		...(r.quiz && !r.passedAt ? [`Pass the assessment of “${r.title}”`] : []),
	]);
	return {
		id: achievementIdOf(n),
		principle: n,
		title: `Principle ${n}: ${principle.title}`,
		provisions: principle.provisions.map((p) => p.id),
		earned,
		earnedAt: earned
			? latest(
					requirements.flatMap((r) => [r.readAt, r.passedAt].filter((d): d is string => d !== undefined)),
				)
			: undefined,
		score:
			earned && scores.length ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : undefined,
		requirements,
		remaining: requirements.length === 0 ? ['This principle has no required module yet'] : remaining,
	};
}

export function capstoneStatus(
	catalog: CertificateCatalog,
	principles: CertificateStatus[],
): CertificateStatus {
	const earned = principles.length === catalog.principles.length && principles.every((p) => p.earned);
	return {
		id: CAPSTONE,
		principle: undefined,
		title: 'All 13 principles of the Code of Practice for the Cyber Security of AI',
		provisions: catalog.principles.flatMap((p) => p.provisions.map((x) => x.id)),
		earned,
		earnedAt: earned ? latest(principles.map((p) => p.earnedAt as string)) : undefined,
		score: earned
			? roundScore(principles.reduce((a, p) => a + (p.score ?? 0), 0) / principles.length)
			: undefined,
		requirements: principles.flatMap((p) => p.requirements),
		remaining: principles.filter((p) => !p.earned).map((p) => `Earn the certificate for ${p.title}`),
	};
}

/** Status of a track's practitioner certificate, from facts about each of its labs. */
export function practitionerStatus(
	catalog: CertificateCatalog,
	track: string,
	labFactsOf: (req: LabRequirement) => LabFacts,
): CertificateStatus {
	const labs = labRequirementsFor(catalog, track).map((req): LabRequirementStatus => {
		const passedAt = [...labFactsOf(req).passes].map((p) => p.at).sort()[0];
		return { ...req, passedAt, done: passedAt !== undefined };
	});
	const earned = labs.length > 0 && labs.every((l) => l.done);
	const title = `Practitioner: ${catalog.trackTitles?.[track] ?? track}`;
	// The provisions the track's labs practise, in the Code's order.
	const practised = new Set(
		(catalog.labs ?? []).filter((l) => labs.some((r) => r.labId === l.id)).flatMap((l) => l.provisions ?? []),
	);
	const provisions = catalog.principles
		.flatMap((p) => p.provisions.map((x) => x.id))
		.filter((id) => practised.has(id));
	return {
		id: practitionerIdOf(track),
		principle: undefined,
		track,
		title,
		provisions,
		earned,
		earnedAt: earned ? latest(labs.map((l) => l.passedAt as string)) : undefined,
		score: earned ? 1 : undefined,
		requirements: [],
		labs,
		remaining:
			labs.length === 0
				? ['This track has no labs yet']
				: labs.filter((l) => !l.done).map((l) => `Pass the lab “${l.title}” without showing the solution`),
	};
}

/** Lab facts from the learner's own progress: passes on the current revision without the solution shown. */
export function labFactsFromProgress(data: ProgressData): (req: LabRequirement) => LabFacts {
	return (req) => {
		const rec = data.labs && Object.hasOwn(data.labs, req.labId) ? data.labs[req.labId] : undefined;
		return {
			passes: (rec?.passes ?? [])
				.filter((p) => p.revision === req.revision && !p.solutionShown)
				.map((p) => ({ at: p.at })),
		};
	};
}

/**
 * Lab facts from evidence: only passes whose re-run passed (labs/recheck.ts), on the current
 * revision, without the solution shown. A verifier trusts the re-run, never the recorded pass.
 */
export function labFactsFromEvidence(
	evidence: Evidence,
	labChecks: readonly LabPassCheck[],
): (req: LabRequirement) => LabFacts {
	const entries = evidence.labs ?? [];
	return (req) => ({
		passes: entries.flatMap((e, i) => {
			const c = labChecks[i];
			const counts =
				c !== undefined &&
				c.lab === e.lab &&
				c.status === 'passed' &&
				e.lab === req.labId &&
				e.revision === req.revision &&
				!e.solutionShown;
			return counts ? [{ at: e.at }] : [];
		}),
	});
}

const roundScore = (n: number) => Math.round(n * 10_000) / 10_000;

/** Facts about a module from the learner's own progress. */
export function factsFromProgress(data: ProgressData): (req: Requirement) => ModuleFacts {
	return (req) => ({
		readAt: Object.hasOwn(data.modules, req.moduleId) ? data.modules[req.moduleId]?.completedAt : undefined,
		passes: req.quiz
			? data.attempts
					.filter(
						(a) =>
							a.quizId === req.quiz?.id &&
							a.revision === req.quiz.revision &&
							a.mode === 'assessment' &&
							a.passed,
					)
					.map((a) => ({ score: a.score, at: a.submittedAt }))
			: [],
	});
}

/**
 * Facts about a module from evidence, counting only attempts that re-scored as consistent and
 * passed: a verifier trusts the answers, never the recorded score.
 */
export function factsFromEvidence(
	evidence: Evidence,
	checks: AttemptCheck[],
): (req: Requirement) => ModuleFacts {
	const good = new Set(checks.filter((c) => c.status === 'consistent' && c.passed).map((c) => c.attemptId));
	return (req) => ({
		readAt: evidence.modules.find((m) => m.id === req.moduleId)?.readAt,
		passes: req.quiz
			? evidence.attempts
					.filter((a) => good.has(a.id) && a.quizId === req.quiz?.id && a.revision === req.quiz.revision)
					.map((a) => ({ score: a.score, at: a.submittedAt }))
			: [],
	});
}

/** Every certificate's status for a learner: principles 1-13, the capstone, then the practitioner ones. */
export function allStatuses(catalog: CertificateCatalog, data: ProgressData): CertificateStatus[] {
	const facts = factsFromProgress(data);
	const principles = catalog.principles.map((p) => principleStatus(catalog, p.number, facts));
	const labFacts = labFactsFromProgress(data);
	return [
		...principles,
		capstoneStatus(catalog, principles),
		...practitionerTracks(catalog).map((t) => practitionerStatus(catalog, t, labFacts)),
	];
}

const NO_LAB_FACTS = (): LabFacts => ({ passes: [] });

export function statusOf(
	catalog: CertificateCatalog,
	id: AchievementId,
	factsOf: (req: Requirement) => ModuleFacts,
	labFactsOf: (req: LabRequirement) => LabFacts = NO_LAB_FACTS,
): CertificateStatus | undefined {
	const track = practitionerTrackOf(id);
	if (track !== undefined)
		return practitionerTracks(catalog).includes(track)
			? practitionerStatus(catalog, track, labFactsOf)
			: undefined;
	const n = principleNumberOf(id);
	if (n !== undefined)
		return catalog.principles.some((p) => p.number === n) ? principleStatus(catalog, n, factsOf) : undefined;
	if (id !== CAPSTONE) return undefined;
	const principles = catalog.principles.map((p) => principleStatus(catalog, p.number, factsOf));
	return capstoneStatus(catalog, principles);
}

/** The modules, quizzes and labs whose records back certificate `id`. */
export function scopeOf(
	catalog: CertificateCatalog,
	id: AchievementId,
): { moduleIds: string[]; quizIds: string[]; labs: { id: string; revision: number }[] } {
	const track = practitionerTrackOf(id);
	if (track !== undefined) {
		return {
			moduleIds: [],
			quizIds: [],
			labs: labRequirementsFor(catalog, track).map((l) => ({ id: l.labId, revision: l.revision })),
		};
	}
	const n = principleNumberOf(id);
	const numbers = n !== undefined ? [n] : catalog.principles.map((p) => p.number);
	const reqs = numbers.flatMap((x) => requirementsFor(catalog, x));
	return {
		moduleIds: reqs.map((r) => r.moduleId),
		quizIds: reqs.flatMap((r) => (r.quiz ? [r.quiz.id] : [])),
		labs: [],
	};
}

/** Certificate id: the first 16 hex digits of the record digest, grouped for reading aloud. */
export function certificateIdOf(digest: string): string {
	return `SAA-${digest
		.slice(0, 16)
		.toUpperCase()
		.replace(/(.{4})(?!$)/g, '$1-')}`;
}

/** A stable URN for the credential, built from the record digest (a UUID of version 8, "custom"). */
export function credentialUrnOf(digest: string): string {
	const h = digest.slice(0, 32).split('');
	h[12] = '8';
	h[16] = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
	const s = h.join('');
	return `urn:uuid:${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
