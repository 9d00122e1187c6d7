/**
 * Evidence: the part of a learner's record that backs a claim (a certificate, or a report for an
 * assignment). It carries the raw answers, so anyone holding the quiz bank can score them again,
 * and it has a digest, so a change to any byte is noticed.
 *
 * Example:
 * {
 *   "format": "secure-ai-academy/evidence", "version": 1,
 *   "site": { "name": "Secure AI Academy", "url": "https://academy.example.org/" },
 *   "contentVersion": "2026.11.1", "learner": { "name": "Αλέξανδρος Παπαδόπουλος" },
 *   "createdAt": "2026-11-23T10:30:00.000Z",
 *   "modules": [{ "id": "p01-awareness", "readAt": "2026-11-23T10:00:00.000Z" }],
 *   "attempts": [ …Attempt records exactly as stored in progress (see progress.ts)… ],
 *   "labs": [{ "lab": "markdown-image-exfiltration", "at": "2026-11-23T10:20:00.000Z", "revision": 1,
 *              "code": "function renderAnswer(…) { … }", "digest": "<SHA-256 hex of code>",
 *              "seed": "k3x9q2ab", "solutionShown": false }]
 * }
 *
 * `labs` is optional: evidence made before labs (or without any lab pass in scope) has no such
 * field, so its digest is what it always was. Each entry is one lab pass exactly as the learner's
 * progress stores it (labs/progress.ts) plus the lab id; a verifier runs `code` again with `seed`
 * against the lab's published suites (labs/recheck.ts) rather than trusting the pass.
 *
 * Digest: SHA-256 (Web Crypto) of the RFC 8785 canonical JSON of the value, in lower-case hex.
 * Re-scoring: each attempt's questions must be the ones its seed draws from that quiz revision,
 * and its answers must score what the attempt claims.
 */

import canonicalize from 'canonicalize';
import type { Quiz } from '../../schemas/quiz.ts';
import { z } from '../../schemas/zod.ts';
import { type LabPass, LabPassSchema, MAX_LAB_CODE } from '../labs/progress.ts';
import { percent } from '../progress/labels.ts';
import { type Attempt, AttemptSchema, LearnerNameSchema, type ProgressData } from '../progress/progress.ts';
import { drawQuestions, scoreAttempt } from './attempt.ts';

export { LearnerNameSchema, MAX_NAME_LENGTH } from '../progress/progress.ts';

export const EVIDENCE_FORMAT = 'secure-ai-academy/evidence';
export const EVIDENCE_VERSION = 1;

const IsoDate = z.iso.datetime({ offset: true });
const Id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
	.max(60);

/** Most lab passes one piece of evidence carries (one per lab). */
export const MAX_EVIDENCE_LABS = 200;

/**
 * One lab pass as the learner's progress stores it (at, revision, code, digest, seed,
 * solutionShown: see labs/progress.ts), plus the lab it belongs to.
 */
export const EvidenceLabSchema = LabPassSchema.extend({
	/** The lab's id (the folder name under content/labs/ and its URL /labs/<id>/). */
	lab: z
		.string()
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error: 'a lab id is lower-case words joined by hyphens, e.g. "markdown-image-exfiltration"',
		})
		.max(60),
	/** The code that passed, as written (at most MAX_LAB_CODE characters, as progress keeps it). */
	code: z.string().max(MAX_LAB_CODE, {
		error: `a lab pass's code is longer than ${MAX_LAB_CODE.toLocaleString('en')} characters`,
	}),
	/** SHA-256 of `code` (UTF-8), 64 lower-case hex digits. */
	digest: z.string().regex(/^[0-9a-f]{64}$/, {
		error: "a lab pass's digest must be 64 lower-case hex digits (SHA-256 of its code)",
	}),
});
export type EvidenceLab = z.output<typeof EvidenceLabSchema>;

