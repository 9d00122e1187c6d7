/**
 * Cross-file rules for learning paths (content/paths/) and assignment files (content/assignments/),
 * run as part of checkCatalog. Each problem names the file, the field and the fix.
 */
import type { AssignmentFile } from '../../schemas/assignment.ts';
import type { LearningPath } from '../../schemas/path.ts';
import type { Role } from '../../schemas/vocabulary.ts';
import type { CatalogProblem } from './messages.ts';
import { type CatalogInput, type ContentProblem, problemAt } from './problems.ts';

export function checkPathsAndAssignments(input: CatalogInput): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const add = (file: string, field: string, detail: CatalogProblem) =>
		problems.push(problemAt(file, field, detail));
	const modules = new Map(input.modules.map((m) => [m.data.id, m]));
	const who = new Map<string, readonly Role[]>(
		input.principles.flatMap((p) => p.data.provisions.map((v) => [v.id, v.who] as const)),
	);

	const pathIds = new Map<string, string>();
	for (const { file, data: path } of input.paths ?? []) {
		checkPath(file, path);
		const other = pathIds.get(path.id);
		if (other) add(file, 'id', { code: 'path-id-duplicate', id: path.id, other });
		pathIds.set(path.id, file);
	}

	function checkPath(file: string, path: LearningPath) {
		path.steps.forEach((step, i) => {
			const mod = modules.get(step.module);
			if (!mod)
				add(file, `steps[${i}].module`, { code: 'step-module-missing', module: step.module, in: 'path' });
			step.provisions.forEach((id, j) => {
				const field = `steps[${i}].provisions[${j}]`;
				const roles = who.get(id);
				if (!roles) {
					add(file, field, { code: 'provision-unknown', id, where: 'path' });
					return;
				}
				if (!roles.some((r) => path.roles.includes(r))) {
					add(file, field, { code: 'step-provision-role', id, roles, pathRoles: path.roles });
				}
				if (mod && !mod.data.provisions.includes(id)) {
					add(file, field, {
						code: 'step-provision-not-taught',
						module: step.module,
						moduleFile: mod.file,
						id,
						taught: mod.data.provisions,
					});
				}
			});
		});
	}

	const assignmentIds = new Map<string, string>();
	for (const { file, data } of input.assignments ?? []) {
		checkAssignment(file, data);
		const other = assignmentIds.get(data.id);
		if (other) add(file, 'id', { code: 'assignment-id-duplicate', id: data.id, other });
		assignmentIds.set(data.id, file);
	}

	function checkAssignment(file: string, a: AssignmentFile) {
		a.items.forEach((item, i) => {
			if ('path' in item && !pathIds.has(item.path)) {
				add(file, `items[${i}].path`, {
					code: 'assignment-path-missing',
					path: item.path,
					paths: [...pathIds.keys()],
				});
			}
			if ('module' in item && !modules.has(item.module)) {
				add(file, `items[${i}].module`, {
					code: 'step-module-missing',
					module: item.module,
					in: 'assignment',
				});
			}
			if (
				'principle' in item &&
				![...modules.values()].some(
					(m) => m.data.track === 'principles' && m.data.principles.includes(item.principle),
				)
			) {
				add(file, `items[${i}].principle`, { code: 'assignment-principle-empty', principle: item.principle });
			}
		});
	}
	if (input.labs)
		problems.push(
			...checkAssignmentLabs(
				input.assignments ?? [],
				input.labs.map((l) => l.data.id),
			),
		);
	return problems;
}

/**
 * Every lab an assignment file names exists (a folder in content/labs/). Apart from the rest
 * because the build loads labs after the catalog (src/lib/lab-catalog.ts calls it then).
 */
export function checkAssignmentLabs(
	assignments: readonly { file: string; data: Pick<AssignmentFile, 'labs'> }[],
	labIds: readonly string[],
): ContentProblem[] {
	const known = new Set(labIds);
	return assignments.flatMap(({ file, data }) =>
		(data.labs ?? []).flatMap((id, i) =>
			known.has(id)
				? []
				: [problemAt(file, `labs[${i}]`, { code: 'assignment-lab-missing', lab: id, labs: labIds })],
		),
	);
}
