/**
 * Checks one lab folder's files (given as text, so this stays free of the file system) and
 * builds the lab, or lists every problem with the file, the field and the fix.
 */

import { parse as parseYaml } from 'yaml';
import { type LabCase, type LabData, LabSchema, type SuiteFile, SuiteFileSchema } from '../../schemas/lab.ts';
import type { z } from '../../schemas/zod.ts';
import type { ContentProblem } from '../catalog/catalog.ts';
import { BUILTIN_VARS, placeholdersIn, stringsIn } from './template.ts';

export interface Lab {
	data: LabData;
	/** Starter code as the learner first sees it. */
	starter: string;
	/** A fix that passes everything. */
	reference: string;
	/** Harness JavaScript (may be empty). */
	harness: string;
	functional: LabCase[];
	attacks: LabCase[];
}

/** The files a lab folder may hold, by name; absent files are undefined. */
export type LabFolderFiles = Record<string, string | undefined>;

export const LAB_FILES = ['lab.yaml', 'functional.yaml', 'attacks.yaml', 'harness.js'] as const;

export function codeExtension(language: LabData['language']): 'js' | 'ts' {
	return language === 'typescript' ? 'ts' : 'js';
}

function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
		.join('');
}

function zodProblems(file: string, error: z.ZodError, fix?: string): ContentProblem[] {
	return error.issues.map((issue) => ({
		file,
		field: issue.path.length ? formatPath(issue.path) : '(top level)',
		message: issue.message,
		...(fix ? { fix } : {}),
	}));
}

/** A check's regular expression (`matches` / `notMatches`) that does not compile, as a problem. */
function regexProblem(
	check: object & { flags?: string | undefined },
	file: string,
	field: string,
	problems: ContentProblem[],
): void {
	const pattern = 'matches' in check ? check.matches : 'notMatches' in check ? check.notMatches : undefined;
	if (typeof pattern !== 'string') return;
	try {
		// Placeholders such as {secret} are filled in at run time; any word stands in for them here.
		new RegExp(pattern.replace(/\{[a-z][a-zA-Z0-9]*\}/g, 'x'), check.flags);
	} catch (err) {
		problems.push({
			file,
			field,
			message: `not a valid regular expression: ${(err as Error).message}`,
			fix: 'escape special characters with a backslash (in YAML, prefer single quotes)',
		});
	}
}

