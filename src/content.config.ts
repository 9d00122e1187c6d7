/**
 * The content layer: collections read from the top-level `content/` and `quizzes/` folders.
 * Schemas live in `src/schemas/` (declared once, shared with tests and the JSON Schema generator);
 * cross-collection rules (a module's provisions exist, a quiz's module exists...) are checked in
 * `src/core/catalog/catalog.ts`, run once per build by `src/lib/catalog.ts`.
 */

import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { idFromField } from './lib/content-ids.ts';
import { AssignmentFileSchema } from './schemas/assignment.ts';
import { GlossaryTermSchema } from './schemas/glossary.ts';
import { IncidentSchema } from './schemas/incident.ts';
import { ModuleSchema } from './schemas/module.ts';
import { LearningPathSchema } from './schemas/path.ts';
import { NcscGuidelineSchema, PrincipleSchema } from './schemas/principle.ts';
import { QuizSchema } from './schemas/quiz.ts';
import { SourceEditionSchema } from './schemas/source-edition.ts';

const principles = defineCollection({
	loader: glob({
		base: './content/principles',
		pattern: '*.yaml',
		generateId: ({ entry, data }) => idFromField('content/principles', entry, data, 'number'),
	}),
	schema: PrincipleSchema,
});

const ncsc = defineCollection({
	loader: file('content/ncsc-guidelines.yaml', {
		parser: (text) => {
			const list: unknown = parseYaml(text);
			if (!Array.isArray(list)) {
				throw new Error(
					'content/ncsc-guidelines.yaml must be a YAML list of guidelines (each item starting with "- number:")',
				);
			}
			return Object.fromEntries(
				list.map((item: { number?: unknown }, i) => [
					String(item?.number ?? `missing-number-${i + 1}`),
					item,
				]),
			);
		},
	}),
	schema: NcscGuidelineSchema,
});

const modules = defineCollection({
	loader: glob({
		base: './content/modules',
		pattern: '**/*.mdx',
		generateId: ({ entry, data }) => idFromField('content/modules', entry, data, 'id'),
	}),
	schema: ModuleSchema,
});

const quizzes = defineCollection({
	loader: glob({
		base: './quizzes',
		// archive/ holds earlier revisions (see quizArchive below), not published quizzes.
		pattern: ['**/*.yaml', '!archive/**'],
		generateId: ({ entry, data }) => idFromField('quizzes', entry, data, 'id'),
	}),
	schema: QuizSchema,
});

/**
 * Earlier revisions of published quizzes, `quizzes/archive/<quiz id>/r<revision>.yaml`, kept
 * word for word so that answers recorded against them can still be marked again: a certificate
 * or report earned on revision 1 stays checkable after the quiz moves to revision 2.
 */
const quizArchive = defineCollection({
	loader: glob({
		base: './quizzes/archive',
		pattern: '**/*.yaml',
		generateId: ({ data }) => `${String(data.id)}@r${String(data.revision)}`,
	}),
	schema: QuizSchema,
});

const glossary = defineCollection({
	loader: file('content/glossary.yaml', {
		parser: (text) => {
			const list: unknown = parseYaml(text);
			if (!Array.isArray(list)) {
				throw new Error(
					'content/glossary.yaml must be a YAML list of terms (each item starting with "- term:")',
				);
			}
			return Object.fromEntries(
				list.map((item: { slug?: unknown }, i) => [String(item?.slug ?? `missing-slug-${i + 1}`), item]),
			);
		},
	}),
	schema: GlossaryTermSchema,
});

/** A YAML list file whose items are keyed by their `id` field (incidents, source editions). */
const listById = (path: string, what: string) =>
	file(path, {
		parser: (text) => {
			const list: unknown = parseYaml(text);
			if (!Array.isArray(list)) {
				throw new Error(`${path} must be a YAML list of ${what} (each item starting with "- id:")`);
			}
			return Object.fromEntries(
				list.map((item: { id?: unknown }, i) => [String(item?.id ?? `missing-id-${i + 1}`), item]),
			);
		},
	});

const incidents = defineCollection({
	loader: listById('content/incidents.yaml', 'incidents'),
	schema: IncidentSchema,
});

const sources = defineCollection({
	loader: listById('content/sources.yaml', 'source editions'),
	schema: SourceEditionSchema,
});

const paths = defineCollection({
	loader: glob({
		base: './content/paths',
		pattern: '*.yaml',
		generateId: ({ entry, data }) => idFromField('content/paths', entry, data, 'id'),
	}),
	schema: LearningPathSchema,
});

const assignments = defineCollection({
	loader: glob({
		base: './content/assignments',
		pattern: '*.yaml',
		generateId: ({ entry, data }) => idFromField('content/assignments', entry, data, 'id'),
	}),
	schema: AssignmentFileSchema,
});

export const collections = {
	principles,
	ncsc,
	modules,
	quizzes,
	quizArchive,
	glossary,
	paths,
	assignments,
	incidents,
	sources,
};
