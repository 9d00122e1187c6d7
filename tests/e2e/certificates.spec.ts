import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
	generateLearnerKey,
	generateSigningKey,
	organisationKidOf,
	signCredential,
	signSelfIssued,
} from '../../src/core/certificates/signing.ts';
import { expectNoAxeViolations, watchPage } from './helpers.ts';
import { loadQuiz, openQuizAt, passAssessmentByKeyboard, tabTo } from './quiz-helpers.ts';

const quiz = loadQuiz('p01-awareness');
const NAME = 'Αλέξανδρος 王小明';

async function pdfFacts(bytes: Uint8Array) {
	const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false }).promise;
	const texts: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		texts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
	}
	const meta = await doc.getMetadata();
	const ops = await (await doc.getPage(1)).getOperatorList();
	const images = ops.fnArray.filter((op) => op === pdfjs.OPS.paintImageXObject).length;
	// Tagged: a structure tree whose elements are the certificate's texts (tests/islands/certificate-pdf.test.ts has the detail).
	const tree = (await (await doc.getPage(1)).getStructTree()) as {
		children?: { children?: unknown[] }[];
	} | null;
	const elements = tree?.children?.[0]?.children?.length ?? 0;
	return {
		pages: doc.numPages,
		text: texts.join('\n'),
		info: meta.info as Record<string, string>,
		images,
		elements,
	};
}

/** Passes principle 1: reads the module (marks it) and passes its assessment. */
async function earnPrinciple1(page: Page) {
	await openQuizAt(page, 'modules/p01-awareness/');
	await tabTo(page, '.read-mark button');
	await page.keyboard.press('Enter');
	await expect(page.locator('.read-mark.is-read')).toContainText('You marked this module as read');
	await passAssessmentByKeyboard(page, quiz);
}

async function download(page: Page, button: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click(),
	]);
	const path = await file.path();
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