export const EvidenceSchema = z.strictObject({
	format: z.literal(EVIDENCE_FORMAT),
	version: z.literal(EVIDENCE_VERSION),
	/** The site that produced the record: its name and public address. */
	site: z.strictObject({ name: z.string().min(1).max(200), url: z.string().min(1).max(500) }),
	/** The site's content version when the record was made. */
	contentVersion: z.string().min(1).max(40),
	learner: z.strictObject({ name: LearnerNameSchema }),
	createdAt: IsoDate,
	/** Modules the learner marked as read, and when. */
	modules: z.array(z.strictObject({ id: Id, readAt: IsoDate })).max(1_000),
	/** Assessment attempts, exactly as recorded in the learner's progress. */
	attempts: z.array(AttemptSchema).max(5_000),
	/** Lab passes (see EvidenceLabSchema); absent in evidence without any. */
	labs: z.array(EvidenceLabSchema).max(MAX_EVIDENCE_LABS).optional(),
});
export type Evidence = z.output<typeof EvidenceSchema>;

/** A lab in scope, with the revision this site publishes (which pass to carry depends on it). */
export interface ScopeLab {
	id: string;
	revision: number;
}

export interface EvidenceScope {
	/** Modules whose "read" marks are included. */
	moduleIds: readonly string[];
	/** Quizzes whose assessment attempts are included. */
	quizIds: readonly string[];
	/** Labs whose pass is included (one pass per lab, see chosenLabPass). */
	labs?: readonly ScopeLab[];
}

/**
 * The one pass of a lab that evidence carries: the first pass on the current revision without
 * the solution shown (it dates the achievement); else the first on the current revision with the
 * solution shown; else the latest pass on an older revision (so a report says honestly that the
 * lab was passed on a revision no longer published). Undefined when there is no pass.
 */
export function chosenLabPass(passes: readonly LabPass[], currentRevision: number): LabPass | undefined {
	const sorted = [...passes].sort((a, b) => a.at.localeCompare(b.at));
	const current = sorted.filter((p) => p.revision === currentRevision);
	return current.find((p) => !p.solutionShown) ?? current[0] ?? sorted.at(-1);
}

export interface EvidenceMeta {
	site: { name: string; url: string };
	contentVersion: string;
	learnerName: string;
	now: string;
}

/** The evidence for `scope` taken from the learner's progress: read marks and assessment attempts. */
export function collectEvidence(data: ProgressData, scope: EvidenceScope, meta: EvidenceMeta): Evidence {
	const quizIds = new Set(scope.quizIds);
	return {
		format: EVIDENCE_FORMAT,
		version: EVIDENCE_VERSION,
		site: { name: meta.site.name, url: meta.site.url },
		contentVersion: meta.contentVersion,
		learner: { name: meta.learnerName.trim() },
		createdAt: meta.now,
		modules: scope.moduleIds.flatMap((id) => {
			const readAt = Object.hasOwn(data.modules, id) ? data.modules[id]?.completedAt : undefined;
			return readAt ? [{ id, readAt }] : [];
		}),
		attempts: data.attempts.filter((a) => a.mode === 'assessment' && quizIds.has(a.quizId)),
		...labsPart(data, scope.labs ?? []),
	};
}

function labsPart(data: ProgressData, labs: readonly ScopeLab[]): { labs?: EvidenceLab[] } {
	const seen = new Set<string>();
	const out = labs.flatMap((l) => {
		if (seen.has(l.id)) return [];
		seen.add(l.id);
		const rec = data.labs && Object.hasOwn(data.labs, l.id) ? data.labs[l.id] : undefined;
		const pass = rec ? chosenLabPass(rec.passes, l.revision) : undefined;
		return pass ? [{ lab: l.id, ...pass }] : [];
	});
	// Only when there is something to carry: evidence without labs keeps its old shape and digest.
	return out.length ? { labs: out } : {};
}

/** RFC 8785 canonical JSON: the same value always gives the same bytes, whatever the key order. */
export function canonicalJson(value: unknown): string {
	const text = canonicalize(value);
	if (text === undefined) throw new TypeError('value cannot be represented as JSON');
	return text;
}

