/**
 * The hostile-input suite: what a careless tool, a curious learner or an attacker could feed the
 * site, driven through the real pages in Chromium. Every case asserts the message a person sees
 * and that the learner's stored progress is unchanged (or, for an unreadable stored value, kept
 * aside byte for byte). One page load per case; cases are grouped by where the input enters:
 * stored values, imports, credentials on the verify page, verification links, assignment links,
 * report files on the team page, and configuration kept in the browser.
 */
import { expect, type Page, test } from '@playwright/test';
import { packForLink, unpackFromLink } from '../../src/core/envelope/link-codec.ts';
import { encodeSetAside } from '../../src/core/progress/recover.ts';
import {
	baselineProgress,
	exported,
	genuineCredential,
	honestAttempt,
	type Json,
	recordOf,
	stored,
	withRecord,
} from './hostile-fixtures.ts';

const KEY = 'saa:progress';
const BASELINE = stored(baselineProgress());

/** Puts values into localStorage before the page's first script runs (once per test). */
async function seed(page: Page, progress: string | null, extra: Record<string, string> = {}) {
	await page.addInitScript(
		([v, more]) => {
			if (sessionStorage.getItem('hostile-seeded')) return;
			sessionStorage.setItem('hostile-seeded', '1');
			if (v !== null) localStorage.setItem('saa:progress', v);
			for (const [k, x] of Object.entries(more)) localStorage.setItem(k, x);
		},
		[progress, extra] as const,
	);
}
const storedNow = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const dataOf = (raw: string | null) => (raw === null ? null : JSON.parse(raw).data);
const noPollution = (page: Page) =>
	page.evaluate(() => {
		const o = {} as Record<string, unknown>;
		return [o.polluted, o.admin, o.x, (Object.prototype as Record<string, unknown>).polluted];
	});
