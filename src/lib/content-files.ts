/**
 * Reads every content file straight from disk (no Astro), validates it with the same schemas
 * the build uses, and runs the cross-collection checks. Used by `npm run validate` and the
 * content tests, so an author gets the same messages in a second instead of a full build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type CatalogInput, type ContentProblem, checkCatalog } from '../core/catalog/catalog.ts';
import { checkQuizArchive } from '../core/catalog/quiz-archive.ts';
import { AssignmentFileSchema } from '../schemas/assignment.ts';
import { GlossaryTermSchema } from '../schemas/glossary.ts';
import { IncidentSchema } from '../schemas/incident.ts';
import { ModuleSchema } from '../schemas/module.ts';
import { LearningPathSchema } from '../schemas/path.ts';
import { NcscGuidelineSchema, PrincipleSchema } from '../schemas/principle.ts';
import { QuizSchema } from '../schemas/quiz.ts';
import { SourceEditionSchema } from '../schemas/source-edition.ts';
import type { z } from '../schemas/zod.ts';
import { loadLabs } from './labs.ts';

export interface ContentFile {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** Parsed YAML (or MDX frontmatter), unvalidated. */
	raw: unknown;
}

function walk(dir: string, ext: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	return names.sort().flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full, ext) : name.endsWith(ext) ? [full] : [];
	});
}

/** The YAML between the opening `---` lines of an MDX file, or undefined if there is none. */
export function frontmatterOf(source: string): string | undefined {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	return m?.[1];
}

/** `yaml11`: read as YAML 1.1, as the build does (dates become timestamps), where a schema cares. */
function readYaml(
	root: string,
	full: string,
	problems: ContentProblem[],
	frontmatter = false,
	yaml11 = false,
) {
	const file = relative(root, full).split('\\').join('/');
	try {
		let text = readFileSync(full, 'utf8');
		if (frontmatter) {
			const fm = frontmatterOf(text);
			if (fm === undefined) {
				problems.push({
					file,
					field: '(frontmatter)',
					message: 'the file has no frontmatter',
					fix: 'start the file with a block between two "---" lines holding id, title, summary, ...',
				});
				return undefined;
			}
			text = fm;
		}
		return { file, raw: parseYaml(text, yaml11 ? { version: '1.1' } : {}) as unknown };
	} catch (e) {
		problems.push({
			file,
			field: '(file)',
			message: `not valid YAML: ${(e as Error).message.split('\n')[0]}`,
			fix: 'check indentation and quoting near the line named; strings containing ": " need quotes',
		});
		return undefined;
	}
}

/** Turns zod issues into author-facing problems naming the file and field. */
export function schemaProblems(file: string, error: z.ZodError): ContentProblem[] {
	return error.issues.map((issue) => ({
		file,
		field: issue.path.length ? formatPath(issue.path) : '(top level)',
		message: issue.message,
	}));
}

export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
		.join('');
}

function validateAll<S extends z.ZodType>(
	files: (ContentFile | undefined)[],
	schema: S,
	problems: ContentProblem[],
): { file: string; data: z.output<S> }[] {
	const ok: { file: string; data: z.output<S> }[] = [];
	for (const f of files) {
		if (!f) continue;
		const result = schema.safeParse(f.raw);
		if (result.success) ok.push({ file: f.file, data: result.data });
		else problems.push(...schemaProblems(f.file, result.error));
	}
	return ok;
}

export interface LoadedContent {
	catalog: CatalogInput;
	/** Earlier revisions of quizzes (quizzes/archive/), for marking answers recorded against them. */
	quizArchive: { file: string; data: z.output<typeof QuizSchema> }[];
	files: {
		principles: string[];
		modules: string[];
		quizzes: string[];
		paths: string[];
		assignments: string[];
		/** Lab folders under content/labs/ that loaded without problems. */
		labs: string[];
	};
	problems: ContentProblem[];
}