test('a principle earned end to end: certificate with a non-Latin name, PDF, print, credential, verification', async ({
	page,
	baseURL,
}) => {
	test.setTimeout(120_000);
	const watch = watchPage(page, new URL(baseURL as string).origin);

	// Before: the list says what is left, and the certificate page does not pretend.
	await page.goto('certificates/');
	await expect(page.locator('.certificates[data-hydrated=true]')).toBeVisible();
	const p1 = page.locator('[data-certificate=p01]');
	await expect(p1).toContainText('Not yet');
	await expect(p1).toContainText('mark it as read and pass its assessment');
	await expectNoAxeViolations(page, 'certificates list');

	await earnPrinciple1(page);

	await page.goto('certificates/');
	await expect(page.locator('.certificates[data-hydrated=true]')).toBeVisible();
	await expect(page.getByRole('heading', { name: /Earned: 1 of 17/ })).toBeVisible();
	await expect(p1).toContainText('Earned');
	await expect(page.locator('[data-certificate=p02]')).toContainText('Not yet');
	await page.goto('dashboard/');
	await expect(page.locator('.dashboard[data-hydrated=true]')).toBeVisible();
	await expect(page.getByText(/Certificates earned: 1 of 17 \(principle 1\)/)).toBeVisible();
	await page.goto('certificates/');
	await expect(page.locator('.certificates[data-hydrated=true]')).toBeVisible();

	// A bidi override in a name is refused with a reason; a real non-Latin name is kept.
	const field = page.getByLabel('Your name, as it should appear');
	await field.fill('Eve\u202Egnp.exe');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('alert')).toContainText('text-direction override');
	await field.fill(NAME);
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByText('Name saved in this browser.')).toBeVisible();

	await p1.getByRole('link').click();
	await expect(page.locator('.certificate-view[data-hydrated=true]')).toBeVisible();
	const cert = page.locator('article.certificate');
	await expect(cert.locator('.certificate-name')).toHaveText(NAME);
	await expect(cert).toContainText('Principle 1: Raise awareness of AI security threats and risks');
	await expect(cert).toContainText('Provisions covered: 1.1, 1.1.1, 1.2, 1.2.1, 1.2.2');
	await expect(cert).toContainText('100%');
	await expect(cert).toContainText('Self-declared');
	const id = (await cert.getAttribute('data-certificate-id')) as string;
	expect(id).toMatch(/^SAA-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
	await expect(cert.locator('.certificate-id')).toHaveText(id);
	await expectNoAxeViolations(page, 'certificate');

	// PDF: one page, the name in its own script, proper metadata.
	const pdf = await download(page, 'Download PDF');
	expect(pdf.name).toBe(`certificate-p01-${id.toLowerCase()}.pdf`);
	const facts = await pdfFacts(pdf.bytes);
	expect(facts.pages).toBe(1);
	expect(facts.text).toContain('Αλέξανδρος');
	// CJK characters come from several font files (one run each), which text extraction splits with spaces.
	expect(facts.text.replace(/\s+/g, '')).toContain('王小明');
	expect(facts.text).toContain(id);
	expect(facts.text).toContain('Raise awareness of AI security threats and risks');
	expect(facts.info.Title).toBe('Certificate: Principle 1: Raise awareness of AI security threats and risks');
	expect(facts.info.Author).toBeTruthy();
	expect(facts.info.Subject).toContain(NAME);
	expect(facts.images).toBe(0);
	// Ten texts from the organisation to the verification note (this site names no signatory).
	expect(facts.elements).toBe(10);

	// Arabic joins and changes shape, which pdf-lib cannot do: the browser shapes it into a picture,
	// with the text laid invisibly over it.
	await page.getByLabel('Your name, as it should appear').fill('فاطمة الزهراء');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(cert.locator('.certificate-name')).toHaveText('فاطمة الزهراء');
	const arabic = await pdfFacts((await download(page, 'Download PDF')).bytes);
	expect(arabic.pages).toBe(1);
	expect(arabic.images).toBe(1);
	expect(arabic.elements).toBe(10);
	expect(arabic.info.Subject).toContain('فاطمة الزهراء');
	await page.getByLabel('Your name, as it should appear').fill(NAME);
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(cert.locator('.certificate-name')).toHaveText(NAME);

	// Print: only the certificate, on exactly one page (A4 and Letter).
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.locator('.certificate-actions')).toBeHidden();
	await expect(page.locator('.learner-name')).toBeHidden();
	await expect(cert).toBeVisible();
	for (const format of ['A4', 'Letter'] as const) {
		const printed = await pdfFacts(new Uint8Array(await page.pdf({ format, landscape: true })));
		expect(printed.pages, `${format} print`).toBe(1);
		expect(printed.text).toContain(id);
	}
	await page.emulateMedia({ media: 'screen' });

	// The Open Badges 3.0 credential: a VC-JWT self-issued by the learner (a key made in this browser).
	const credential = await download(page, 'Download credential (Open Badges 3.0)');
	const token = new TextDecoder().decode(credential.bytes).trim();
	expect(token).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
	const json = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));
	expect(json.type).toContain('OpenBadgeCredential');
	expect(json.issuer.id).toMatch(/^did:jwk:/);
	expect(json.sub).toBe(json.issuer.id);
	expect(json.credentialSubject.identifier[0].identityHash).toBe(NAME);

	await page.goto('verify/');
	await expect(page.locator('.verify[data-hydrated=true]')).toBeVisible();
	await page.locator('input[type=file]').setInputFiles({
		name: 'mine.jwt',
		mimeType: 'text/plain',
		buffer: Buffer.from(credential.bytes),
	});
	await expect(page.locator('.verify-result')).toContainText(
		'Consistent and complete, self-issued by the learner',
	);
	await expect(page.locator('.verify-result')).toContainText(id);
	await expectNoAxeViolations(page, 'verify with a result');

	// Edited: a better score written into the record, and signed again with another key of the
	// learner's own, has a good signature but is caught by re-scoring.
	const record = JSON.parse(Buffer.from(json.evidence[0].id.split(',')[1], 'base64').toString('utf8'));
	record.evidence.attempts[0].answers = {};
	json.evidence[0].id = `data:application/json;base64,${Buffer.from(JSON.stringify(record)).toString('base64')}`;
	const learner = await generateLearnerKey();
	json.issuer.id = learner.did;
	json.credentialSubject.id = learner.did;
	await page.locator('input[type=file]').setInputFiles({
		name: 'edited.jwt',
		mimeType: 'text/plain',
		buffer: Buffer.from(await signSelfIssued(json, learner)),
	});
	await expect(page.locator('.verify-result')).toContainText('Not valid');
	await expect(page.locator('.verify-problems')).toContainText('id does not match');
	await expect(page.locator('.verify-problems')).toContainText('the answers score 0%');

	// The verification link carries the record.
	await page.goto('certificates/p01/');
	await expect(page.locator('.certificate-view[data-hydrated=true]')).toBeVisible();
	const link = (await page.getByRole('link', { name: 'Verification link' }).getAttribute('href')) as string;
	await page.goto(link);
	await expect(page.locator('.verify-result')).toContainText('Consistent and complete');
	await page.goto(`${link.split('#')[0]}#r=${link.split('#r=')[1]?.slice(0, 40)}`);
	await expect(page.getByRole('alert')).toContainText('damaged or cut short');

	expect(watch.foreign).toEqual([]);
	expect(watch.errors).toEqual([]);
});

