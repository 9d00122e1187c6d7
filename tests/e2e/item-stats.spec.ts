/** The team report's question statistics, from report files loaded in the page (no telemetry). */
import { expect, test } from '@playwright/test';
import { generateReports } from '../fixtures/real-reports.ts';
import { expectNoAxeViolations } from './helpers.ts';

test('the team report shows question statistics with flags, and passes axe', async ({ page }) => {
	test.setTimeout(120_000);
	const files = await generateReports(12);
	await page.goto('team/');
	await expect(page.locator('[data-hydrated=true]').first()).toBeVisible();
	await page
		.locator('input[type=file]')
		.setInputFiles(
			files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
		);
	const section = page.getByRole('region', { name: 'Question statistics', exact: true });
	await expect(section).toBeVisible({ timeout: 60_000 });
	await expect(section.getByText(/^\d+ of \d+ questions flagged\.$/)).toBeVisible();
	// The generated learners answer every question right or leave it blank, so some items are
	// answered right by everyone who met them.
	await expect(section.locator('td', { hasText: 'everyone got it right' }).first()).toBeVisible();
	await expectNoAxeViolations(page, 'team report with question statistics');
});