/** Stored progress still says exactly what the baseline said. */
async function expectBaselineKept(page: Page) {
	expect(dataOf(await storedNow(page))).toEqual(dataOf(BASELINE));
	expect(await noPollution(page)).toEqual([undefined, undefined, undefined, undefined]);
}
test.describe('stored values: unreadable progress is set aside whole, listed, and explained', () => {
	const cases: [string, string][] = [
		['not JSON', '{"version":1,"data":{"attempts":[{"id":'],
		['an empty string', ''],
		['the JSON literal null', 'null'],
		['a JSON array', '[]'],
		['a number', '42'],
		['an envelope without data', '{"version":1}'],
		['version 0', '{"version":0,"data":{"attempts":[],"modules":{}}}'],
		['the version as text', '{"version":"1","data":{"attempts":[],"modules":{}}}'],
		['attempts that are not a list', '{"version":1,"data":{"attempts":"all of them","modules":{}}}'],
		['a __proto__ key', '{"version":1,"data":{"__proto__":{"polluted":true},"attempts":[],"modules":{}}}'],
		[
			'a constructor.prototype path',
			'{"version":1,"data":{"constructor":{"prototype":{"polluted":true}},"attempts":[],"modules":{}}}',
		],
		[
			'a score of 200 %',
			`{"version":1,"data":{"attempts":[${JSON.stringify({ ...honestAttempt(), score: 2 })}],"modules":{}}}`,
		],
		[
			'a name with a bidi override',
			`{"version":1,"data":{"attempts":[],"modules":{},"learnerName":"Ada\\u202Eelpmaxe"}}`,
		],
		['a field the site never writes', '{"version":1,"data":{"attempts":[],"modules":{},"isAdmin":true}}'],
		[
			'a module id with markup',
			'{"version":1,"data":{"attempts":[],"modules":{"<img src=x onerror=alert(1)>":{"firstOpenedAt":"2026-11-20T09:00:00.000Z","lastOpenedAt":"2026-11-20T09:00:00.000Z"}}}}',
		],
	];
	for (const [name, raw] of cases) {
		test(`stored: ${name}`, async ({ page }) => {
			await seed(page, raw);
			await page.goto('dashboard/');
			await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
			await expect(page.getByRole('alert')).toContainText('Saved progress could not be read.');
			await expect(page.getByRole('alert')).toContainText('the dashboard lists it');
			await expect(page.locator('.set-aside-list > li')).toHaveCount(1);
			const kept = await page.evaluate(() =>
				Object.keys(localStorage)
					.filter((k) => k.startsWith('saa:progress:corrupt:'))
					.map((k) => localStorage.getItem(k)),
			);
			expect(kept).toEqual([raw]);
			expect(await noPollution(page)).toEqual([undefined, undefined, undefined, undefined]);
		});
	}

	test('stored: progress from a newer site is left untouched and not set aside', async ({ page }) => {
		const raw = '{"version":99,"data":{"everything":"new"}}';
		await seed(page, raw);
		await page.goto('dashboard/');
		await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
		await expect(page.getByRole('alert')).toContainText('written by a newer version of this site');
		expect(await storedNow(page)).toBe(raw);
		await expect(page.locator('.set-aside-list')).toHaveCount(0);
	});

	test('stored: a name written as markup is shown as text on the certificate page', async ({ page }) => {
		const data = { ...baselineProgress(), learnerName: '<img src=x onerror="window.pwned=1">' };
		await seed(page, stored(data));
		await page.goto('certificates/p01/');
		await expect(page.locator('.certificate-name')).toHaveText('<img src=x onerror="window.pwned=1">');
		expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
		expect(dataOf(await storedNow(page))).toEqual(data);
	});

	test('stored: a forged pass in this browser does not give a certificate', async ({ page }) => {
		const data = baselineProgress();
		const failed = honestAttempt(6);
		data.attempts = [{ ...failed, score: 0.9, passed: true }];
		await seed(page, stored(data));
		await page.goto('certificates/p01/');
		await expect(page.getByRole('alert')).toContainText('This certificate is not shown');
		await expect(page.getByRole('alert')).toContainText(
			/the answers score 40% \(fail\), but the record claims 90% \(pass\)/,
		);
		await expect(page.getByRole('button', { name: /Download credential/ })).toHaveCount(0);
		expect(dataOf(await storedNow(page))).toEqual(data);
	});

	test('stored: recovering a record with one __proto__ key keeps everything else', async ({ page }) => {
		const good = baselineProgress();
		const raw = `{"version":1,"data":{"__proto__":{"polluted":true},${JSON.stringify(good).slice(1)}}`;
		await seed(page, raw);
		await page.goto('dashboard/');
		await expect(page.locator('.set-aside-list > li')).toHaveCount(1);
		await page.getByRole('button', { name: 'Recover' }).click();
		await expect(page.locator('.message')).toContainText('Recovered 1 attempt and 1 module record');
		await expect(page.locator('.message')).toContainText('Dropped 1 "__proto__" key');
		await expect(page.locator('.big-number')).toHaveText(/^1 of/);
		expect(dataOf(await storedNow(page)).attempts).toEqual(good.attempts);
		expect(await noPollution(page)).toEqual([undefined, undefined, undefined, undefined]);
		await expect(page.locator('.set-aside-list > li')).toHaveCount(1); // listed until deleted
	});
});