function readYaml(file: string, text: string | undefined, problems: ContentProblem[], what: string): unknown {
	if (text === undefined) {
		problems.push({ file, field: '(file)', message: 'the file is missing', fix: `add ${what}` });
		return undefined;
	}
	try {
		return parseYaml(text) as unknown;
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

/**
 * `dir` is the folder as written in messages, e.g. `content/labs/markdown-exfiltration`.
 * `known` holds the ids other content defines, for cross-references.
 */
export function checkLabFolder(
	dir: string,
	files: LabFolderFiles,
	known?: { modules: ReadonlySet<string>; provisions: ReadonlySet<string> },
): { lab?: Lab; problems: ContentProblem[] } {
	const problems: ContentProblem[] = [];
	const folderId = dir.split('/').pop() ?? dir;
	const labFile = `${dir}/lab.yaml`;
	const raw = readYaml(
		labFile,
		files['lab.yaml'],
		problems,
		'lab.yaml with id, title, module, language, story, task, entry and hints (see src/schemas/lab.ts)',
	);
	let data: LabData | undefined;
	if (raw !== undefined) {
		const parsed = LabSchema.safeParse(raw);
		if (parsed.success) data = parsed.data;
		else problems.push(...zodProblems(labFile, parsed.error));
	}
	if (data && data.id !== folderId) {
		problems.push({
			file: labFile,
			field: 'id',
			message: `the id "${data.id}" differs from the folder name "${folderId}"`,
			fix: `rename the folder to content/labs/${data.id}/ or set id: ${folderId}`,
		});
	}
	if (data && known) {
		if (!known.modules.has(data.module)) {
			problems.push({
				file: labFile,
				field: 'module',
				message: `no module has the id "${data.module}"`,
				fix: 'use the id from a module frontmatter in content/modules/',
			});
		}
		data.provisions.forEach((p, i) => {
			if (!known.provisions.has(p)) {
				problems.push({
					file: labFile,
					field: `provisions[${i}]`,
					message: `provision ${p} does not exist in content/principles/`,
					fix: 'use a provision id as numbered in the published Code, e.g. "2.2" or "9.4.1"',
				});
			}
		});
	}
	if (data?.exploit) {
		const x = data.exploit;
		const inputTexts = stringsIn(x.input);
		if (!inputTexts.some((t) => t.includes('{payload}'))) {
			problems.push({
				file: labFile,
				field: 'exploit.input',
				message: "the exploit input does not say where the learner's text goes",
				fix: 'put the placeholder {payload} in the string the learner controls, e.g. text: "{payload}"',
			});
		}
		const defined = new Set<string>([...BUILTIN_VARS, 'payload']);
		for (const t of [...inputTexts, ...stringsIn(x.leaked)]) {
			for (const name of placeholdersIn(t)) {
				if (!defined.has(name)) {
					problems.push({
						file: labFile,
						field: 'exploit',
						message: `the placeholder {${name}} is not defined`,
						fix: `an exploit stage has no vars: use {payload} or a built-in (${BUILTIN_VARS.join(', ')})`,
					});
				}
			}
		}
		x.leaked.forEach((e, j) => {
			regexProblem(e, labFile, `exploit.leaked[${j}]`, problems);
		});
		if (files['harness.js'] === undefined) {
			problems.push({
				file: labFile,
				field: 'exploit',
				message: 'an exploit stage needs a harness that plays the stand-in assistant',
				fix: "add harness.js with labSetup(input, record) that turns the exploit input into the entry function's arguments",
			});
		}
	}
	const suites: { functional?: SuiteFile; attacks?: SuiteFile } = {};
	for (const [key, name] of [
		['functional', 'functional.yaml'],
		['attacks', 'attacks.yaml'],
	] as const) {
		const file = `${dir}/${name}`;
		const suiteRaw = readYaml(
			file,
			files[name],
			problems,
			`${name} with a list of cases (see SuiteFileSchema in src/schemas/lab.ts)`,
		);
		if (suiteRaw === undefined) continue;
		const parsed = SuiteFileSchema.safeParse(suiteRaw);
		if (!parsed.success) {
			problems.push(...zodProblems(file, parsed.error));
			continue;
		}
		suites[key] = parsed.data;
		parsed.data.cases.forEach((c, i) => {
			const defined = new Set<string>([...BUILTIN_VARS, ...Object.keys(c.vars ?? {})]);
			const texts = [...stringsIn(c.input), ...stringsIn(c.expect), ...Object.values(c.vars ?? {}).flat()];
			for (const t of texts) {
				for (const name of placeholdersIn(t)) {
					if (!defined.has(name)) {
						problems.push({
							file,
							field: `cases[${i}]`,
							message: `the placeholder {${name}} is not defined`,
							fix: `add ${name} under vars, or use a built-in: ${BUILTIN_VARS.join(', ')}`,
						});
					}
				}
			}
			c.expect.forEach((e, j) => {
				regexProblem(e, file, `cases[${i}].expect[${j}]`, problems);
			});
			if (key === 'attacks' && !c.impact) {
				problems.push({
					file,
					field: `cases[${i}].impact`,
					message: 'an attack case must say what would leak or break',
					fix: 'add impact: one or two sentences on what the attacker gains',
				});
			}
		});
	}
	const ids = [...(suites.functional?.cases ?? []), ...(suites.attacks?.cases ?? [])].map((c) => c.id);
	const dup = ids.find((id, i) => ids.indexOf(id) !== i);
	if (dup) {
		problems.push({
			file: `${dir}/attacks.yaml`,
			field: 'cases',
			message: `the case id "${dup}" is used twice in this lab`,
			fix: 'give every case in functional.yaml and attacks.yaml its own id',
		});
	}
	let starter: string | undefined;
	let reference: string | undefined;
	// Even when lab.yaml has other problems, check the code files it names.
	const rawLab = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const language =
		data?.language ??
		(rawLab.language === 'typescript'
			? 'typescript'
			: rawLab.language === 'javascript'
				? 'javascript'
				: undefined);
	const entry =
		data?.entry ??
		(typeof rawLab.entry === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(rawLab.entry)
			? rawLab.entry
			: undefined);
	if (language && entry) {
		const ext = codeExtension(language);
		starter = files[`starter.${ext}`];
		reference = files[`reference.${ext}`];
		for (const [name, text] of [
			[`starter.${ext}`, starter],
			[`reference.${ext}`, reference],
		] as const) {
			if (text === undefined) {
				problems.push({
					file: `${dir}/${name}`,
					field: '(file)',
					message: 'the file is missing',
					fix: `add ${name} (language: ${language}) declaring the function ${entry}`,
				});
			} else if (!new RegExp(`\\bfunction\\s+${entry}\\s*[(<]`).test(text)) {
				problems.push({
					file: `${dir}/${name}`,
					field: '(file)',
					message: `the code does not declare function ${entry}`,
					fix: `declare "function ${entry}(...)" (or "async function"), as lab.yaml's entry says`,
				});
			}
		}
	}
	if (problems.length > 0 || !data || !starter || !reference || !suites.functional || !suites.attacks) {
		return { problems };
	}
	return {
		lab: {
			data,
			starter,
			reference,
			harness: files['harness.js'] ?? '',
			functional: suites.functional.cases,
			attacks: suites.attacks.cases,
		},
		problems,
	};
}
