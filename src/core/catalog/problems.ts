/**
 * What the catalog rules take and give: content files with their paths, and problems phrased for
 * an author (file, field, message, fix). Shared by catalog.ts and teams.ts without either
 * importing the other.
 */
import type { AssignmentFile } from '../../schemas/assignment.ts';
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import type { Incident } from '../../schemas/incident.ts';
import type { ModuleData } from '../../schemas/module.ts';
import type { LearningPath } from '../../schemas/path.ts';
import type { NcscGuideline, Principle } from '../../schemas/principle.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import type { SourceEdition } from '../../schemas/source-edition.ts';
import { type CatalogProblem, describeProblem } from './messages.ts';

/** A content file together with where it came from (path relative to the project root). */
export interface Sourced<T> {
	file: string;
	data: T;
}

export interface CatalogInput {
	principles: readonly Sourced<Principle>[];
	ncsc: readonly Sourced<NcscGuideline>[];
	modules: readonly Sourced<ModuleData>[];
	quizzes: readonly Sourced<Quiz>[];
	/** Glossary terms (all from content/glossary.yaml). */
	glossary?: readonly Sourced<GlossaryTerm>[];
	/** Learning paths (content/paths/) and assignment files (content/assignments/). */
	paths?: readonly Sourced<LearningPath>[];
	assignments?: readonly Sourced<AssignmentFile>[];
	/** Real incidents (content/incidents.yaml) and tracked source editions (content/sources.yaml). */
	incidents?: readonly Sourced<Incident>[];
	sources?: readonly Sourced<SourceEdition>[];
	/** Labs (content/labs/<id>/lab.yaml), when loaded: assignment files' `labs` are checked against them. */
	labs?: readonly Sourced<{ id: string }>[];
}

/** One thing wrong with the content, phrased for an author: where, what, and how to fix it. */
export interface ContentProblem {
	file: string;
	field: string;
	message: string;
	/** How to put it right, where the message alone does not say. */
	fix?: string;
	/** For cross-file problems: the code and data the message was made from (see messages.ts). */
	detail?: CatalogProblem;
}

/** A cross-file problem at `file` → `field`, worded by messages.ts. */
export function problemAt(file: string, field: string, detail: CatalogProblem): ContentProblem {
	return { file, field, ...describeProblem(detail), detail };
}

export function formatProblem(p: ContentProblem): string {
	return `${p.file} → ${p.field}: ${p.message}${p.fix ? `\n  Fix: ${p.fix}` : ''}`;
}

export function formatProblems(problems: readonly ContentProblem[]): string {
	const n = problems.length;
	return `${n} content problem${n === 1 ? '' : 's'}:\n\n${problems.map(formatProblem).join('\n\n')}`;
}
