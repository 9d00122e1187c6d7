/**
 * Spot the vulnerable line: the learner selects the line(s) of a code snippet that make it unsafe.
 * Line numbers count from 1 in `code.source`.
 */

import { Prose } from '../vocabulary.ts';
import { z } from '../zod.ts';
import { CodeSchema, questionBase } from './common.ts';

export const MarkedLineSchema = z.strictObject({
	/** Line number in the snippet, counting from 1. */
	line: z.int().min(1, { error: 'line numbers count from 1' }),
	/** True for a line that is part of the vulnerability; false for a decoy worth explaining. */
	vulnerable: z.boolean().default(true),
	/** Why this line is (or is not) the problem. */
	explanation: Prose('line explanation'),
});

export const SpotTheLineSchema = z
	.strictObject({
		type: z.literal('spot-the-line'),
		...questionBase,
		/** The snippet; keep it short (under 30 lines). */
		code: CodeSchema,
		/** The vulnerable line(s), and any decoy lines with an explanation of why they are fine. */
		lines: z.array(MarkedLineSchema).min(1, { error: 'mark at least one line under `lines`' }),
		/** Shown for any line not listed under `lines`: why it is not the problem. */
		otherLines: Prose('otherLines explanation'),
	})
	.superRefine((q, ctx) => {
		const count = q.code.source.replace(/\n$/, '').split('\n').length;
		if (count > 40) {
			ctx.addIssue({
				code: 'custom',
				path: ['code', 'source'],
				message: `the snippet has ${count} lines: keep spot-the-line code under 40 lines`,
			});
		}
		const seen = new Set<number>();
		q.lines.forEach((l, i) => {
			if (l.line > count) {
				ctx.addIssue({
					code: 'custom',
					path: ['lines', i, 'line'],
					message: `line ${l.line} is past the end of the snippet (${count} lines)`,
				});
			}
			if (seen.has(l.line)) {
				ctx.addIssue({
					code: 'custom',
					path: ['lines', i, 'line'],
					message: `line ${l.line} is marked twice`,
				});
			}
			seen.add(l.line);
		});
		if (!q.lines.some((l) => l.vulnerable)) {
			ctx.addIssue({
				code: 'custom',
				path: ['lines'],
				message: 'mark at least one line with vulnerable: true (decoys alone leave nothing to find)',
			});
		}
	});
export type SpotTheLineQuestion = z.output<typeof SpotTheLineSchema>;
