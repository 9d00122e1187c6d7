// @vitest-environment jsdom
/**
 * The dashboard island as a component: empty and partial progress, certificates counted, the
 * backup tools (export, import of good, bad and oversized files), the two-step resets, and an
 * unreadable stored record.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeExport, encodeStored } from '../../src/core/progress/codec.ts';
import { PROGRESS_KEY } from '../../src/core/progress/store.ts';
import { catalog, progressWith, quizzes } from '../fixtures/teams.ts';
import './dom.ts';

const TRACKS = { principles: 'Code of Practice principles', 'secure-coding': 'AI secure coding' };

async function renderDashboard(stored?: string) {
	if (stored !== undefined) window.localStorage.setItem(PROGRESS_KEY, stored);
	const { default: Dashboard } = await import('../../src/islands/Dashboard.tsx');
	const user = userEvent.setup();
	render(
		<Dashboard
			catalog={catalog}
			contentVersion="2026.12.1"
			base="/training/"
			trackTitles={TRACKS}
			paths={catalog.paths}
		/>,
	);
	// The progress store loads after hydration (issue #22); the island says when it has.
	await vi.waitFor(() => expect(document.querySelector('.dashboard[data-hydrated="true"]')).not.toBeNull());
	return user;
}

const message = () => screen.getByText((_, el) => el?.classList.contains('message') ?? false);
/** The message once it has appeared (imports re-mark every attempt against the bank first). */
const messageSoon = () => screen.findByText((_, el) => el?.classList.contains('message') ?? false);

// The site's quiz bank, as the built site serves it: imports and certificate counts re-mark
// attempts against it.
beforeEach(() => {
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string | URL) => {
			const id = /bank\/([^/]+)\.json$/.exec(String(url))?.[1];
			const quiz = quizzes.find((q) => q.id === decodeURIComponent(id ?? ''));
			return quiz
				? new Response(JSON.stringify(quiz), { status: 200, headers: { 'Content-Type': 'application/json' } })
				: new Response('Not found', { status: 404 });
		}),
	);
});
const storedData = () => JSON.parse(window.localStorage.getItem(PROGRESS_KEY) ?? '{}').data;
const row = (title: string) => screen.getByRole('rowheader', { name: title }).closest('tr') as HTMLElement;

