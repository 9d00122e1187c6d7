// @vitest-environment jsdom
/**
 * The verify island as a component: a good (self-issued, signed) credential, one from before
 * proofs, one edited after signing, a record that no longer adds up, the quiz
 * bank unreachable or not publishing a quiz, crafted and garbled input, damaged links, an
 * oversized file, and the keyboard path (type, Tab, Enter).
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { allStatuses } from '../../src/core/certificates/eligibility.ts';
import { issue } from '../../src/core/certificates/issue.ts';
import type { CertificateSite } from '../../src/core/certificates/site.ts';
import { catalog, progressWith, quizzes } from '../fixtures/teams.ts';
import './dom.ts';

const site: CertificateSite = {
	name: 'Secure AI Academy',
	url: 'http://127.0.0.1:4321/',
	organisation: 'Example Org',
	signatory: undefined,
	contentVersion: '2026.12.1',
	base: '/',
};

async function issued() {
	const data = progressWith();
	const status = allStatuses(catalog, data).find((s) => s.principle === 1);
	if (!status?.earned) throw new Error('fixture progress should earn principle 1');
	const out = await issue(catalog, status.id, status, data, 'Zoë Example', site);
	if (!out) throw new Error('not issued');
	return out;
}

/** The site's bank: `mode` says how bank/<id>.json answers. */
function serveBank(mode: 'ok' | 'down' | 'missing' = 'ok') {
	const fetchMock = vi.fn(async (input: string | URL | Request) => {
		if (mode === 'down') throw new TypeError('Failed to fetch');
		const id = /bank\/(.+)\.json$/.exec(String(input))?.[1];
		const quiz = mode === 'ok' ? quizzes.find((q) => q.id === id) : undefined;
		return quiz ? new Response(JSON.stringify(quiz)) : new Response('Not found', { status: 404 });
	});
	vi.stubGlobal('fetch', fetchMock);
	return fetchMock;
}

async function renderVerify() {
	const { default: Verify } = await import('../../src/islands/Verify.tsx');
	const user = userEvent.setup();
	render(<Verify catalog={catalog} base="/" organisation="Example Org" />);
	return user;
}

async function paste(user: ReturnType<typeof userEvent.setup>, text: string) {
	const box = screen.getByLabelText('Or paste the credential (JSON or JWT)');
	await user.click(box);
	await user.paste(text);
	await user.click(screen.getByRole('button', { name: 'Check' }));
}