test.describe('imports: refused with a reason, and nothing changes', () => {
	const forged = () => {
		const a = honestAttempt(6);
		return exported({ attempts: [{ ...a, score: 0.9, passed: true }], modules: {} });
	};
	const cases: [string, () => string | Buffer, RegExp][] = [
		['not JSON', () => 'Dear learner, here is your progress', /This is plain text, not a progress file/],
		['an empty file', () => '', /This is empty: there is no progress file in it/],
		[
			'JSON cut short',
			() => '{"format":"secure-ai-academy/progress","ver',
			/its end is missing: it was cut short/,
		],
		['a JSON array', () => '[1,2,3]', /not a Secure AI Academy progress export/],
		[
			'another format',
			() => '{"format":"other-app/backup","version":1,"data":{}}',
			/"format" field is missing or different/,
		],
		[
			'no format at all',
			() => '{"version":1,"data":{"attempts":[],"modules":{}}}',
			/"format" field is missing or different/,
		],
		[
			'a newer version',
			() => '{"format":"secure-ai-academy/progress","version":7,"data":{}}',
			/newer version of this site/,
		],
		[
			'version 0',
			() => '{"format":"secure-ai-academy/progress","version":0,"data":{}}',
			/looks edited or damaged.*unknown version 0/,
		],
		[
			'a __proto__ key',
			() =>
				'{"format":"secure-ai-academy/progress","version":1,"data":{"__proto__":{"polluted":true},"attempts":[],"modules":{}}}',
			/contains a "__proto__" key/,
		],
		[
			'attempts that are not a list',
			() => '{"format":"secure-ai-academy/progress","version":1,"data":{"attempts":"all","modules":{}}}',
			/looks edited or damaged/,
		],
		[
			'a PNG picture',
			() => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
			/This is a PNG image, not a progress file/,
		],
		[
			'a file over 2 MB',
			() => `{"format":"secure-ai-academy/progress","pad":"${'x'.repeat(2_200_000)}"}`,
			/too large to be a progress file/,
		],
		[
			'a name with control characters',
			() => exported({ attempts: [], modules: {}, learnerName: 'Ada\u0007' } as never),
			/looks edited or damaged/,
		],
		[
			'a credential file',
			() =>
				'{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]}',
			/not a Secure AI Academy progress export/,
		],
		[
			'a team report file',
			() => '{"format":"secure-ai-academy/report","version":1}',
			/This is an assignment report, not a progress file/,
		],
	];
	for (const [name, make, message] of cases) {
		test(`import: ${name}`, async ({ page }) => {
			await seed(page, BASELINE);
			await page.goto('dashboard/');
			await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
			await page
				.locator('input[type=file]')
				.setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(make()) });
			await expect(page.locator('.message-bad')).toContainText(message);
			await expect(page.locator('.message-bad')).toContainText('Nothing was changed.');
			await expectBaselineKept(page);
		});
	}
	const rescored: [string, () => string, RegExp][] = [
		[
			'a failed attempt edited to a 90 % pass',
			forged,
			/was not imported: the answers score 40% \(fail\), but the record claims 90% \(pass\)/,
		],
		[
			'questions swapped for easier ones',
			() => {
				const a = honestAttempt(0);
				return exported({ attempts: [{ ...a, questionIds: [...a.questionIds].reverse() }], modules: {} });
			},
			/not the ones this attempt’s seed draws/,
		],
		[
			'submitted before it started',
			() => {
				const a = honestAttempt(0);
				return exported({ attempts: [{ ...a, startedAt: '2026-11-21T10:00:00.000Z' }], modules: {} });
			},
			/was submitted before it started/,
		],
	];
	for (const [name, make, message] of rescored) {
		test(`import: ${name} is not imported, and the learner is told which and why`, async ({ page }) => {
			await seed(page, BASELINE);
			await page.goto('dashboard/');
			await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
			await page
				.locator('input[type=file]')
				.setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(make()) });
			await expect(page.locator('.message-bad')).toContainText('Nothing new was imported from “edited.json”');
			await expect(page.locator('.import-refused li')).toHaveCount(1);
			await expect(page.locator('.import-refused li')).toContainText(
				/The p01-awareness attempt of 2026-11-\d\d \d\d:\d\d UTC \(revision \d+\)/,
			);
			await expect(page.locator('.import-refused li')).toContainText(message);
			await expectBaselineKept(page);
		});
	}
});

