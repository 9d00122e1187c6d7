/**
 * The quiz archive: earlier revisions of published quizzes, kept word for word in
 * `quizzes/archive/<quiz id>/r<revision>.yaml` so that answers recorded against them can still
 * be marked again (a certificate earned on revision 1 stays checkable once the quiz moves on).
 * Pure: takes parsed quizzes with their files and returns problems for authors.
 */
import type { Quiz } from '../../schemas/quiz.ts';
import type { ContentProblem, Sourced } from './catalog.ts';

/** Where an archived revision lives, relative to the project root. */
export const archivePath = (id: string, revision: number) => `quizzes/archive/${id}/r${revision}.yaml`;

export function checkQuizArchive(
	current: readonly Sourced<Quiz>[],
	archived: readonly Sourced<Quiz>[],
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const currentRevision = new Map(current.map((q) => [q.data.id, q.data.revision]));
	const held = new Set<string>();
	for (const a of archived) {
		const { id, revision } = a.data;
		const expected = archivePath(id, revision);
		if (a.file !== expected) {
			problems.push({
				file: a.file,
				field: 'id',
				message: `this archived quiz says it is revision ${revision} of "${id}", so it must be stored as ${expected}`,
				fix: 'move the file, or correct its id and revision to match what was published',
			});
		}
		const key = `${id}@${revision}`;
		if (held.has(key)) {
			problems.push({
				file: a.file,
				field: 'revision',
				message: `revision ${revision} of "${id}" is archived twice`,
			});
		}
		held.add(key);
		const now = currentRevision.get(id);
		if (now !== undefined && revision >= now) {
			problems.push({
				file: a.file,
				field: 'revision',
				message: `the archive holds revision ${revision} of "${id}", but the published quiz is at revision ${now}`,
				fix: 'the archive is for earlier revisions only: raise the revision of the published quiz, or remove this file',
			});
		}
	}
	for (const q of current) {
		for (let r = 1; r < q.data.revision; r++) {
			if (held.has(`${q.data.id}@${r}`)) continue;
			problems.push({
				file: q.file,
				field: 'revision',
				message: `revision ${r} of "${q.data.id}" is not in the archive, so answers recorded against it (and certificates built on them) can no longer be checked`,
				fix: `copy the quiz as it was published at revision ${r} (e.g. git show <commit>:${q.file}) to ${archivePath(q.data.id, r)}`,
			});
		}
	}
	return problems;
}
