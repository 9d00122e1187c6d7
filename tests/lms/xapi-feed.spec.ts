/**
 * The optional xAPI feed to an organisation's LRS, outside an LMS (academy.config.yaml `lrs:`),
 * against a strict LRS run by the test on another origin (so CORS and the CSP's connect-src are
 * exercised as in production). The site is built with tests/fixtures/config/lrs.yaml into
 * dist-lrs/ when this file loads (XAPI_REUSE_BUILD=1 reuses an existing dist-lrs/), and served
 * from 127.0.0.1:4344; the LRS listens on 127.0.0.1:4345, as that config says.
 *
 * The LRS refuses (400, and records a violation) any statement with a field beyond those
 * docs/lms.md lists, any request without the write key or the xAPI version header, and any
 * request from another origin.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, watchPage } from '../e2e/helpers.ts';
import { TYPES } from './lms-server.ts';
import { attempt, markRead } from './quiz-actions.ts';

const root = new URL('../..', import.meta.url).pathname;
const DIST = join(root, 'dist-lrs');
const SITE = 'http://127.0.0.1:4344';
const LRS_PORT = 4345;
const KEY = 'feed-writer:s3cret-write-only';
const ACTOR = {
	objectType: 'Agent',
	account: { homePage: 'https://people.example.org', name: 'staff-1234' },
};
const MODULE = 'p01-awareness';

if (process.env.XAPI_REUSE_BUILD !== '1' || !existsSync(DIST)) {
	const r = spawnSync(
		process.execPath,
		[join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
		{
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, ACADEMY_CONFIG: 'tests/fixtures/config/lrs.yaml', ACADEMY_OUT_DIR: 'dist-lrs' },
		},
	);
	if (r.status !== 0) throw new Error(`the build with lrs: failed:\n${r.stdout}\n${r.stderr}`);
	// Playwright loads this file again in its worker, which inherits this environment: build once.
	process.env.XAPI_REUSE_BUILD = '1';
}

interface Statement {
	id: string;
	actor: unknown;
	verb: { id: string; display: unknown };
	object: { objectType: string; id: string };
	result: Record<string, unknown>;
	timestamp: string;
}

const sorted = (o: object) => Object.keys(o).sort().join(',');

class StrictLrs {
	statements: Statement[] = [];
	violations: string[] = [];
	requests = 0;
	/** Failure injection: answer the next N statement requests with 503. */
	down = 0;

	check(s: Statement): string[] {
		const v: string[] = [];
		if (sorted(s) !== 'actor,id,object,result,timestamp,verb') v.push(`statement fields: ${sorted(s)}`);
		if (!/^[0-9a-f-]{36}$/.test(s.id)) v.push('id must be a UUID');
		if (JSON.stringify(s.actor) !== JSON.stringify(ACTOR)) v.push(`actor: ${JSON.stringify(s.actor)}`);
		if (sorted(s.verb) !== 'display,id') v.push('verb fields');
		if (sorted(s.object) !== 'id,objectType' || s.object.objectType !== 'Activity') v.push('object fields');
		if (Number.isNaN(Date.parse(s.timestamp))) v.push('timestamp');
		const verb = s.verb.id.split('/').pop();
		if (verb === 'completed') {
			if (JSON.stringify(s.result) !== '{"completion":true}') v.push('completed result');
			if (!/^http:\/\/127\.0\.0\.1:4344\/modules\/[a-z0-9-]+\/$/.test(s.object.id)) v.push('module id');
		} else if (verb === 'passed' || verb === 'failed') {
			if (sorted(s.result) !== 'completion,duration,score,success')
				v.push(`result fields: ${sorted(s.result)}`);
			if (sorted(s.result.score as object) !== 'max,min,raw,scaled') v.push('score fields');
			if (s.result.success !== (verb === 'passed')) v.push('success');
			if (!/^PT(\d+H)?(\d+M)?[\d.]+S$/.test(String(s.result.duration))) v.push('duration');
			if (!/^http:\/\/127\.0\.0\.1:4344\/quizzes\/[a-z0-9-]+$/.test(s.object.id)) v.push('quiz id');
		} else v.push(`verb ${s.verb.id}`);
		return v;
	}

	listen(): Promise<Server> {
		const cors = {
			'access-control-allow-origin': SITE,
			'access-control-allow-methods': 'POST, PUT',
			'access-control-allow-headers': 'authorization, content-type, x-experience-api-version',
			vary: 'origin',
		};
		const server = createServer((req, res) => {
			let body = '';
			req.on('data', (c) => {
				body += c;
			});
			req.on('end', () => {
				if (req.headers.origin !== SITE) this.violations.push(`request from origin ${req.headers.origin}`);
				if (req.method === 'OPTIONS') {
					res.writeHead(204, cors).end();
					return;
				}
				this.requests++;
				const reply = (status: number, text = ''): void => {
					res.writeHead(status, cors).end(text);
				};
				if (req.url !== '/xapi/statements' || req.method !== 'POST') return reply(404);
				if (this.down > 0) {
					this.down--;
					return reply(503);
				}
				if (req.headers.authorization !== `Basic ${Buffer.from(KEY).toString('base64')}`) {
					this.violations.push('no or wrong write key');
					return reply(401);
				}
				if (req.headers['x-experience-api-version'] !== '1.0.3') this.violations.push('xAPI version header');
				if (req.headers.cookie || req.headers.referer) this.violations.push('cookie or referrer sent');
				const s = JSON.parse(body) as Statement;
				const problems = this.check(s);
				if (problems.length > 0) {
					this.violations.push(...problems);
					return reply(400, problems.join('; '));
				}
				const same = this.statements.find((x) => x.id === s.id);
				if (same) return reply(JSON.stringify(same) === JSON.stringify(s) ? 204 : 409);
				this.statements.push(s);
				return reply(200, JSON.stringify([s.id]));
			});
		});
		return new Promise((r) => server.listen(LRS_PORT, '127.0.0.1', () => r(server)));
	}
}

