/**
 * `npm run validate`: checks every content file against the schemas and the cross-references,
 * in about a second, with the same messages the build gives.
 */
import { formatProblems } from '../src/core/catalog/catalog.ts';
import { loadContent } from '../src/lib/content-files.ts';

const root = new URL('..', import.meta.url).pathname;
const { problems, files } = loadContent(root);
if (problems.length > 0) {
	console.error(formatProblems(problems));
	process.exit(1);
}
console.log(
	`Content OK: ${files.principles.length} principles, ${files.modules.length} modules, ${files.quizzes.length} quizzes, ${files.paths.length} learning paths, ${files.assignments.length} assignments, ${files.labs.length} labs.`,
);