test('forged import into a fresh browser: nothing completed, no certificate, and the verify page agrees', async ({
	page,
}) => {
	const failed = honestAttempt(6);
	const file = exported({
		attempts: [{ ...failed, score: 0.9, passed: true }],
		modules: {
			'p01-awareness': {
				firstOpenedAt: '2026-11-20T09:00:00.000Z',
				lastOpenedAt: '2026-11-20T09:00:00.000Z',
				completedAt: '2026-11-20T09:00:00.000Z',
			},
		},
		learnerName: 'Mallory Example',
	});
	await page.goto('dashboard/');
	await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'forged.json', mimeType: 'application/json', buffer: Buffer.from(file) });
	await expect(page.locator('.message-bad')).toContainText(
		'1 attempt was not imported, because the answers do not give the score recorded',
	);
	await expect(page.locator('.import-refused li')).toContainText(
		'the answers score 40% (fail), but the record claims 90% (pass)',
	);
	await expect(page.locator('.big-number')).toHaveText(/^0 of/);
	expect(dataOf(await storedNow(page)).attempts).toEqual([]);
	await page.goto('certificates/p01/');
	await expect(page.locator('.certificate-view[data-hydrated=true]')).toContainText(
		'You have not earned this certificate yet',
	);
	await expect(page.locator('.certificate-view')).toContainText('Pass the assessment of');
});

test('a downloaded set-aside copy imports in another browser, keeping what validates', async ({
	page,
	browser,
}) => {
	const good = baselineProgress();
	const raw = `{"version":1,"data":{"__proto__":{"x":1},${JSON.stringify(good).slice(1)}}`;
	await seed(page, raw);
	await page.goto('dashboard/');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download', exact: true }).click(),
	]);
	const text = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
	expect(text).toBe(encodeSetAside(JSON.parse(text).keptAs, raw));
	const other = await browser.newPage();
	await other.goto('dashboard/');
	await expect(other.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	await other.locator('input[type=file]').setInputFiles({
		name: download.suggestedFilename(),
		mimeType: 'application/json',
		buffer: Buffer.from(text),
	});
	await expect(other.locator('.message')).toContainText('Recovered 1 attempt and 1 module record');
	await expect(other.locator('.big-number')).toHaveText(/^1 of/);
	await other.close();
});