test('a countersigned credential verifies; a tampered, revoked or foreign one does not', async ({ page }) => {
	test.setTimeout(90_000);
	// The organisation's key pair for this test (its kid the https-style address the key is served
	// at); the site is made to publish its public half.
	const kid = organisationKidOf('http://127.0.0.1:4321/', 'org-test-2026');
	const org = await generateSigningKey(kid);
	const stranger = await generateSigningKey(kid);
	let revoked = { keys: [] as string[], credentials: [] as { id: string }[] };
	await page.route('**/keys/jwks.json', (route) => route.fulfill({ json: { keys: [org.publicJwk] } }));
	await page.route('**/keys/revoked.json', (route) => route.fulfill({ json: revoked }));

	await earnPrinciple1(page);
	await page.goto('certificates/p01/');
	await expect(page.locator('.certificate-view[data-hydrated=true]')).toBeVisible();
	await page.getByLabel('Your name, as it should appear').fill('Zoë Ødegård');
	await page.getByRole('button', { name: 'Save name' }).click();
	const selfIssued = new TextDecoder()
		.decode((await download(page, 'Download credential (Open Badges 3.0)')).bytes)
		.trim();
	// What `npm run certify -- sign` makes of it: the same credential, issued by the organisation
	// (this checkout names the site as organisation), about the learner's did:jwk.
	const {
		iss: _i,
		sub: _s,
		jti: _j,
		nbf: _n,
		...credential
	} = JSON.parse(Buffer.from(selfIssued.split('.')[1] as string, 'base64url').toString('utf8'));
	const record = JSON.parse(Buffer.from(credential.evidence[0].id.split(',')[1], 'base64').toString('utf8'));
	const siteUrl = record.evidence.site.url as string;
	credential.issuer = { id: siteUrl, type: ['Profile'], name: 'Secure AI Academy', url: siteUrl };
	const jwt = await signCredential(credential, org.privateJwk);

	const check = async (text: string) => {
		await page.goto('verify/');
		await expect(page.locator('.verify[data-hydrated=true]')).toBeVisible();
		await page
			.locator('input[type=file]')
			.setInputFiles({ name: 'c.jwt', mimeType: 'text/plain', buffer: Buffer.from(text) });
		return page.locator('[aria-live=polite]');
	};

	await expect(await check(jwt)).toContainText('Verified: countersigned by');
	await expect(page.locator('.verify-result')).toContainText('org-test-2026');

	const [h, p, s] = jwt.split('.');
	const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString('utf8'));
	payload.credentialSubject.identifier[0].identityHash = 'Mallory';
	const tampered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
	await expect(await check(tampered)).toContainText('Not verified');
	await expect(page.getByRole('alert')).toContainText('changed after it was signed');

	await expect(await check(await signCredential(credential, stranger.privateJwk))).toContainText(
		'changed after it was signed',
	);

	revoked = { keys: [], credentials: [{ id: credential.id }] };
	await expect(await check(jwt)).toContainText('revoked this credential');
});