function serveSite(): Promise<Server> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', SITE).pathname);
		let file = join(DIST, path);
		if (!file.startsWith(DIST)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			res.writeHead(404).end('not found');
			return;
		}
		res
			.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
			.end(readFileSync(file));
	});
	return new Promise((r) => server.listen(4344, '127.0.0.1', () => r(server)));
}

let lrs: StrictLrs;
let servers: Server[] = [];
test.beforeEach(async () => {
	lrs = new StrictLrs();
	servers = [await serveSite(), await lrs.listen()];
});
test.afterEach(async () => {
	for (const s of servers) await new Promise((r) => s.close(r));
});

const verbs = () => lrs.statements.map((s) => s.verb.id.split('/').pop());

async function optIn(page: Page, name: string) {
	await page.goto(`${SITE}/dashboard/`);
	const section = page.locator('#lrs-optin');
	await expect(section).toBeVisible();
	await expect(section).toContainText('Nothing is sent unless you turn this on');
	await section.getByLabel('Your staff id (or your name)').fill(name);
	await section.getByRole('button', { name: 'Start sending my results' }).click();
	await expect(section.locator('[data-lrs-status]')).toContainText(`sent as "${name.trim()}"`);
	await expect(section.getByRole('button', { name: 'Stop sending' })).toBeFocused();
}

async function openModule(page: Page) {
	await page.goto(`${SITE}/modules/${MODULE}/`);
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
}

