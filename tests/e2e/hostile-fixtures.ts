/**
 * Node-side makers for the hostile-input suite: honest progress on the real p01 quiz, export
 * files, stored values and credentials, built with the site's own code so that only the edit a
 * case makes is wrong.
 */
import { resolve } from 'node:path';
import { buildCredential } from '../../src/core/certificates/credential.ts';
import { allStatuses, type CertificateCatalog, scopeOf } from '../../src/core/certificates/eligibility.ts';
import { certificateRecord } from '../../src/core/certificates/record.ts';
import { describeAchievement } from '../../src/core/certificates/site.ts';
import { encodeExport, encodeStored } from '../../src/core/progress/codec.ts';
import { type Attempt, type ProgressData, withModuleVisit } from '../../src/core/progress/progress.ts';
import { emptyProgress } from '../../src/core/progress/stats.ts';
import { drawQuestions, scoreAttempt } from '../../src/core/quiz/attempt.ts';
import { collectEvidence } from '../../src/core/quiz/evidence.ts';
import { loadContent } from '../../src/lib/content-files.ts';
import { correctAnswer } from '../fixtures/answers.ts';
import { loadQuiz } from './quiz-helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: cases edit arbitrary fields of JSON documents
export type Json = any;

export const QUIZ = loadQuiz('p01-awareness');
const root = resolve(new URL('../..', import.meta.url).pathname);
const { catalog: content } = loadContent(root);

export const CATALOG: CertificateCatalog = {
	principles: content.principles.map(({ data }) => ({
		number: data.number,
		title: data.title,
		provisions: data.provisions.map((p) => ({ id: p.id, title: p.title })),
	})),
	modules: content.modules.map(({ data }) => {
		const quiz = content.quizzes.find((q) => q.data.id === data.quiz)?.data;
		return {
			id: data.id,
			title: data.title,
			track: data.track,
			principles: data.principles,
			quiz: quiz ? { id: quiz.id, revision: quiz.revision } : undefined,
		};
	}),
};

let n = 0;
/** An honest assessment attempt on p01-awareness: `wrong` questions left unanswered. */
export function honestAttempt(wrong = 0, at = '2026-11-20T10:00:00.000Z'): Attempt {
	const seed = `seed${n}`;
	const questionIds = drawQuestions(QUIZ, seed).questionIds;
	const answers = Object.fromEntries(
		questionIds
			.slice(wrong)
			.map((id) => [id, correctAnswer(QUIZ.questions.find((q) => q.id === id) as never)]),
	);
	const { score, passed } = scoreAttempt(QUIZ, questionIds, answers);
	return {
		id: `hostile-${n++}`,
		quizId: QUIZ.id,
		revision: QUIZ.revision,
		mode: 'assessment',
		seed,
		questionIds,
		answers,
		score,
		passed,
		startedAt: at,
		submittedAt: at,
	};
}

/** A learner who read p01 and passed it honestly at 90 % (one question unanswered). */
export function baselineProgress(): ProgressData {
	const data = withModuleVisit(
		{ ...emptyProgress(), learnerName: 'Ada Example' },
		'p01-awareness',
		'2026-11-20T09:00:00.000Z',
		true,
	);
	return { ...data, attempts: [honestAttempt(1)] };
}

export const stored = (data: ProgressData) => encodeStored(data);
export const exported = (data: ProgressData) => encodeExport(data, '2026.11.1', '2026-11-21T10:00:00.000Z');

/** A genuine credential for p01 as the site at `siteUrl` would make it. */
export async function genuineCredential(siteUrl: string, organisation = 'Secure AI Academy') {
	const data = baselineProgress();
	const status = allStatuses(CATALOG, data)[0];
	if (!status?.earned) throw new Error('baseline does not earn p01');
	const evidence = collectEvidence(data, scopeOf(CATALOG, 'p01'), {
		site: { name: 'Secure AI Academy', url: siteUrl },
		contentVersion: '2026.11.1',
		learnerName: data.learnerName ?? '',
		now: status.earnedAt as string,
	});
	const record = certificateRecord(status, evidence);
	if (!record) throw new Error('no record');
	const credential = await buildCredential(record, {
		site: { name: 'Secure AI Academy', url: siteUrl },
		organisation,
		title: status.title,
		description: describeAchievement(status),
		provisions: status.provisions,
	});
	return JSON.parse(JSON.stringify(credential)) as Json;
}

/** The record inside a credential, and a way to put an edited one back. */
export const recordOf = (c: Json) =>
	JSON.parse(Buffer.from(String(c.evidence[0].id).split(',')[1] as string, 'base64').toString('utf8'));
export const withRecord = (c: Json, record: unknown) => {
	const copy = structuredClone(c);
	copy.evidence[0].id = `data:application/json;base64,${Buffer.from(JSON.stringify(record)).toString('base64')}`;
	return copy;
};