test.describe('credentials on the verify page: Not valid or Not verified, naming why', () => {
	let origin = '';
	test.beforeAll(({ baseURL }) => {
		origin = String(baseURL);
	});
	type Make = (genuine: Json) => string | Promise<string>;
	const edit =
		(change: (c: Json) => void): Make =>
		(g) => {
			const c = structuredClone(g);
			change(c);
			return JSON.stringify(c);
		};
	const cases: [string, Make, RegExp][] = [
		[
			// The genuine credential in the form made before proofs (unsigned JSON): the cases below edit it.
			'the genuine credential (control)',
			(g) => JSON.stringify(g),
			/Consistent and complete, but made before credentials carried proofs/,
		],
		['not JSON', () => 'hello, I passed', /This is plain text, not a credential/],
		['an empty object', () => '{}', /not a Secure AI Academy credential/],
		['a JSON array', () => '[]', /not a Secure AI Academy credential/],
		[
			'a __proto__ key',
			() => '{"__proto__":{"polluted":true},"type":["OpenBadgeCredential"]}',
			/looks crafted \(it contains a "__proto__" key\)/,
		],
		[
			'the score raised on the outside',
			edit((c) => {
				c.credentialSubject.result[0].value = '100%';
			}),
			/score \(credentialSubject\.result\[0\]\.value\) says "100%", but its record gives "90%"/,
		],
		[
			'the name changed on the outside',
			edit((c) => {
				c.credentialSubject.identifier[0].identityHash = 'Mallory';
			}),
			/learner’s name \(credentialSubject\.identifier\[0\]\.identityHash\) says "Mallory"/,
		],
		[
			'the date moved',
			edit((c) => {
				c.validFrom = '2025-01-01T00:00:00.000Z';
			}),
			/date earned \(validFrom\) says "2025-01-01T00:00:00.000Z"/,
		],
		[
			'another principle claimed',
			edit((c) => {
				c.credentialSubject.achievement.id = c.credentialSubject.achievement.id.replace(
					'/principles/1/',
					'/principles/2/',
				);
			}),
			/achievement \(principle\) \(credentialSubject\.achievement\.id\)/,
		],
		[
			'the achievement renamed',
			edit((c) => {
				c.credentialSubject.achievement.name = 'All 13 principles';
			}),
			/achievement \(credentialSubject\.achievement\.name\) says "All 13 principles"/,
		],
		[
			'the issuer renamed',
			edit((c) => {
				c.issuer.name = 'Ministry of Security';
			}),
			/issuer \(issuer\.name\) says "Ministry of Security"/,
		],
		[
			'the issuer address changed',
			edit((c) => {
				c.issuer.id = 'https://evil.example/';
			}),
			/issuer \(issuer\.id\) says "https:\/\/evil\.example\/"/,
		],
		[
			'a provision added',
			edit((c) => {
				c.credentialSubject.achievement.tag.push('provision 13.1');
			}),
			/provisions covered \(credentialSubject\.achievement\.tag\[\d+\]\)/,
		],
		[
			'an extra claim added',
			edit((c) => {
				c.credentialSubject.rank = 'top 1%';
			}),
			/never writes: credentialSubject\.rank/,
		],
		[
			'the record inside damaged',
			edit((c) => {
				c.evidence[0].id = 'data:application/json;base64,!!!!';
			}),
			/record inside the credential is damaged/,
		],
		[
			'no record inside',
			edit((c) => {
				c.evidence[0].id = 'https://evil.example/record';
			}),
			/carries no assessment record/,
		],
		[
			'the record inside edited (claimed score)',
			(g) => {
				const r = recordOf(g);
				r.claim.score = 1;
				return JSON.stringify(withRecord(g, r));
			},
			/credential id does not match its assessment record/,
		],
		[
			'the record inside edited (an answer)',
			(g) => {
				const r = recordOf(g);
				r.evidence.attempts[0].answers = {};
				return JSON.stringify(withRecord(g, r));
			},
			/the answers score 0% \(fail\), but the record claims 90% \(pass\)/,
		],
		[
			'a JWT that is not one',
			() => 'eyJhbGciOiJub25lIn0.e30.',
			/cut short or altered: one of its three parts is empty/,
		],
		[
			'a JWT with alg none',
			() =>
				`${Buffer.from('{"alg":"none","kid":"x"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`,
			/signed with none; this site accepts only ES256/,
		],
		[
			'a JWT from an unknown key',
			() =>
				`${Buffer.from('{"alg":"ES256","kid":"https://stranger.example/keys/k.jwk.json"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`,
			/The key "https:\/\/stranger\.example\/keys\/k\.jwk\.json" is not one this site publishes/,
		],
		[
			'a JWT in the older EdDSA format',
			() =>
				`${Buffer.from('{"alg":"EdDSA","kid":"stranger"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`,
			/countersigned with EdDSA, before this site followed Open Badges 3\.0 §8\.2 \(ES256 or RS256\)\. It is not forged/,
		],
	];
	for (const [name, make, message] of cases) {
		test(`credential: ${name}`, async ({ page }) => {
			await seed(page, BASELINE);
			await page.goto('verify/');
			await expect(page.locator('.verify[data-hydrated=true]')).toBeVisible();
			const text = await make(await genuineCredential(new URL('./', origin).href));
			await page.locator('#verify-paste').fill(text);
			await page.getByRole('button', { name: 'Check', exact: true }).click();
			await expect(page.locator('[aria-live=polite]')).toContainText(message);
			if (!name.includes('control'))
				await expect(page.locator('[aria-live=polite] h2')).toHaveText(/^Not (valid|verified)/);
			await expectBaselineKept(page);
		});
	}
	test('credential: a file far larger than any credential', async ({ page }) => {
		await seed(page, BASELINE);
		await page.goto('verify/');
		await expect(page.locator('.verify[data-hydrated=true]')).toBeVisible();
		await page.locator('input[type=file]').setInputFiles({
			name: 'huge.json',
			mimeType: 'application/json',
			buffer: Buffer.alloc(2_300_000, 32),
		});
		await expect(page.getByRole('alert')).toContainText(/a credential is well under 2 MB/);
		await expectBaselineKept(page);
	});
});