test('the CSP names the LRS origin only in the build that configures it', () => {
	const csp = (dir: string) =>
		/connect-src[^;"]*/.exec(readFileSync(join(root, dir, 'modules', MODULE, 'index.html'), 'utf8'))?.[0];
	expect(csp('dist-lrs')).toBe("connect-src 'self' http://127.0.0.1:4345");
	const page = readFileSync(join(DIST, 'dashboard/index.html'), 'utf8');
	expect(page).toContain('id="lrs-optin"');
	if (existsSync(join(root, 'dist', 'modules', MODULE, 'index.html'))) {
		// The default build (npm run build): no LRS origin, and none of the feed's markup or code.
		expect(csp('dist')).toBe("connect-src 'self'");
		for (const p of [`modules/${MODULE}/index.html`, 'dashboard/index.html']) {
			const html = readFileSync(join(root, 'dist', p), 'utf8');
			expect(html).not.toContain('saa-lrs');
			expect(html).not.toContain('lrs-optin');
		}
	}
});

test('opted in: a module read and assessments arrive with exactly the documented fields', async ({
	page,
}) => {
	const watch = watchPage(page, SITE);
	await page.goto(`${SITE}/dashboard/`);
	await expect(page.locator('#lrs-optin')).toBeVisible();
	await expectNoAxeViolations(page, 'dashboard with the LRS opt-in');
	// A name made of spaces is refused with a reason, and nothing is turned on.
	await page.getByLabel('Your staff id (or your name)').fill('   ');
	await page.getByRole('button', { name: 'Start sending my results' }).click();
	await expect(page.locator('#lrs-optin [data-lrs-status]')).toContainText('Not started: the name is empty');
	await optIn(page, '  staff-1234 ');
	await expectNoAxeViolations(page, 'dashboard with the LRS feed on');
	await openModule(page);
	await markRead(page);
	await expect.poll(verbs).toEqual(['completed']);
	await attempt(page, false);
	await expect.poll(verbs).toEqual(['completed', 'failed']);
	await attempt(page, true);
	await expect.poll(verbs).toEqual(['completed', 'failed', 'passed']);
	expect(lrs.statements[0]?.object.id).toBe(`${SITE}/modules/${MODULE}/`);
	expect(lrs.statements[1]?.result).toMatchObject({
		score: { scaled: 0, raw: 0, min: 0, max: 100 },
		success: false,
	});
	expect(lrs.statements[2]?.result).toMatchObject({
		score: { scaled: 1, raw: 100, min: 0, max: 100 },
		success: true,
	});
	expect(lrs.statements[2]?.object.id).toBe(`${SITE}/quizzes/${MODULE}`);
	// Each event once: reloading the page sends nothing again.
	await openModule(page);
	await page.waitForTimeout(1500);
	expect(verbs()).toEqual(['completed', 'failed', 'passed']);
	expect(lrs.violations).toEqual([]);
	// Only the LRS's origin was contacted, and the CSP blocked nothing (a violation logs an error).
	expect(new Set(watch.foreign.map((u) => new URL(u).origin))).toEqual(
		new Set([`http://127.0.0.1:${LRS_PORT}`]),
	);
	expect(watch.errors).toEqual([]);
});

test('an unreachable LRS: a notice, the statements wait, and they arrive in order when it answers', async ({
	page,
}) => {
	await optIn(page, 'staff-1234');
	await openModule(page);
	lrs.down = 3;
	await markRead(page);
	const notice = page.locator('main .lrs-notice');
	await expect(notice).toContainText('cannot be reached');
	await expect(notice).toContainText('waiting and will be sent when it answers; your progress is kept');
	await expectNoAxeViolations(page, 'module page with the LRS notice');
	await attempt(page, true);
	await expect.poll(verbs, { timeout: 30_000 }).toEqual(['completed', 'passed']);
	await expect(notice).toContainText('Connection restored');
	// The learner's own record was never touched by the outage.
	await expect(page.locator('.quiz-result .score')).toContainText('100% · Passed');
	expect(lrs.violations).toEqual([]);

	// Closed while the LRS is down: the queue survives in local storage and goes from the next page.
	lrs.down = 1000;
	await attempt(page, false);
	await expect(notice).toContainText('cannot be reached');
	await page.goto(`${SITE}/dashboard/`);
	lrs.down = 0;
	await expect.poll(verbs, { timeout: 30_000 }).toEqual(['completed', 'passed', 'failed']);
	expect(lrs.violations).toEqual([]);
});

test('not opted in, or opted out: nothing is sent', async ({ page }) => {
	await openModule(page);
	await markRead(page);
	await attempt(page, true);
	await page.waitForTimeout(1500);
	expect(lrs.requests).toBe(0);

	await optIn(page, 'staff-1234');
	await page.getByRole('button', { name: 'Stop sending' }).click();
	await expect(page.locator('#lrs-optin [data-lrs-status]')).toContainText('Stopped');
	await expect(page.getByRole('button', { name: 'Start sending my results' })).toBeVisible();
	await openModule(page);
	await attempt(page, false);
	await page.waitForTimeout(1500);
	expect(lrs.requests).toBe(0);
	expect(lrs.violations).toEqual([]);
});