/** SHA-256 of the canonical JSON of `value`, as 64 lower-case hex digits. */
export async function digestOf(value: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(canonicalJson(value));
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The quizzes a verifier can score against: the bank of the revisions this site still publishes. */
export interface QuizBank {
	quiz(id: string, revision: number): Quiz | undefined;
	/** Revisions held for a quiz id, newest last (empty when the quiz is unknown). */
	revisions(id: string): number[];
}

export function bankOf(quizzes: readonly Quiz[]): QuizBank {
	const byKey = new Map(quizzes.map((q) => [`${q.id}@${q.revision}`, q]));
	return {
		quiz: (id, revision) => byKey.get(`${id}@${revision}`),
		revisions: (id) =>
			quizzes
				.filter((q) => q.id === id)
				.map((q) => q.revision)
				.sort((a, b) => a - b),
	};
}

export type AttemptStatus =
	| 'consistent'
	| 'unknown-quiz'
	| 'expired-revision'
	| 'draw-mismatch'
	| 'score-mismatch'
	| 'bad-dates';

export interface AttemptCheck {
	attemptId: string;
	quizId: string;
	revision: number;
	status: AttemptStatus;
	claimedScore: number;
	claimedPassed: boolean;
	/** The score the answers earn when marked again (undefined when they cannot be marked). */
	score: number | undefined;
	passed: boolean | undefined;
	message: string;
}

/** Marks one attempt again against the bank and says whether the record holds together. */
export function rescoreAttempt(attempt: Attempt, bank: QuizBank): AttemptCheck {
	const base = {
		attemptId: attempt.id,
		quizId: attempt.quizId,
		revision: attempt.revision,
		claimedScore: attempt.score,
		claimedPassed: attempt.passed,
	};
	const held = bank.revisions(attempt.quizId);
	if (held.length === 0) {
		return {
			...base,
			status: 'unknown-quiz',
			score: undefined,
			passed: undefined,
			message: `quiz "${attempt.quizId}" is not in this site's quiz bank`,
		};
	}
	const quiz = bank.quiz(attempt.quizId, attempt.revision);
	if (!quiz) {
		return {
			...base,
			status: 'expired-revision',
			score: undefined,
			passed: undefined,
			message: `revision ${attempt.revision} of quiz "${attempt.quizId}" is no longer published (the bank holds revision ${held.join(', ')}), so its answers cannot be marked again`,
		};
	}
	if (attempt.submittedAt < attempt.startedAt) {
		return {
			...base,
			status: 'bad-dates',
			score: undefined,
			passed: undefined,
			message: 'the attempt was submitted before it started',
		};
	}
	const drawn = drawQuestions(quiz, attempt.seed).questionIds;
	if (drawn.length !== attempt.questionIds.length || drawn.some((id, i) => attempt.questionIds[i] !== id)) {
		return {
			...base,
			status: 'draw-mismatch',
			score: undefined,
			passed: undefined,
			message: 'the questions listed are not the ones this attempt’s seed draws: the record was edited',
		};
	}
	const result = scoreAttempt(quiz, attempt.questionIds, attempt.answers);
	const agrees = Math.abs(result.score - attempt.score) < 1e-4 && result.passed === attempt.passed;
	return {
		...base,
		status: agrees ? 'consistent' : 'score-mismatch',
		score: result.score,
		passed: result.passed,
		message: agrees
			? `${percent(result.score)}, ${result.passed ? 'passed' : 'not passed'}: matches the record`
			: `the answers score ${percent(result.score)} (${result.passed ? 'pass' : 'fail'}), but the record claims ${percent(attempt.score)} (${attempt.passed ? 'pass' : 'fail'})`,
	};
}

export function rescoreEvidence(evidence: Evidence, bank: QuizBank): AttemptCheck[] {
	return evidence.attempts.map((a) => rescoreAttempt(a, bank));
}
