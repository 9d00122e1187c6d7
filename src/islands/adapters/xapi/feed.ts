/**
 * The LRS feed's sender, loaded by boot.ts only on a site that configures `lrs:` and only once
 * the learner has opted in. It OBSERVES the progress store (nothing in the learner's record is
 * written or removed): each new event since the opt-in becomes one statement
 * (src/core/xapi/statements.ts), queued in local storage and sent one at a time, in order, with
 * retries while the LRS cannot be reached (src/core/xapi/queue.ts) and a notice saying so.
 */
import { LearnerNameSchema } from '../../../core/progress/progress.ts';
import {
	enqueue,
	type FeedQueue,
	nextRetryDelay,
	parseQueue,
	RETRY_FIRST_MS,
	sendOutcome,
	settle,
} from '../../../core/xapi/queue.ts';
import { dueStatements, feedActor } from '../../../core/xapi/statements.ts';
import { getProgressStore } from '../progress-client.ts';
import { CONSENT_KEY, type LrsClientConfig, QUEUE_KEY, readConsent, store } from './client-config.ts';

/** Checks the name or id typed and records the learner's consent; results from now on are sent. */
export function optIn(typed: string): { name: string } | { error: string } {
	const r = LearnerNameSchema.safeParse(typed);
	if (!r.success) return { error: r.error.issues[0]?.message ?? 'the name is not valid' };
	if (!store.set(CONSENT_KEY, JSON.stringify({ name: r.data, since: new Date().toISOString() })))
		return { error: "this browser's storage is blocked, so the choice could not be kept" };
	return { name: r.data };
}

/** Stops the feed: the consent and anything still waiting are removed; nothing more is sent. */
export function optOut() {
	store.remove(CONSENT_KEY);
	store.remove(QUEUE_KEY);
	running?.stop();
	running = undefined;
}

let running: { stop(): void } | undefined;

const readQueue = () => parseQueue(store.get(QUEUE_KEY));
const writeQueue = (q: FeedQueue) => store.set(QUEUE_KEY, JSON.stringify(q));

/** Where notices go: the opt-in section's status line on the dashboard, else a line at the top of the page. */
function noticeLine(section: HTMLElement | null): (text: string) => void {
	let line = section?.querySelector<HTMLElement>('[data-lrs-status]') ?? null;
	return (text) => {
		if (!line) {
			if (!text) return;
			line = document.createElement('p');
			line.className = 'notice lrs-notice';
			line.setAttribute('role', 'status');
			(document.querySelector('main .wrap') ?? document.querySelector('main') ?? document.body).prepend(line);
		}
		line.textContent = text;
		if (!section) line.hidden = text === '';
	};
}

export function startFeed(cfg: LrsClientConfig, section: HTMLElement | null) {
	if (running) return;
	const say = noticeLine(section);
	let stopped = false;
	let pumping = false;
	let delay = RETRY_FIRST_MS;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let unreachable = false;

	const collect = () => {
		const consent = readConsent();
		if (stopped || !consent) return;
		const q = readQueue();
		const items = dueStatements(
			getProgressStore().getSnapshot().data,
			new Set(q.done),
			{ siteBase: cfg.siteBase, actor: feedActor(consent.name, cfg.homePage), since: consent.since },
			() => crypto.randomUUID(),
		);
		if (items.length > 0) writeQueue(enqueue(q, items));
		void pump();
	};

	const send = async (body: unknown): Promise<number | undefined> => {
		try {
			const res = await fetch(`${cfg.endpoint}statements`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-Experience-API-Version': '1.0.3',
					...(cfg.publicWriteKey ? { Authorization: `Basic ${btoa(cfg.publicWriteKey)}` } : {}),
				},
				body: JSON.stringify(body),
				credentials: 'omit',
				referrerPolicy: 'no-referrer',
				cache: 'no-store',
			});
			return res.status;
		} catch {
			return undefined; // offline, refused connection, or blocked by CORS
		}
	};

	const pump = async (): Promise<void> => {
		if (pumping || stopped) return;
		pumping = true;
		try {
			for (;;) {
				if (stopped || !readConsent()) return;
				const head = readQueue().waiting[0];
				if (!head) {
					if (unreachable) {
						unreachable = false;
						say('Connection restored: every result has been sent to your organisation.');
					}
					return;
				}
				const status = await send(head.statement);
				const outcome = sendOutcome(status);
				if (outcome === 'retry') {
					unreachable = true;
					const n = readQueue().waiting.length;
					say(
						`Your organisation's learning record store cannot be reached. ${n} result${n === 1 ? ' is' : 's are'} waiting and will be sent when it answers; your progress is kept in this browser.`,
					);
					clearTimeout(timer);
					timer = setTimeout(() => void pump(), delay);
					delay = nextRetryDelay(delay);
					return;
				}
				writeQueue(settle(readQueue(), head.statement.id));
				delay = RETRY_FIRST_MS;
				if (outcome === 'refused')
					say(
						`Your organisation's learning record store refused a result (HTTP ${status}); it will not be sent again. Your progress is kept in this browser.`,
					);
			}
		} finally {
			pumping = false;
		}
	};

	const unsubscribe = getProgressStore().subscribe(collect);
	const online = () => {
		delay = RETRY_FIRST_MS;
		void pump();
	};
	addEventListener('online', online);
	running = {
		stop() {
			stopped = true;
			clearTimeout(timer);
			unsubscribe();
			removeEventListener('online', online);
			say('');
		},
	};
	collect();
}
