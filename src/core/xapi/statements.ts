/**
 * The optional xAPI feed to an organisation's own LRS (academy.config.yaml `lrs:`): which
 * statements the learner's record calls for, built with exactly the fields docs/lms.md lists and
 * nothing else. Pure: the browser side (src/islands/adapters/xapi/) stores, sends and retries.
 *
 * Two kinds of event, each sent once (the `key` says which event a statement reports):
 * - a module marked as read: verb `completed`, object `<site>modules/<id>/`, result.completion;
 * - an assessment attempt (never practice): verb `passed` or `failed`, object
 *   `<site>quizzes/<quiz id>`, result.score (scaled, raw, min, max), result.success and the time
 *   taken (result.duration).
 * Every statement carries the time of the event (`timestamp`). Only events at or after the
 * moment the learner opted in are sent.
 */
import { isoDuration } from '../lms/report.ts';
import type { ProgressData } from '../progress/progress.ts';

export interface XapiAgent {
	objectType: 'Agent';
	/** `name` is what the learner chose to report under (their name or an id). */
	account: { homePage: string; name: string };
}

export interface XapiStatement {
	id: string;
	actor: XapiAgent;
	verb: { id: string; display: { en: string } };
	object: { objectType: 'Activity'; id: string };
	result:
		| { completion: true }
		| {
				score: { scaled: number; raw: number; min: 0; max: 100 };
				success: boolean;
				completion: true;
				duration: string;
		  };
	timestamp: string;
}

export interface FeedItem {
	/** `read:<module id>` or `attempt:<attempt id>`: each event is queued once. */
	key: string;
	statement: XapiStatement;
}

export interface FeedContext {
	/** The site's public address with its base path, ending in "/", e.g. https://training.example.org/. */
	siteBase: string;
	actor: XapiAgent;
	/** When the learner opted in (ISO 8601): earlier events are not sent. */
	since: string;
}

const VERB = (v: 'completed' | 'passed' | 'failed') => ({
	id: `http://adlnet.gov/expapi/verbs/${v}`,
	display: { en: v },
});

/** The agent for the name or id the learner typed. */
export function feedActor(name: string, homePage: string): XapiAgent {
	return { objectType: 'Agent', account: { homePage, name: name.trim() } };
}

/**
 * The statements the record calls for that are not yet in `done` (keys of events already
 * queued), oldest first. `newId` gives each a statement id (a UUID) once; a retry resends it.
 */
export function dueStatements(
	data: ProgressData,
	done: ReadonlySet<string>,
	ctx: FeedContext,
	newId: () => string,
): FeedItem[] {
	const since = Date.parse(ctx.since);
	const after = (iso: string) => Date.parse(iso) >= since;
	const items: FeedItem[] = [];
	for (const [id, record] of Object.entries(data.modules)) {
		const key = `read:${id}`;
		if (!record.completedAt || done.has(key) || !after(record.completedAt)) continue;
		items.push({
			key,
			statement: {
				id: newId(),
				actor: ctx.actor,
				verb: VERB('completed'),
				object: { objectType: 'Activity', id: `${ctx.siteBase}modules/${id}/` },
				result: { completion: true },
				timestamp: record.completedAt,
			},
		});
	}
	for (const a of data.attempts) {
		const key = `attempt:${a.id}`;
		if (a.mode !== 'assessment' || done.has(key) || !after(a.submittedAt)) continue;
		items.push({
			key,
			statement: {
				id: newId(),
				actor: ctx.actor,
				verb: VERB(a.passed ? 'passed' : 'failed'),
				object: { objectType: 'Activity', id: `${ctx.siteBase}quizzes/${a.quizId}` },
				result: {
					score: {
						scaled: Math.round(a.score * 10000) / 10000,
						raw: Math.round(a.score * 10000) / 100,
						min: 0,
						max: 100,
					},
					success: a.passed,
					completion: true,
					duration: isoDuration(Date.parse(a.submittedAt) - Date.parse(a.startedAt)),
				},
				timestamp: a.submittedAt,
			},
		});
	}
	return items.sort((p, q) => p.statement.timestamp.localeCompare(q.statement.timestamp));
}