/** The first position where one changed character still unpacks, but into text that is not JSON. */
async function alteredAt(packed: string): Promise<number> {
	for (let i = 0; i < packed.length; i++) {
		const changed = `${packed.slice(0, i)}${packed[i] === 'A' ? 'B' : 'A'}${packed.slice(i + 1)}`;
		try {
			JSON.parse(await unpackFromLink(changed));
		} catch (e) {
			if (e instanceof SyntaxError && !/characters a packed record/.test(e.message)) return i;
		}
	}
	throw new Error('no one-character change of this link unpacks into non-JSON');
}

test.describe('verification links', () => {
	const cases: [string, () => Promise<string>, RegExp][] = [
		['no record in the link', async () => '#foo=1', /does not carry a record/],
		['characters a link never has', async () => '#r=abc$%def', /damaged or cut short/],
		[
			'cut short',
			async () => `#r=${(await packForLink('{"claim":{},"evidence":{}}')).slice(0, 8)}`,
			/damaged or cut short/,
		],
		[
			'a record with a __proto__ key',
			async () => `#r=${await packForLink('{"__proto__":{"polluted":true},"claim":1,"evidence":1}')}`,
			/looks crafted/,
		],
		[
			'a record of the wrong shape',
			async () => `#r=${await packForLink('{"claim":{"achievement":"p99"},"evidence":{}}')}`,
			/record was edited or damaged/,
		],
		['a JWT that is garbage', async () => '#jwt=a.b.c', /could not be read|header is damaged/],
		[
			'one character changed',
			async () => {
				const packed = await packForLink(
					'{"claim":{"achievement":"p01","score":0.9},"evidence":{"attempts":[]}}',
				);
				const i = await alteredAt(packed);
				return `#r=${packed.slice(0, i)}${packed[i] === 'A' ? 'B' : 'A'}${packed.slice(i + 1)}`;
			},
			/This verification link was altered: at least one character in it differs/,
		],
	];
	for (const [name, make, message] of cases) {
		test(`verify link: ${name}`, async ({ page }) => {
			await seed(page, BASELINE);
			await page.goto(`verify/${await make()}`);
			await expect(page.locator('.verify[data-hydrated=true]')).toBeVisible();
			await expect(page.locator('[aria-live=polite]')).toContainText(message);
			await expectBaselineKept(page);
		});
	}
});

test.describe('assignment links', () => {
	const cases: [string, () => Promise<string>, RegExp][] = [
		[
			'a __proto__ key inside',
			async () =>
				`#a=${await packForLink('{"__proto__":{"polluted":true},"v":1,"a":{},"s":"0123456789abcdef"}')}`,
			/.+/,
		],
		['not JSON inside', async () => `#a=${await packForLink('this is not json')}`, /.+/],
		[
			'a module this site does not have',
			async () =>
				`#a=${await packForLink(JSON.stringify({ v: 1, a: { title: 'T', items: [{ module: 'no-such-module' }] }, s: '0123456789abcdef' }))}`,
			/.+/,
		],
		[
			'nested a thousand deep',
			async () => `#a=${await packForLink(`${'['.repeat(1000)}${']'.repeat(1000)}`)}`,
			/.+/,
		],
		[
			'a title with markup',
			async () =>
				`#a=${await packForLink(JSON.stringify({ v: 1, a: { title: '<script>window.pwned=1</script>', items: [{ module: 'p01-awareness' }] }, s: '0000000000000000' }))}`,
			/changed after it was made/,
		],
		[
			'an unknown extra field',
			async () =>
				`#a=${await packForLink(JSON.stringify({ v: 1, a: { title: 'T', items: [{ module: 'p01-awareness' }] }, s: '0000000000000000', admin: true }))}`,
			/.+/,
		],
	];
	for (const [name, make, message] of cases) {
		test(`assignment link: ${name}`, async ({ page }) => {
			await seed(page, BASELINE);
			await page.goto(`assignments/open/${await make()}`);
			const alert = page.getByRole('alert');
			await expect(alert).toContainText(message);
			await expect(alert).toContainText('Nothing was added to your progress');
			expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
			await expectBaselineKept(page);
		});
	}
});