describe('Dashboard island', () => {
	it('with no progress: nothing completed, start at the first module, no certificates', async () => {
		await renderDashboard();
		expect(screen.getByText('0 of 3 modules completed')).toBeTruthy();
		const start = screen.getByText(/Start here:/).parentElement as HTMLElement;
		expect(within(start).getByRole('link', { name: 'Module one' }).getAttribute('href')).toBe(
			'/training/modules/m1/',
		);
		await vi.waitFor(() =>
			expect(screen.getByText(/Certificates earned:/).textContent).toMatch(
				/^Certificates earned: 0 of \d+\./,
			),
		);
		expect(within(row('Module one')).getByText('Not started')).toBeTruthy();
		expect(screen.getByText('never')).toBeTruthy();
		expect(screen.queryByRole('button', { name: /Reset the quiz/ })).toBeNull();
	});

	it('with a passed module: counts it, shows the best score and the track totals', async () => {
		await renderDashboard(encodeStored(progressWith()));
		expect(screen.getByText('1 of 3 modules completed')).toBeTruthy();
		expect(screen.getByText(/4 quiz attempts recorded/)).toBeTruthy();
		const one = row('Module one');
		expect(within(one).getByText('Completed')).toBeTruthy();
		expect(within(one).getByText('100%')).toBeTruthy();
		expect(within(row('Module two')).getByText('–', { selector: 'td:nth-child(3)' })).toBeTruthy();
		expect(screen.getByRole('progressbar', { name: 'Code of Practice principles progress' })).toBeTruthy();
		expect(
			screen.getByText('Code of Practice principles', { selector: 'strong' }).parentElement?.textContent,
		).toMatch(/1 of 2 completed/);
	});

	it('exports the record as a file and says so', async () => {
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
		const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
		const user = await renderDashboard(encodeStored(progressWith()));
		await user.click(screen.getByRole('button', { name: 'Export progress to a file' }));
		expect(message().textContent).toBe('Your progress was saved to a file in your downloads.');
		expect(click).toHaveBeenCalledTimes(1);
		const exported = JSON.parse(await (created[0] as Blob).text());
		expect(exported).toMatchObject({ contentVersion: '2026.12.1' });
		expect(exported.data.attempts).toHaveLength(4);
		expect(storedData().lastBackupAt).toMatch(/^\d{4}-/);
	});

	it('imports a good file and merges it; refuses a damaged or oversized one and changes nothing', async () => {
		const user = await renderDashboard();
		const input = document.querySelector('input[type=file]') as HTMLInputElement;
		const good = encodeExport(progressWith(), '2026.12.1', '2026-12-01T00:00:00.000Z');
		await user.upload(input, new File([good], 'backup.json', { type: 'application/json' }));
		expect((await messageSoon()).textContent).toBe(
			'Imported 4 new attempts and 2 new module records from “backup.json” and merged them with your progress.',
		);
		expect(screen.getByText('1 of 3 modules completed')).toBeTruthy();

		// The same file again adds nothing, and says so rather than "Imported 4 attempts".
		await user.upload(input, new File([good], 'backup.json', { type: 'application/json' }));
		await vi.waitFor(() => expect(message().textContent).toMatch(/^Nothing new/));
		expect(message().textContent).toBe(
			'Nothing new: 4 attempts and 2 module records in “backup.json” are already stored here, so your progress is unchanged.',
		);
		expect(storedData().attempts).toHaveLength(4);

		await user.upload(input, new File(['{"format":'], 'broken.json', { type: 'application/json' }));
		await vi.waitFor(() => expect(message().textContent).toMatch(/Nothing was changed\./));
		expect(message().className).toContain('message-bad');
		// The headline says what happened in plain words; the parser's words wait behind a disclosure.
		expect(message().querySelector('p')?.textContent).toBe(
			'This starts like a progress file but its end is missing: it was cut short while being copied or saved. Choose the file that “Export progress to a file” saved (a .json file). Nothing was changed.',
		);
		expect(message().querySelector('details.technical-detail summary')?.textContent).toBe('Technical detail');
		expect(message().querySelector('details.technical-detail code')?.textContent).toMatch(/JSON/);
		expect(storedData().attempts).toHaveLength(4);

		const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'huge.json', { type: 'application/json' });
		await user.upload(input, big);
		await vi.waitFor(() => expect(message().textContent).toMatch(/huge\.json/));
		expect(message().textContent).toBe(
			'“huge.json” is too large to be a progress file (the limit is 2 MB). Nothing was changed.',
		);
	});

	it('resets one quiz only after confirming, and "Keep them" keeps them (keyboard)', async () => {
		const user = await renderDashboard(encodeStored(progressWith()));
		const reset = screen.getByRole('button', { name: 'Reset the quiz for Module one' });
		reset.focus();
		await user.keyboard('{Enter}');
		const keep = screen.getByRole('button', { name: 'Keep them' });
		keep.focus();
		await user.keyboard(' ');
		expect(storedData().attempts.filter((a: { quizId: string }) => a.quizId === 'q1')).toHaveLength(3);
		await user.click(screen.getByRole('button', { name: 'Reset the quiz for Module one' }));
		await user.click(screen.getByRole('button', { name: 'Yes, delete its attempts' }));
		expect(message().textContent).toBe('Attempts for “Module one” were deleted.');
		expect(storedData().attempts.filter((a: { quizId: string }) => a.quizId === 'q1')).toHaveLength(0);
		expect(screen.getByText('0 of 3 modules completed')).toBeTruthy();
	});

	it('resets everything only after confirming, naming how many attempts go', async () => {
		const user = await renderDashboard(encodeStored(progressWith()));
		await user.click(screen.getByRole('button', { name: 'Reset all progress…' }));
		expect(screen.getByText(/This deletes all 4 attempts and module history in this browser\./)).toBeTruthy();
		await user.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(storedData().attempts).toHaveLength(4);
		await user.click(screen.getByRole('button', { name: 'Reset all progress…' }));
		await user.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
		expect(message().textContent).toBe('All progress in this browser was deleted.');
		expect(screen.getByText('0 of 3 modules completed')).toBeTruthy();
	});

	it('when the progress code cannot load (offline before it was cached): says so, and nothing can be changed', async () => {
		vi.doMock('../../src/islands/adapters/progress-client.ts', () => {
			throw new TypeError('Failed to fetch dynamically imported module');
		});
		try {
			window.localStorage.setItem(PROGRESS_KEY, encodeStored(progressWith()));
			const { default: Dashboard } = await import('../../src/islands/Dashboard.tsx');
			render(
				<Dashboard catalog={catalog} contentVersion="2026.12.1" base="/training/" trackTitles={TRACKS} />,
			);
			const alert = await screen.findByRole('alert');
			expect(alert.textContent).toMatch(/^Your progress could not be shown\..*reload the page/);
			// Nothing claims a state the data does not show, and nothing can overwrite it.
			expect(document.querySelector('.dashboard[data-hydrated="true"]')).toBeNull();
			expect(screen.getByRole('button', { name: 'Export progress to a file' })).toHaveProperty(
				'disabled',
				true,
			);
			expect(screen.getByRole('button', { name: 'Reset all progress…' })).toHaveProperty('disabled', true);
			expect(JSON.parse(window.localStorage.getItem(PROGRESS_KEY) ?? '{}').data.attempts).toHaveLength(4);
		} finally {
			vi.doUnmock('../../src/islands/adapters/progress-client.ts');
		}
	});

	it('an unreadable stored record: says so, offers it for download, and keeps it aside', async () => {
		await renderDashboard('{not json');
		// The notice loads with its message (a lazy part of the island).
		const alert = await screen.findByRole('alert');
		expect(alert.textContent).toMatch(/^Saved progress could not be read\./);
		expect(within(alert).getByRole('button', { name: 'Download the unreadable data' })).toBeTruthy();
		const kept = Object.keys(window.localStorage).filter((k) => k.startsWith(`${PROGRESS_KEY}:corrupt:`));
		expect(kept).toHaveLength(1);
		expect(window.localStorage.getItem(kept[0] as string)).toBe('{not json');
	});
});