/** Loads and checks all content under `root` (the project folder). */
export function loadContent(root: string): LoadedContent {
	const problems: ContentProblem[] = [];
	const principleFiles = walk(join(root, 'content/principles'), '.yaml');
	const moduleFiles = walk(join(root, 'content/modules'), '.mdx');
	const archive = join(root, 'quizzes', 'archive');
	const quizFiles = walk(join(root, 'quizzes'), '.yaml').filter((f) => !f.startsWith(archive));
	const pathFiles = walk(join(root, 'content/paths'), '.yaml');
	const assignmentFiles = walk(join(root, 'content/assignments'), '.yaml');

	const principles = validateAll(
		principleFiles.map((f) => readYaml(root, f, problems)),
		PrincipleSchema,
		problems,
	);
	const ncscRaw = readYaml(root, join(root, 'content/ncsc-guidelines.yaml'), problems);
	const ncscList = Array.isArray(ncscRaw?.raw) ? ncscRaw.raw : [];
	if (ncscRaw && !Array.isArray(ncscRaw.raw)) {
		problems.push({ file: ncscRaw.file, field: '(file)', message: 'must be a YAML list of guidelines' });
	}
	const ncsc = validateAll(
		ncscList.map((raw: unknown) => ({ file: 'content/ncsc-guidelines.yaml', raw })),
		NcscGuidelineSchema,
		problems,
	);
	const modules = validateAll(
		moduleFiles.map((f) => readYaml(root, f, problems, true)),
		ModuleSchema,
		problems,
	);
	const quizzes = validateAll(
		quizFiles.map((f) => readYaml(root, f, problems)),
		QuizSchema,
		problems,
	);
	const archived = validateAll(
		walk(archive, '.yaml').map((f) => readYaml(root, f, problems)),
		QuizSchema,
		problems,
	);
	problems.push(...checkQuizArchive(quizzes, archived));
	const glossaryRaw = readYaml(root, join(root, 'content/glossary.yaml'), problems);
	if (glossaryRaw && !Array.isArray(glossaryRaw.raw)) {
		problems.push({ file: glossaryRaw.file, field: '(file)', message: 'must be a YAML list of terms' });
	}
	const glossary = validateAll(
		(Array.isArray(glossaryRaw?.raw) ? glossaryRaw.raw : []).map((raw: unknown) => ({
			file: 'content/glossary.yaml',
			raw,
		})),
		GlossaryTermSchema,
		problems,
	);
	const listFile = (path: string, what: string) => {
		const read = readYaml(root, join(root, path), problems);
		if (read && !Array.isArray(read.raw)) {
			problems.push({ file: read.file, field: '(file)', message: `must be a YAML list of ${what}` });
		}
		return (Array.isArray(read?.raw) ? read.raw : []).map((raw: unknown) => ({ file: path, raw }));
	};
	const incidents = validateAll(listFile('content/incidents.yaml', 'incidents'), IncidentSchema, problems);
	const sources = validateAll(
		listFile('content/sources.yaml', 'source editions'),
		SourceEditionSchema,
		problems,
	);
	const paths = validateAll(
		pathFiles.map((f) => readYaml(root, f, problems)),
		LearningPathSchema,
		problems,
	);
	const assignments = validateAll(
		assignmentFiles.map((f) => readYaml(root, f, problems, false, true)),
		AssignmentFileSchema,
		problems,
	);
	const catalog: CatalogInput = {
		principles,
		ncsc,
		modules,
		quizzes,
		glossary,
		paths,
		assignments,
		incidents,
		sources,
	};
	const labs = loadLabs(root, {
		modules: new Set(modules.map((m) => m.data.id)),
		provisions: new Set(principles.flatMap((p) => p.data.provisions.map((prov) => prov.id))),
	});
	problems.push(
		...checkCatalog({
			...catalog,
			labs: labs.labs.map((l) => ({ file: `content/labs/${l.data.id}/lab.yaml`, data: l.data })),
		}),
	);
	problems.push(...labs.problems);
	const rel = (list: string[]) => list.map((f) => relative(root, f).split('\\').join('/'));
	return {
		catalog,
		quizArchive: archived,
		files: {
			principles: rel(principleFiles),
			modules: rel(moduleFiles),
			quizzes: rel(quizFiles),
			paths: rel(pathFiles),
			assignments: rel(assignmentFiles),
			labs: labs.labs.map((l) => `content/labs/${l.data.id}`),
		},
		problems,
	};
}
