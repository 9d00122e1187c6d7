// @vitest-environment jsdom
/**
 * The team report island as a component: files chosen, checked and tabulated; a tampered file
 * flagged; the quiz bank unreachable (nothing added, a plain message); searching, sorting by
 * keyboard, clearing; CSV download.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { encodeReport } from '../../src/core/teams/report.ts';
import { catalog, makeReport, quizzes } from '../fixtures/teams.ts';
import './dom.ts';

function serveBank(mode: 'ok' | 'down' = 'ok') {
	const fetchMock = vi.fn(async (input: string | URL | Request) => {
		if (mode === 'down') throw new TypeError('Failed to fetch');
		const id = /bank\/(.+)\.json$/.exec(String(input))?.[1];
		const quiz = quizzes.find((q) => q.id === id);
		return quiz ? new Response(JSON.stringify(quiz)) : new Response('Not found', { status: 404 });
	});
	vi.stubGlobal('fetch', fetchMock);
	return fetchMock;
}

const reportFile = async (name: string, learner: string) =>
	new File([encodeReport(await makeReport(learner))], name, { type: 'application/json' });

async function renderTeam() {
	const { default: TeamReport } = await import('../../src/islands/TeamReport.tsx');
	const user = userEvent.setup();
	render(<TeamReport catalog={catalog} base="/" siteUrl="http://127.0.0.1:4321/" />);
	const input = document.querySelector('input[type=file]') as HTMLInputElement;
	return { user, input };
}

const announced = () =>
	screen.getAllByRole('status').find((s) => s.getAttribute('aria-live') === 'polite')?.textContent ?? '';

describe('TeamReport island', () => {
	it('checks chosen files, announces the counts and tabulates each learner', async () => {
		const fetchMock = serveBank();
		const { user, input } = await renderTeam();
		expect(input.disabled).toBe(false);
		await user.upload(input, [
			await reportFile('ann.json', 'Ann Example'),
			await reportFile('bo.json', 'Bo Example'),
		]);
		expect(await screen.findByText(/^Checked 2 files: 2 accepted/)).toBeTruthy();
		expect(announced()).toBe('Checked 2 files: 2 accepted, 0 flagged, 0 tampered, 0 rejected, 0 duplicate.');
		expect(screen.getByTestId('file-counts').textContent).toMatch(/^2 files: 2 accepted\. 2 learners\./);
		const table = document.querySelector('table.team-table') as HTMLTableElement;
		const names = within(table)
			.getAllByRole('rowheader')
			.map((h) => h.firstChild?.textContent);
		expect(names).toEqual(['Ann Example', 'Bo Example', 'All learners']);
		expect(fetchMock.mock.calls.map((c) => String(c[0])).filter((u) => !u.endsWith('.archive.json'))).toEqual(
			['/bank/q1.json'],
		);
		expect(input.value).toBe('');
	});

	it('flags an edited file as tampered and does not count it', async () => {
		serveBank();
		const r = structuredClone(await makeReport('Eve Example'));
		(r.evidence.attempts[0] as { score: number }).score = 1;
		const { user, input } = await renderTeam();
		await user.upload(input, new File([encodeReport(r)], 'eve.json', { type: 'application/json' }));
		expect(await screen.findByText(/^Checked 1 file: 0 accepted, 0 flagged, 1 tampered/)).toBeTruthy();
		expect(screen.getByText('Files that need a look (1)')).toBeTruthy();
		expect(document.querySelector('.file-results')?.textContent).toMatch(/Tampered/);
	});

	it('when the quiz bank cannot be read: nothing is added and the message says why', async () => {
		serveBank('down');
		const { user, input } = await renderTeam();
		await user.upload(input, await reportFile('ann.json', 'Ann Example'));
		expect(await screen.findByText(/^The files could not be checked/)).toBeTruthy();
		expect(announced()).toBe(
			'The files could not be checked: the quiz bank could not be read for q1 (Failed to fetch). Nothing was added; check the connection to this site and choose them again.',
		);
		expect(document.querySelector('table.team-table')).toBeNull();
		expect(input.disabled).toBe(false);
	});

	it('finds, sorts by keyboard and clears', async () => {
		serveBank();
		const { user, input } = await renderTeam();
		await user.upload(input, [
			await reportFile('ann.json', 'Ann Example'),
			await reportFile('bo.json', 'Bo Example'),
		]);
		await screen.findByText(/^Checked 2 files/);
		const table = document.querySelector('table.team-table') as HTMLTableElement;
		const learners = () =>
			within(table.tBodies[0] as HTMLElement)
				.getAllByRole('rowheader')
				.map((h) => h.firstChild?.textContent);

		const sort = within(table).getByRole('button', { name: /Learner/ });
		sort.focus();
		await user.keyboard('{Enter}');
		expect(sort.closest('th')?.getAttribute('aria-sort')).toBe('descending');
		expect(learners()).toEqual(['Bo Example', 'Ann Example']);

		await user.type(screen.getByLabelText('Find a learner'), 'ann');
		expect(await screen.findByText(/Showing 1 of 2 learners\./)).toBeTruthy();
		expect(learners()).toEqual(['Ann Example']);

		await user.click(screen.getByRole('button', { name: 'Clear all files' }));
		expect(announced()).toBe('All files were cleared from this page.');
		expect(document.querySelector('table.team-table')).toBeNull();
	});

	it('downloads the table as CSV', async () => {
		serveBank();
		const created: Blob[] = [];
		vi.stubGlobal(
			'URL',
			Object.assign(URL, {
				createObjectURL: (b: Blob) => {
					created.push(b);
					return 'blob:x';
				},
				revokeObjectURL: () => {},
			}),
		);
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
		const { user, input } = await renderTeam();
		await user.upload(input, await reportFile('ann.json', 'Ann Example'));
		await screen.findByText(/^Checked 1 file/);
		await user.click(screen.getByRole('button', { name: 'Download CSV' }));
		const csv = await (created[0] as Blob).text();
		expect(created[0]?.type).toBe('text/csv');
		expect(csv.split('\r\n')[1]).toMatch(/^"?Ann Example"?,/);
	});
});