test.describe('offline', () => {
	test.use({ serviceWorkers: 'allow' });

	/** Waits until the service worker has saved the site (what a learner's first visit does). */
	async function waitForPrecache(page: Page) {
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await expect
			.poll(() => page.evaluate(() => caches.keys().then((k) => k.some((n) => /^saa-[0-9a-f]+$/.test(n)))), {
				timeout: 60_000,
			})
			.toBe(true);
		await expect
			.poll(
				() =>
					page.evaluate(async () => {
						const name = (await caches.keys()).find((k) => /^saa-[0-9a-f]+$/.test(k)) as string;
						return (await (await caches.open(name)).keys()).length;
					}),
				{ timeout: 60_000 },
			)
			.toBeGreaterThan(100);
	}

	/** How many saved files (in any of the worker's caches) have a URL that matches. */
	const savedCount = (page: Page, file: RegExp) =>
		page.evaluate(async (source) => {
			const re = new RegExp(source);
			const urls = new Set<string>();
			for (const name of await caches.keys()) {
				for (const req of await (await caches.open(name)).keys()) if (re.test(req.url)) urls.add(req.url);
			}
			return urls.size;
		}, file.source);

	/** Whether the service worker holds a font file whose name matches. */
	const saved = (page: Page, file: RegExp) =>
		page.evaluate(async (source) => {
			const re = new RegExp(source);
			for (const name of await caches.keys()) {
				for (const req of await (await caches.open(name)).keys()) if (re.test(req.url)) return true;
			}
			return false;
		}, file.source);

	test('the PDF is made offline for a Latin name; a font never saved gets a plain message, then is saved on the next visit', async ({
		page,
		context,
	}) => {
		test.setTimeout(180_000);
		await page.goto('');
		await waitForPrecache(page);
		// The PDF maker and the Latin fonts are precached; the Chinese slices are not.
		expect(await saved(page, /\/_astro\/certificate-pdf\.[^/]+\.js$/)).toBe(true);
		expect(await saved(page, /\/fonts\/noto-sans-latin-ext-400-normal\.woff$/)).toBe(true);
		expect(await saved(page, /\/fonts\/noto-sans-sc-/)).toBe(false);
		await earnPrinciple1(page);

		await context.setOffline(true);
		await page.goto('certificates/p01/');
		await expect(page.locator('.certificate-view[data-hydrated=true]')).toBeVisible();
		const nameField = page.getByLabel('Your name, as it should appear');
		await nameField.fill('Łukasz Wiśniewski');
		await page.getByRole('button', { name: 'Save name' }).click();
		const pdf = await download(page, 'Download PDF');
		expect((await pdfFacts(pdf.bytes)).text).toContain('Łukasz Wiśniewski');
		await expect(page.getByRole('status').filter({ hasText: 'PDF downloaded.' })).toBeVisible();

		// A name in a script whose font this device never fetched: no PDF, and a plain reason.
		await nameField.fill('王小明');
		await page.getByRole('button', { name: 'Save name' }).click();
		await page.getByRole('button', { name: 'Download PDF' }).click();
		const status = page.getByRole('status').filter({ hasText: 'The PDF needs a connection once' });
		await expect(status).toBeVisible();
		await expect(status).toContainText('print the page now');
		await expectNoAxeViolations(page, 'certificate offline, PDF message');
		await page.setViewportSize({ width: 320, height: 640 });
		await expect(status).toBeVisible();
		// Nothing reaches past the right edge (named, so a failure says what to fix).
		const wide = await page.evaluate(() =>
			[...document.querySelectorAll('body *')]
				// Only what is shown: the closed phone menu keeps its (hidden) layout at full width.
				.filter((el) => el.checkVisibility())
				.filter(
					(el) =>
						el.getBoundingClientRect().right > 320.5 ||
						(el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'),
				)
				.map(
					(el) =>
						`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${el.textContent?.slice(0, 60)}`,
				),
		);
		expect(wide).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await expectNoAxeViolations(page, 'certificate offline, PDF message, 320 px');
		await page.setViewportSize({ width: 1280, height: 720 });

		// Online again, a visit to the certificate page saves the fonts this name needs...
		await context.setOffline(false);
		await page.reload();
		await expect(page.locator('.certificate-view[data-hydrated=true]')).toBeVisible();
		const needed = await page.evaluate(async () => {
			const { faces } = (await (await fetch('../../fonts/manifest.json')).json()) as {
				faces: { file: string; ranges: [number, number][] }[];
			};
			const cps = [...'王小明'].map((c) => c.codePointAt(0) as number);
			return faces
				.filter((f) => cps.some((cp) => f.ranges.some(([a, b]) => cp >= a && cp <= b)))
				.map((f) => f.file);
		});
		// Chinese slices, and Korean ones (whose ranges include some Han characters).
		expect(needed.some((f) => f.startsWith('noto-sans-sc-'))).toBe(true);
		const pattern = new RegExp(`/fonts/(${needed.map((f) => f.replaceAll('.', '\\.')).join('|')})$`);
		await expect.poll(() => savedCount(page, pattern), { timeout: 30_000 }).toBe(needed.length);
		// ...so the PDF is then made offline too.
		await context.setOffline(true);
		await page.reload();
		await expect(page.locator('.certificate-view[data-hydrated=true]')).toBeVisible();
		const cjk = await download(page, 'Download PDF');
		expect((await pdfFacts(cjk.bytes)).text.replace(/\s+/g, '')).toContain('王小明');
	});
});