describe('Verify island', () => {
	it('a good credential: self-issued, signature intact, with the re-marked attempts', async () => {
		const fetchMock = serveBank();
		const { jwt } = await issued();
		const user = await renderVerify();
		expect((screen.getByRole('button', { name: 'Check' }) as HTMLButtonElement).disabled).toBe(true);
		await paste(user, jwt);
		expect(
			await screen.findByRole('heading', { name: 'Consistent and complete, self-issued by the learner' }),
		).toBeTruthy();
		expect(screen.getByText('Zoë Example')).toBeTruthy();
		// Honest about what a self-issued signature shows.
		expect(screen.getByText(/not that anyone vouches for it/)).toBeTruthy();
		expect(screen.getByText(/For proof, ask for a credential countersigned by Example Org\./)).toBeTruthy();
		const rows = screen.getAllByRole('row').slice(1);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) expect(r.textContent).toContain('✓');
		expect(fetchMock.mock.calls.map((c) => String(c[0])).filter((u) => !u.endsWith('.archive.json'))).toEqual(
			['/bank/q1.json'],
		);
	});

	it('a credential from before proofs: checked, and said to be old, not forged', async () => {
		serveBank();
		const { credential, record } = await issued();
		// The legacy form: the organisation named as issuer, no subject id, the record's exact date, no proof.
		const { id: _subject, ...subject } = credential.credentialSubject;
		const legacy = {
			...credential,
			validFrom: record.claim.earnedAt,
			issuer: { id: site.url, type: ['Profile'], name: 'Example Org', url: site.url },
			credentialSubject: subject,
		};
		const user = await renderVerify();
		await paste(user, JSON.stringify(legacy));
		expect(
			await screen.findByRole('heading', {
				name: 'Consistent and complete, but made before credentials carried proofs',
			}),
		).toBeTruthy();
		expect(screen.getByText(/Nothing suggests it was forged/)).toBeTruthy();
	});

	it('a signed credential edited after signing, or its inside pasted alone, is refused plainly', async () => {
		serveBank();
		const { jwt, credential } = await issued();
		const [h, p, sig] = jwt.split('.') as [string, string, string];
		const payload = JSON.parse(
			new TextDecoder().decode(
				Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
			),
		);
		payload.credentialSubject.result[0].value = '99%'; // the fixture scores 100%
		const bytes = new TextEncoder().encode(JSON.stringify(payload));
		const edited = btoa(String.fromCharCode(...bytes))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
		const user = await renderVerify();
		await paste(user, [h, edited, sig].join('.'));
		expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain(
			'The signature does not match the content: the credential was changed after it was signed.',
		);
		await user.clear(screen.getByLabelText('Or paste the credential (JSON or JWT)'));
		await paste(user, JSON.stringify(credential));
		expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain(
			'This is the inside of a signed credential without its signature',
		);
	});

	it('an edited claim does not hold together, and the problem is listed', async () => {
		serveBank();
		const { record } = await issued();
		const edited = { ...record, claim: { ...record.claim, score: 0.5 } };
		const user = await renderVerify();
		await paste(user, JSON.stringify(edited));
		expect(
			await screen.findByRole('heading', { name: 'Not valid: the record does not hold together' }),
		).toBeTruthy();
		expect(document.querySelectorAll('.verify-problems li').length).toBeGreaterThan(0);
	});

	it('the quiz bank unreachable: says the record could not be checked, not that the quiz is unknown', async () => {
		serveBank('down');
		const { jwt } = await issued();
		const user = await renderVerify();
		await paste(user, jwt);
		const alert = await screen.findByRole('alert');
		expect(alert.textContent).toBe(
			'Not verifiedthe pasted text: The record could not be checked: the quiz bank could not be read for q1 (Failed to fetch).',
		);
	});

	it('a quiz the bank does not publish: the attempt cannot be re-marked, so the record is not valid here', async () => {
		serveBank('missing');
		const { jwt } = await issued();
		const user = await renderVerify();
		await paste(user, jwt);
		expect(
			await screen.findByRole('heading', { name: 'Not valid: the record does not hold together' }),
		).toBeTruthy();
		expect(screen.getAllByRole('row').slice(1)[0]?.textContent).toContain('✗');
	});

	it('refuses crafted and garbled input with a plain message', async () => {
		serveBank();
		const user = await renderVerify();
		await paste(user, '{"__proto__": {"admin": true}}');
		expect((await screen.findByRole('alert')).textContent).toContain(
			'This file looks crafted (it contains a "__proto__" key), so it was not read.',
		);
		await user.clear(screen.getByLabelText('Or paste the credential (JSON or JWT)'));
		await paste(user, 'hello');
		expect((await screen.findByRole('alert')).textContent).toContain(
			'This is plain text, not a credential. Choose the credential file',
		);
	});

	it('a damaged link and a link without a record each say what is wrong', async () => {
		serveBank();
		window.location.hash = '#r=not-a-packed-record';
		await renderVerify();
		expect((await screen.findByRole('alert')).textContent).toContain(
			'This verification link is damaged or cut short, so there is nothing to check.',
		);
		window.location.hash = '#x=1';
		window.dispatchEvent(new HashChangeEvent('hashchange'));
		expect((await screen.findByRole('alert')).textContent).toContain(
			'This link does not carry a record (it should end in #r=… or #jwt=…).',
		);
	});

	it('a verification link made for the record is checked on opening', async () => {
		serveBank();
		const { linkFragment } = await issued();
		window.location.hash = `#${linkFragment}`;
		await renderVerify();
		expect(
			await screen.findByRole('heading', { name: 'Consistent and complete, but self-declared' }),
		).toBeTruthy();
	});

	it('refuses a file far larger than a credential before reading it', async () => {
		serveBank();
		const user = await renderVerify();
		const input = document.querySelector('input[type=file]') as HTMLInputElement;
		await user.upload(
			input,
			new File([new Uint8Array(3 * 1024 * 1024)], 'big.json', { type: 'application/json' }),
		);
		expect(screen.getByRole('alert').textContent).toMatch(
			/^Not verifiedbig\.json: This file is 3\.0 MB; a credential is well under/,
		);
	});

	it('works from the keyboard: type or paste, Tab to Check, Enter', async () => {
		serveBank();
		const { jwt } = await issued();
		const user = await renderVerify();
		screen.getByLabelText('Or paste the credential (JSON or JWT)').focus();
		await user.paste(jwt);
		await user.tab();
		expect(document.activeElement?.textContent).toBe('Check');
		await user.keyboard('{Enter}');
		expect(
			await screen.findByRole('heading', { name: 'Consistent and complete, self-issued by the learner' }),
		).toBeTruthy();
	});
});