test.describe('report files on the team page', () => {
	const cases: [string, () => string | Buffer, RegExp][] = [
		[
			'not JSON',
			() => 'Dear manager, all done!',
			/Rejected\. This is plain text, not a learner’s report file/,
		],
		[
			'a PNG picture',
			() =>
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
			/Rejected\. This is a PNG image, not a learner’s report file\. Ask the learner for their report file/,
		],
		['an empty file', () => '', /Rejected/],
		[
			'a __proto__ key',
			() => '{"__proto__":{"polluted":true},"format":"secure-ai-academy/report"}',
			/Rejected.*__proto__/,
		],
		['a JSON array', () => '[]', /Rejected/],
		['a progress export instead', () => exported(baselineProgress()), /Rejected/],
		['a newer report version', () => '{"format":"secure-ai-academy/report","version":9}', /Rejected.*newer/],
		['nested far too deep', () => `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`, /Rejected/],
		[
			'a report of the wrong shape',
			() => '{"format":"secure-ai-academy/report","version":1,"digest":"00"}',
			/Rejected/,
		],
	];
	for (const [name, make, message] of cases) {
		test(`report file: ${name}`, async ({ page }) => {
			await seed(page, BASELINE);
			await page.goto('team/');
			await expect(page.locator('.team-report[data-hydrated=true]')).toBeVisible();
			await page
				.locator('input[type=file]')
				.first()
				.setInputFiles({ name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(make()) });
			await expect(page.locator('.file-results > li')).toContainText(message);
			await expectBaselineKept(page);
			expect(await noPollution(page)).toEqual([undefined, undefined, undefined, undefined]);
		});
	}
});

test.describe('configuration kept in the browser', () => {
	const themes = ['<script>', 'dark; color: red', '{"__proto__":1}'];
	for (const theme of themes) {
		test(`theme setting: ${JSON.stringify(theme)} is ignored`, async ({ page }) => {
			await seed(page, BASELINE, { 'saa-theme': theme });
			await page.goto('dashboard/');
			await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
			await expect(page.locator('#theme-auto')).toBeChecked();
			await expectBaselineKept(page);
		});
	}
});

test('storage refused: the result screen says what is true and offers the attempt and the visit as files', async ({
	page,
	browser,
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
	await page.goto('modules/p01-awareness/');
	await expect(page.locator('.quiz-island[data-hydrated=true]')).toBeVisible();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await page.getByRole('button', { name: 'Finish and record this practice' }).click();
	await expect(page.locator('.quiz-result')).toBeVisible();
	const notice = page.getByRole('alert');
	await expect(notice).toContainText('lost as soon as you leave or reload it');
	await expect(notice).not.toContainText('when you close the page');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		notice.getByRole('button', { name: 'Download the latest attempt' }).click(),
	]);
	await expect(notice.getByRole('button', { name: 'Download this visit’s progress' })).toBeVisible();
	const text = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
	expect(JSON.parse(text)).toMatchObject({
		format: 'secure-ai-academy/progress',
		data: { attempts: [{ mode: 'practice' }] },
	});
	const other = await browser.newPage();
	await other.goto('dashboard/');
	await expect(other.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	await other
		.locator('input[type=file]')
		.setInputFiles({ name: 'attempt.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(other.locator('.message-ok')).toContainText('Imported 1 new attempt');
	await other.close();
});
