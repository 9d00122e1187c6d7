/**
 * The words of every cross-file content problem. The rules (catalog.ts, teams.ts) return a code
 * with its data; this module turns it into the message and the fix an author reads, so a change of
 * wording or a translation touches only this file. Every fix says what to do, in the file named.
 */

/** One cross-file problem: a code and the facts its message needs. */
export type CatalogProblem =
	| { code: 'principle-duplicate'; number: number; other: string; count: number }
	| { code: 'principle-missing'; number: number }
	| { code: 'ncsc-unknown'; number: number; count: number }
	| { code: 'module-id-duplicate'; id: string; other: string }
	| { code: 'quiz-id-duplicate'; id: string; other: string }
	| { code: 'module-principle-unknown'; number: number; count: number }
	/** `where` says which fix applies: a module gets the note about the 2024 draft's numbering. */
	| { code: 'provision-unknown'; id: string; where: 'module' | 'question' | 'term' | 'path' }
	| { code: 'module-quiz-missing'; quiz: string }
	| { code: 'module-quiz-elsewhere'; quiz: string; quizFile: string; quizModule: string; module: string }
	| { code: 'quiz-module-missing'; module: string }
	| { code: 'quiz-not-named'; module: string; moduleFile: string; quiz: string }
	| { code: 'term-slug-duplicate'; slug: string }
	| { code: 'term-module-missing'; id: string }
	| { code: 'term-related-missing'; slug: string }
	| { code: 'path-id-duplicate'; id: string; other: string }
	| { code: 'step-module-missing'; module: string; in: 'path' | 'assignment' }
	| { code: 'step-provision-role'; id: string; roles: readonly string[]; pathRoles: readonly string[] }
	| {
			code: 'step-provision-not-taught';
			module: string;
			moduleFile: string;
			id: string;
			taught: readonly string[];
	  }
	| { code: 'assignment-id-duplicate'; id: string; other: string }
	| { code: 'assignment-path-missing'; path: string; paths: readonly string[] }
	| { code: 'assignment-principle-empty'; principle: number }
	| { code: 'assignment-lab-missing'; lab: string; labs: readonly string[] };

export type CatalogProblemCode = CatalogProblem['code'];

/** The message and the fix for a problem. */
export function describeProblem(p: CatalogProblem): { message: string; fix: string } {
	switch (p.code) {
		case 'principle-duplicate':
			return {
				message: `principle ${p.number} is also defined in ${p.other}`,
				fix: `give each principle file its own number from 1 to ${p.count}`,
			};
		case 'principle-missing':
			return {
				message: `principle ${p.number} is missing`,
				fix: `add content/principles/p${String(p.number).padStart(2, '0')}.yaml with number: ${p.number}`,
			};
		case 'ncsc-unknown':
			return {
				message: `NCSC sub-guideline ${p.number} does not exist`,
				fix: `use a number from content/ncsc-guidelines.yaml (1 to ${p.count})`,
			};
		case 'module-id-duplicate':
			return { message: `module id "${p.id}" is also used by ${p.other}`, fix: 'choose a unique id' };
		case 'quiz-id-duplicate':
			return { message: `quiz id "${p.id}" is also used by ${p.other}`, fix: 'choose a unique id' };
		case 'module-principle-unknown':
			return {
				message: `principle ${p.number} does not exist`,
				fix: `use a principle number from 1 to ${p.count}`,
			};
		case 'provision-unknown':
			return {
				message: `provision ${p.id} is not in the published Code of Practice`,
				fix:
					p.where === 'module'
						? 'use an id listed in content/principles/ (the 2025 numbering; the 2024 draft numbered some provisions differently)'
						: p.where === 'path'
							? 'use an id listed in content/principles/ (the 2025 numbering)'
							: 'use an id listed in content/principles/',
			};
		case 'module-quiz-missing':
			return { message: `no quiz has id "${p.quiz}"`, fix: `create quizzes/${p.quiz}.yaml or fix the id` };
		case 'module-quiz-elsewhere':
			return {
				message: `quiz "${p.quiz}" (${p.quizFile}) belongs to module "${p.quizModule}", not "${p.module}"`,
				fix: 'make the quiz `module` field and the module `quiz` field point at each other',
			};
		case 'quiz-module-missing':
			return {
				message: `no module has id "${p.module}"`,
				fix: 'use the `id` from the frontmatter of the module this quiz assesses',
			};
		case 'quiz-not-named':
			return {
				message: `module "${p.module}" (${p.moduleFile}) does not name this quiz`,
				fix: `add \`quiz: ${p.quiz}\` to that module's frontmatter`,
			};
		case 'term-slug-duplicate':
			return { message: `slug "${p.slug}" is used twice`, fix: 'give each term its own slug' };
		case 'term-module-missing':
			return { message: `no module has id "${p.id}"`, fix: "use the id from a module's frontmatter" };
		case 'term-related-missing':
			return { message: `no term has slug "${p.slug}"`, fix: 'add that term or remove it from `related`' };
		case 'path-id-duplicate':
			return { message: `path id "${p.id}" is also used by ${p.other}`, fix: 'choose a unique id' };
		case 'step-module-missing':
			return {
				message: `no module has id "${p.module}"`,
				fix: "use the id from a module's frontmatter (content/modules/)",
			};
		case 'step-provision-role':
			return {
				message: `provision ${p.id} names ${p.roles.join(', ')}, none of this path's roles (${p.pathRoles.join(', ')})`,
				fix: 'cite a provision whose `who` includes one of the path roles, or add the role to `roles`',
			};
		case 'step-provision-not-taught':
			return {
				message: `module "${p.module}" (${p.moduleFile}) does not teach provision ${p.id}`,
				fix: `cite one of the module's provisions (${p.taught.join(', ') || 'it lists none'}), or choose another module`,
			};
		case 'assignment-id-duplicate':
			return { message: `assignment id "${p.id}" is also used by ${p.other}`, fix: 'choose a unique id' };
		case 'assignment-path-missing':
			return {
				message: `no learning path has id "${p.path}"`,
				fix: `use one of: ${p.paths.join(', ') || '(no paths yet: add one in content/paths/)'}`,
			};
		case 'assignment-lab-missing':
			return {
				message: `no lab has id "${p.lab}"`,
				fix: `use a lab's folder name in content/labs/: ${p.labs.join(', ') || '(no labs yet)'}`,
			};
		case 'assignment-principle-empty':
			return {
				message: `principle ${p.principle} has no module in the principles track yet`,
				fix: 'assign single modules instead, or add a module for the principle',
			};
	}
}
