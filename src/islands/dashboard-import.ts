/**
 * The dashboard's import and recovery, loaded on demand: every attempt is marked again against
 * the published quizzes (as the verify page does) before it is merged, and the learner is told
 * what was not kept and why. Returns the message the dashboard shows.
 */

import { decodeImport } from '../core/progress/codec.ts';
import type { CatalogSummary } from '../core/progress/dashboard.ts';
import { importCounts, importSummaryText } from '../core/progress/import-summary.ts';
import { recoverProgress, setAsideRaw } from '../core/progress/recover.ts';
import { refusalText, screenAttempts } from '../core/progress/screen.ts';
import { getProgressStore } from './adapters/progress-client.ts';
import { fetchBank } from './adapters/quiz-bank.ts';

export interface DashboardMessage {
	tone: 'ok' | 'bad';
	text: string;
	details?: string[];
	/** Technical detail (the JSON parser's words), shown behind a disclosure. */
	technical?: string;
}

interface Site {
	base: string;
	catalog: CatalogSummary;
}

/** The published quizzes for these attempts, and those this site publishes but could not load. */
async function bankFor(quizIds: string[], { base, catalog }: Site) {
	const { bank, missing } = await fetchBank(base, quizIds);
	const published = new Set(catalog.modules.flatMap((m) => (m.quiz ? [m.quiz.id] : [])));
	return { bank, unavailable: missing.filter((id) => published.has(id)) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Recovers a set-aside copy: keeps what validates and re-scores, says what was dropped. */
export async function recoverCopy(raw: string, what: string, site: Site): Promise<DashboardMessage> {
	const { data, dropped } = recoverProgress(raw);
	const { bank, unavailable } = await bankFor(
		data.attempts.map((a) => a.quizId),
		site,
	);
	if (unavailable.length) {
		return {
			tone: 'bad',
			text: `The quizzes needed to check ${what} could not be loaded (${unavailable.join(', ')}), so nothing was recovered. Try again when you are online.`,
		};
	}
	const screened = screenAttempts(data, bank);
	getProgressStore().mergeData(screened.data);
	const when = (id: string) => data.attempts.find((a) => a.id === id)?.submittedAt;
	const details = [
		...dropped.map((d) => `Dropped ${d}.`),
		...screened.refused.map((c) => refusalText(c, when(c.attemptId), 'was not recovered')),
	];
	return {
		tone: details.length ? 'bad' : 'ok',
		text: `Recovered ${plural(screened.data.attempts.length, 'attempt')} and ${plural(Object.keys(screened.data.modules).length, 'module record')} from ${what} and merged them with your progress.${details.length ? ' What could not be kept:' : ' Nothing had to be dropped.'}`,
		details,
	};
}

/** Imports a progress file (or a downloaded set-aside copy). */
export async function importProgressFile(file: File, site: Site): Promise<DashboardMessage> {
	if (file.size > 2 * 1024 * 1024) {
		return {
			tone: 'bad',
			text: `“${file.name}” is too large to be a progress file (the limit is 2 MB). Nothing was changed.`,
		};
	}
	const text = await file.text();
	const decoded = decodeImport(text, file.size);
	if (!decoded.ok) {
		// A downloaded set-aside copy is not an export, but it can be recovered.
		let raw: string | undefined;
		try {
			raw = setAsideRaw(JSON.parse(text));
		} catch {
			raw = undefined;
		}
		if (raw !== undefined) return recoverCopy(raw, `“${file.name}”`, site);
		return {
			tone: 'bad',
			text: `${decoded.message} Nothing was changed.`,
			...(decoded.detail ? { technical: decoded.detail } : {}),
		};
	}
	const { bank, unavailable } = await bankFor(
		decoded.data.attempts.map((a) => a.quizId),
		site,
	);
	if (unavailable.length) {
		return {
			tone: 'bad',
			text: `The quizzes needed to check this file could not be loaded (${unavailable.join(', ')}), so nothing was imported. Try again when you are online.`,
		};
	}
	let screened: ReturnType<typeof screenAttempts> | undefined;
	const before = getProgressStore().getSnapshot().data;
	const r = getProgressStore().importFile(text, file.size, (data) => {
		screened = screenAttempts(data, bank);
		return screened.data;
	});
	if (!r.ok) return { tone: 'bad', text: `${r.message} Nothing was changed.` };
	const refused = screened?.refused ?? [];
	const when = (id: string) => decoded.data.attempts.find((a) => a.id === id)?.submittedAt;
	return {
		tone: refused.length ? 'bad' : 'ok',
		text: `${importSummaryText(importCounts(before, r.data), file.name, refused.length)}${refused.length ? ` ${refused.length === 1 ? '1 attempt was' : `${refused.length} attempts were`} not imported, because the answers do not give the score recorded:` : ''}`,
		details: refused.map((c) => refusalText(c, when(c.attemptId))),
	};
}
