/**
 * The team report: many learners' report files (report.ts) checked, merged and tabulated, all in
 * the manager's browser.
 *
 * 1. checkReportFiles reads each file (refusing oversized ones unread), opens it as a report,
 *    drops exact duplicates, marks every attempt again against the quiz bank (evidence.ts), and
 *    flags what does not hold together. Each file gets a status and plain-language notes.
 * 2. mergeLearners groups the usable files by learner name (trimmed, case- and space-insensitive),
 *    so several reports from one person count once: attempts are united, read marks keep the
 *    earliest date. Only attempts that re-scored as consistent are counted.
 * 3. buildTeamView derives the learner × module table (status by the dashboard's completion rule,
 *    score, date, due and overdue), totals per module, and the coverage of the 72 provisions.
 * 4. teamCsv / coverageCsv write them out with formula-injection escaping (csv.ts).
 *
 * Each step is its own module (team-catalog.ts, check-files.ts, merge.ts, view.ts, team-csv.ts);
 * this file re-exports them, so the page and the tests import the team report from one place.
 */

export * from './check-files.ts';
export * from './merge.ts';
export * from './team-catalog.ts';
export * from './team-csv.ts';
export * from './view.ts';
