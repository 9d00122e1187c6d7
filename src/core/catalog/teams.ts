/**
 * Cross-file rules for learning paths (content/paths/) and assignment files (content/assignments/),
 * run as part of checkCatalog. Each problem names the file, the field and the fix.
 */
import type { AssignmentFile } from '../../schemas/assignment.ts';
import type { LearningPath } from '../../schemas/path.ts';
import type { Role } from '../../schemas/vocabulary.ts';
import type { CatalogInput, ContentProblem } from './catalog.ts';

export function checkPathsAndAssignments(input: CatalogInput): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const add = (file: string, field: string, message: string, fix: string) =>
		problems.push({ file, field, message, fix });
	const modules = new Map(input.modules.map((m) => [m.data.id, m]));
	const who = new Map<string, readonly Role[]>(
		input.principles.flatMap((p) => p.data.provisions.map((v) => [v.id, v.who] as const)),
	);

	const pathIds = new Map<string, string>();
	for (const { file, data: path } of input.paths ?? []) {
		checkPath(file, path);
		const other = pathIds.get(path.id);
		if (other) add(file, 'id', `path id "${path.id}" is also used by ${other}`, 'choose a unique id');
		pathIds.set(path.id, file);
	}

	function checkPath(file: string, path: LearningPath) {
		path.steps.forEach((step, i) => {
			const mod = modules.get(step.module);
			if (!mod) {
				add(
					file,
					`steps[${i}].module`,
					`no module has id "${step.module}"`,
					"use the id from a module's frontmatter (content/modules/)",
				);
			}
			step.provisions.forEach((id, j) => {
				const field = `steps[${i}].provisions[${j}]`;
				const roles = who.get(id);
				if (!roles) {
					add(
						file,
						field,
						`provision ${id} is not in the published Code of Practice`,
						'use an id listed in content/principles/ (the 2025 numbering)',
					);
					return;
				}
				if (!roles.some((r) => path.roles.includes(r))) {
					add(
						file,
						field,
						`provision ${id} names ${roles.join(', ')}, none of this path's roles (${path.roles.join(', ')})`,
						'cite a provision whose `who` includes one of the path roles, or add the role to `roles`',
					);
				}
				if (mod && !mod.data.provisions.includes(id)) {
					add(
						file,
						field,
						`module "${step.module}" (${mod.file}) does not teach provision ${id}`,
						`cite one of the module's provisions (${mod.data.provisions.join(', ') || 'it lists none'}), or choose another module`,
					);
				}
			});
		});
	}

	const assignmentIds = new Map<string, string>();
	for (const { file, data } of input.assignments ?? []) {
		checkAssignment(file, data);
		const other = assignmentIds.get(data.id);
		if (other) add(file, 'id', `assignment id "${data.id}" is also used by ${other}`, 'choose a unique id');
		assignmentIds.set(data.id, file);
	}

	function checkAssignment(file: string, a: AssignmentFile) {
		a.items.forEach((item, i) => {
			if ('path' in item && !pathIds.has(item.path)) {
				add(
					file,
					`items[${i}].path`,
					`no learning path has id "${item.path}"`,
					`use one of: ${[...pathIds.keys()].join(', ') || '(no paths yet: add one in content/paths/)'}`,
				);
			}
			if ('module' in item && !modules.has(item.module)) {
				add(
					file,
					`items[${i}].module`,
					`no module has id "${item.module}"`,
					"use the id from a module's frontmatter (content/modules/)",
				);
			}
			if (
				'principle' in item &&
				![...modules.values()].some(
					(m) => m.data.track === 'principles' && m.data.principles.includes(item.principle),
				)
			) {
				add(
					file,
					`items[${i}].principle`,
					`principle ${item.principle} has no module in the principles track yet`,
					'assign single modules instead, or add a module for the principle',
				);
			}
		});
	}
	return problems;
}
