/**
 * `npm run new -- module|quiz <id>`: writes a skeleton that passes `npm run validate` and explains
 * each field in place, or refuses with a plain message (a bad or taken id, an unknown track, a
 * module that already has a quiz). The command itself is scripts/new.ts; this module does the
 * work so that tests can call it on a copy of the content.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { frontmatterOf } from '../../src/lib/content-files.ts';
import { TRACKS, type Track } from '../../src/schemas/vocabulary.ts';

/** A mistake in how the command was called: printed as it is, without a stack trace. */
export class UsageError extends Error {}

export const KINDS = ['module', 'quiz', 'lab'] as const;
export type Kind = (typeof KINDS)[number];

export interface NewOptions {
	/** Project folder (holds content/ and quizzes/). */
	root: string;
	/** module: the track to file it under (default secure-coding). */
	track?: string | undefined;
	/** quiz: the module it assesses (default: the module with the same id). */
	module?: string | undefined;
	/** module: also write its quiz (default true). */
	withQuiz?: boolean;
	/** Today's date, YYYY-MM-DD (for reviewed.on). */
	today?: string;
}

export interface Written {
	/** Files written, relative to the root. */
	files: string[];
	/** What to do next, for the author. */
	next: string[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Refuses an id that would not pass the schema, saying what an id looks like. */
export function checkId(kind: string, id: string | undefined): string {
	if (!id) throw new UsageError(`Give the new ${kind}'s id, e.g. npm run new -- ${kind} acme-ai-policy`);
	if (!ID.test(id) || id.length > 60) {
		throw new UsageError(
			`"${id}" cannot be a ${kind} id: an id is lower-case letters and digits joined by hyphens, at most 60 characters (e.g. "acme-ai-policy"). It becomes part of the page address and is stored with learners' progress, so it can never change once published.`,
		);
	}
	return id;
}

function walk(dir: string, ext: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const full = join(dir, name);
			return statSync(full).isDirectory() ? walk(full, ext) : name.endsWith(ext) ? [full] : [];
		});
}

/** id → file of every module (read from the frontmatter, valid or not). */
export function moduleIds(root: string): Map<string, { file: string; quiz: unknown }> {
	const out = new Map<string, { file: string; quiz: unknown }>();
	for (const full of walk(join(root, 'content/modules'), '.mdx')) {
		try {
			const fm = parseYaml(frontmatterOf(readFileSync(full, 'utf8')) ?? '') as Record<string, unknown> | null;
			if (typeof fm?.id === 'string') out.set(fm.id, { file: relative(root, full), quiz: fm.quiz });
		} catch {
			// An unreadable file is npm run validate's to report.
		}
	}
	return out;
}

/** id → file of every quiz. */
export function quizIds(root: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const full of walk(join(root, 'quizzes'), '.yaml')) {
		try {
			const q = parseYaml(readFileSync(full, 'utf8')) as Record<string, unknown> | null;
			if (typeof q?.id === 'string') out.set(q.id, relative(root, full));
		} catch {
			// as above
		}
	}
	return out;
}

function write(root: string, file: string, text: string) {
	const full = join(root, file);
	if (existsSync(full)) throw new UsageError(`${file} already exists: choose another id, or edit that file.`);
	mkdirSync(dirname(full), { recursive: true });
	writeFileSync(full, text);
}

/** Next free `order` in a track (1 for an empty track). */
function nextOrder(root: string, track: Track): number {
	let max = 0;
	for (const full of walk(join(root, 'content/modules'), '.mdx')) {
		try {
			const fm = parseYaml(frontmatterOf(readFileSync(full, 'utf8')) ?? '') as Record<string, unknown> | null;
			if (fm?.track === track && typeof fm.order === 'number') max = Math.max(max, fm.order);
		} catch {
			// as above
		}
	}
	return max + 1;
}

export function newModule(id: string, options: NewOptions): Written {
	checkId('module', id);
	const track = (options.track ?? 'secure-coding') as Track;
	if (!TRACKS.includes(track)) {
		throw new UsageError(
			`There is no track "${options.track}": use --track with one of ${TRACKS.join(', ')}.`,
		);
	}
	const taken = moduleIds(options.root).get(id);
	if (taken)
		throw new UsageError(`The module id "${id}" is already used by ${taken.file}: choose another id.`);
	const withQuiz = options.withQuiz ?? true;
	if (withQuiz) {
		const quizTaken = quizIds(options.root).get(id);
		if (quizTaken)
			throw new UsageError(
				`The quiz id "${id}" is already used by ${quizTaken}: choose another module id, or add --no-quiz.`,
			);
	}
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const file = `content/modules/${track}/${id}.mdx`;
	write(
		options.root,
		file,
		moduleSkeleton(id, track, nextOrder(options.root, track), today, withQuiz, {
			sources: listedIds(options.root, 'content/sources.yaml'),
			incidents: listedIds(options.root, 'content/incidents.yaml'),
		}),
	);
	const files = [file];
	if (withQuiz) files.push(...newQuiz(id, { ...options, module: id, linkModule: false }).files);
	return {
		files,
		next: [
			`Write the lesson in ${file} (every field is explained in the comments), and the questions in quizzes/${id}.yaml.`,
			'Run npm run validate after each change: it names the file, the field and the fix.',
			'See docs/authoring.md for the whole walk-through (provisions, paths, what the checks say).',
		].slice(withQuiz ? 0 : 1),
	};
}

export function newQuiz(id: string, options: NewOptions & { linkModule?: boolean }): Written {
	checkId('quiz', id);
	const moduleId = options.module ?? id;
	const taken = quizIds(options.root).get(id);
	if (taken) throw new UsageError(`The quiz id "${id}" is already used by ${taken}: choose another id.`);
	const modules = moduleIds(options.root);
	const mod = modules.get(moduleId);
	const linkModule = options.linkModule ?? true;
	if (linkModule) {
		if (!mod) {
			throw new UsageError(
				`No module has the id "${moduleId}": a quiz assesses one module. Create the module first (npm run new -- module ${moduleId}), or name an existing one with --module <id>.`,
			);
		}
		if (typeof mod.quiz === 'string') {
			throw new UsageError(
				`The module "${moduleId}" (${mod.file}) already has a quiz, "${mod.quiz}": a module has one quiz. Add questions to that quiz instead.`,
			);
		}
	}
	const file = `quizzes/${id}.yaml`;
	write(options.root, file, quizSkeleton(id, moduleId));
	const files = [file];
	if (linkModule && mod) {
		// The module must name its quiz as well: add `quiz: <id>` to its frontmatter.
		const full = join(options.root, mod.file);
		const text = readFileSync(full, 'utf8');
		const end = text.indexOf('\n---', 4);
		writeFileSync(full, `${text.slice(0, end)}\nquiz: ${id}${text.slice(end)}`);
		files.push(mod.file);
	}
	return {
		files,
		next: [
			`Write the questions in ${file}: the skeleton has one question of each kind, each field explained.`,
			'Run npm run validate after each change: it names the file, the field and the fix.',
		],
	};
}

/** The place for `new lab`: labs (content/labs/<id>/) are being added on another branch. */
export function newLab(id: string, options: NewOptions): Written {
	checkId('lab', id);
	const folder = `content/labs/${id}`;
	if (existsSync(join(options.root, folder))) {
		throw new UsageError(`${folder} already exists: choose another lab id.`);
	}
	const moduleId = options.module;
	if (!moduleId || !moduleIds(options.root).has(moduleId)) {
		throw new UsageError(
			moduleId
				? `No module has the id "${moduleId}": a lab practises one module. Name an existing one with --module <id>.`
				: 'Say which module the lab practises: npm run new -- lab <id> --module <module-id>.',
		);
	}
	let order = 0;
	for (const dir of existsSync(join(options.root, 'content/labs'))
		? readdirSync(join(options.root, 'content/labs'))
		: []) {
		try {
			const lab = parseYaml(readFileSync(join(options.root, 'content/labs', dir, 'lab.yaml'), 'utf8')) as {
				order?: unknown;
			} | null;
			if (typeof lab?.order === 'number') order = Math.max(order, lab.order);
		} catch {
			// a folder without a readable lab.yaml: npm run validate reports it
		}
	}
	const files = Object.entries(labSkeleton(id, moduleId, order + 1)).map(([name, text]) => {
		write(options.root, `${folder}/${name}`, text);
		return `${folder}/${name}`;
	});
	return {
		files,
		next: [
			`Write the story, the vulnerable starter and the reference fix in ${folder}/ (every field is explained in the comments).`,
			'Replace the example cases: functional.yaml is what a legitimate user needs, attacks.yaml what the attacker tries.',
			`Add at least two plausible wrong fixes in tests/fixtures/labs/${id}/ and run npx vitest run tests/core/labs (the fairness test).`,
			'See content/labs/README.md and docs/labs.md for the format, the checks and the variants.',
		],
	};
}

/** A working lab to start from: the starter leaks markup, the reference escapes it. */
export function labSkeleton(id: string, moduleId: string, order: number): Record<string, string> {
	return {
		'lab.yaml': `# The lab's description: every field is checked by \`npm run validate\` and the build
# (src/schemas/lab.ts has the rules; content/labs/README.md and docs/labs.md explain the format).

# Permanent id: the folder name and the page /labs/${id}/. Learners' drafts and passes are stored
# under it, so never change it once published.
id: ${id}
# Raise when the cases or the task change meaning: earlier passes stay, marked as on an older version.
revision: 1
# Shown on the labs index, the module page and the lab page (at most 120 characters).
title: ${q(`New lab: ${id}`)}
# One or two sentences for the labs index and the module page.
summary: ${q('Replace this with what the learner fixes and why it matters.')}
# The module (id in content/modules/) this lab practises; its page lists the lab.
module: ${moduleId}
# Position on the labs index (1 = first).
order: ${order}
# apprentice, practitioner or expert.
level: apprentice
# javascript or typescript: the starter, the reference and the learner's code.
language: javascript
# Code of Practice provisions the lab practises, e.g. ["2.2"]. May stay empty.
provisions: []
# OWASP ids, e.g. ["LLM05:2025"]. May stay empty.
owasp: []
# MITRE ATLAS ids, e.g. ["AML.T0051.001"]. May stay empty.
atlas: []
# The scenario: who the learner is and what the code does, in two to five sentences. The attack
# suite plays the attacker (and the model, treated as fully attacker-controlled).
story: ${q('Replace: the product, the code the learner maintains, and who can reach it.')}
# What the learner must do, as one short paragraph.
task: ${q('Replace: change showAnswer so that markup in the answer is shown as text, never run.')}
# The function the cases call; the starter and the reference must declare it.
entry: showAnswer
# Hints, one more shown after each failed run.
hints:
  - ${q('Replace: a first nudge that names the idea, not the code.')}
# Minutes a learner typically needs.
minutes: 15
`,
		'starter.js': `// The vulnerable code the learner starts from. It must declare the entry function (lab.yaml).
function showAnswer(text) {
  return \`<p>\${text}</p>\`;
}
`,
		'reference.js': `// A fix that passes every case, shown on request or after three failed runs.
function showAnswer(text) {
  const escaped = String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
  return \`<p>\${escaped}</p>\`;
}
`,
		'functional.yaml': `# What a legitimate user needs, so that "refuse everything" fails. Each case: id, title, story,
# input ({ args: [...] } without a harness), and checks under expect (content/labs/README.md).
cases:
  - id: plain-answer
    title: An ordinary answer
    story: Replace with what a real user asks and expects to see.
    input:
      args: ["Your order ships on Monday."]
    expect:
      - at: result
        includes: Your order ships on Monday.
        because: an ordinary answer must still be shown
`,
		'attacks.yaml': `# What the attacker tries. Each case also says what would leak or break (impact) and, where the
# team's sheet has one, the real incident it follows. Placeholders in {braces} draw variants each
# run, so a fix that matches the listed payloads literally fails.
cases:
  - id: script-in-answer
    title: Markup in the answer
    story: Replace with the attacker's story, e.g. a document that makes the model answer with markup.
    impact: Replace with what would happen, e.g. script runs in the user's session.
    input:
      args: ["{payload}"]
    vars:
      payload:
        - "<script>alert(1)</script>"
        - "<img src=x onerror=alert(1)>"
        - "<SCRIPT>alert(1)</SCRIPT>"
    expect:
      - at: result
        safeHtml: {}
        because: markup from the answer must never run
`,
	};
}

export function createSkeleton(
	kind: string | undefined,
	id: string | undefined,
	options: NewOptions,
): Written {
	if (!kind || !(KINDS as readonly string[]).includes(kind)) {
		throw new UsageError(
			`Say what to create: npm run new -- module <id> [--track ${TRACKS.join('|')}] [--no-quiz], npm run new -- quiz <id> [--module <module-id>], or npm run new -- lab <id> --module <module-id>.${kind ? ` ("${kind}" is not one of ${KINDS.join(', ')}.)` : ''}`,
		);
	}
	const checked = checkId(kind, id);
	if (kind === 'module') return newModule(checked, options);
	if (kind === 'quiz') return newQuiz(checked, options);
	return newLab(checked, options);
}

const q = (s: string) => JSON.stringify(s);

/** The `id`s of a YAML list file (content/sources.yaml, content/incidents.yaml), or [] if unreadable. */
function listedIds(root: string, file: string): string[] {
	try {
		const list: unknown = parseYaml(readFileSync(join(root, file), 'utf8'));
		return Array.isArray(list)
			? list.flatMap((e) => (typeof e?.id === 'string' ? [e.id as string] : []))
			: [];
	} catch {
		return [];
	}
}

/** Tracks whose modules must cite a real incident (src/core/catalog/catalog.ts). */
const INCIDENT_TRACKS: readonly Track[] = ['secure-coding', 'ml-complexity'];

export function moduleSkeleton(
	id: string,
	track: Track,
	order: number,
	today: string,
	withQuiz: boolean,
	listed: { sources: readonly string[]; incidents: readonly string[] } = { sources: [], incidents: [] },
): string {
	const needsIncident = INCIDENT_TRACKS.includes(track) && listed.incidents.length > 0;
	return `---
# The module's frontmatter: every field is checked by \`npm run validate\` and by the build
# (src/schemas/module.ts has the full rules). Lines starting with # are comments: delete them
# when you like.

# Permanent id: the page is /modules/${id}/ and learners' progress is stored under it.
# Never change it once the module is published.
id: ${id}
# Shown in headings, cards and the browser tab (at most 120 characters).
title: ${q(`New module: ${id}`)}
# One or two sentences for cards and search results (under 400 characters).
summary: ${q('Replace this with what the module teaches and who it is for, in one or two sentences.')}
# One of: ${TRACKS.join(', ')}. The file's folder is only for tidiness; this field decides.
track: ${track}
# Numbers (1-13) of the Code of Practice principles the module teaches, e.g. [2, 6]. May stay empty.
principles: []
# Provision ids the module teaches, e.g. ["2.6", "5.4"], exactly as numbered in the Code
# (content/principles/ lists all of them). Questions may cite them too. May stay empty.
provisions: []
# Who it is written for: developers, system-operators, data-custodians, end-users,
# affected-entities, organisations (at least one).
roles: [developers]
# foundation, practitioner or advanced.
level: foundation
# Minutes to read the module and take its quiz (1-240).
minutes: 20
# What a learner can do afterwards: two to eight short sentences.
objectives:
  - ${q('Replace: the first thing a learner will be able to do.')}
  - ${q('Replace: the second thing a learner will be able to do.')}
${
	withQuiz
		? `# The quiz in quizzes/ that assesses this module; the quiz's \`module\` field names this module back.
quiz: ${id}
`
		: `# Add \`quiz: <quiz-id>\` when the module has a quiz (npm run new -- quiz ${id} writes one and adds it here).
`
}# Position in its track on /modules/ (1 = first).
order: ${order}
# When the content was last checked against its sources, and which source editions it was
# checked against: ids from content/sources.yaml (the page shows both). Keep only the ones the
# lesson really relies on.
reviewed:
  on: ${today}
  against: [${listed.sources.join(', ')}]
${
	needsIncident
		? `# Real incidents the lesson discusses, by id from content/incidents.yaml (a ${track} module must
# cite at least one, and the lesson text must name it). Replace this placeholder with yours.
incidents: [${listed.incidents[0]}]
`
		: `# Real incidents the lesson discusses, by id from content/incidents.yaml (optional in this track).
incidents: []
`
}---

{/* The lesson, in MDX: Markdown plus the components in src/components/mdx/ (Provision,
    Scenario, CodePair, Callout, KeyTakeaways, ...). Look at a module in the same track for the
    usual shape: a running scenario, vulnerable-then-fixed code, and takeaways. No inline style
    attributes: the Content-Security-Policy blocks them. */}

Replace this paragraph with the lesson's opening: the problem, and why it matters to the reader.

## A first section

Write each sentence in your own words. Cite a provision with its component, for example
\`<Provision id="2.6" />\`, once the provision is listed under \`provisions\` above.
`;
}

export function quizSkeleton(id: string, moduleId: string): string {
	return `# yaml-language-server: $schema=./quiz.schema.json
# A quiz: one question of each kind to copy from. The full rules, with a comment on every field,
# are in src/schemas/quiz.ts and src/schemas/questions/; your editor autocompletes from
# quizzes/quiz.schema.json. \`npm run validate\` checks this file in about a second.
#
# The repository's own tests also ask for a fuller pool (tests/content/content.test.ts): modules in
# the principles and ncsc tracks need at least 14 questions drawn down to 10 in three kinds or more;
# other tracks at least 8 questions in four kinds, with two spot-the-line questions and a scenario.

# Permanent id: learners' attempts are stored under it. Never rename a published quiz.
id: ${id}
# Start at 1. Raise it whenever a question or its answer changes meaning: earlier passes stay on
# record, marked as taken on the older revision.
revision: 1
# Shown above the quiz.
title: ${q(`Check your understanding: ${moduleId}`)}
# The id of the module this quiz assesses; that module's \`quiz\` field names this quiz back.
module: ${moduleId}
# Score needed to pass, as a fraction from 0.5 to 1 (0.8 is 80%).
passMark: 0.8
# How many questions one attempt draws from the pool (a fresh draw each retry). Leave it out to
# ask every question; it cannot be more than the number of questions.
# draw: 10
questions:
  # Single choice: exactly one option has correct: true. Every option explains itself; learners
  # see the explanations after answering. Option ids are short labels, unique in the question.
  - id: example-single
    type: single
    prompt: ${q('Replace: a question with one right answer.')}
    # Optional: the provision ids the question checks, for reports and audit evidence.
    # provisions: ["2.6"]
    options:
      - id: a
        text: ${q('Replace: the right answer')}
        correct: true
        explanation: ${q('Replace: why it is right.')}
      - id: b
        text: ${q('Replace: a plausible wrong answer')}
        explanation: ${q('Replace: why it is wrong.')}

  # Multiple select: three to ten options, at least one right and one wrong.
  - id: example-multiple
    type: multiple
    prompt: ${q('Replace: a question where several answers apply.')}
    options:
      - id: a
        text: ${q('Replace: a right answer')}
        correct: true
        explanation: ${q('Replace: why it applies.')}
      - id: b
        text: ${q('Replace: another right answer')}
        correct: true
        explanation: ${q('Replace: why it applies.')}
      - id: c
        text: ${q('Replace: a wrong answer')}
        explanation: ${q('Replace: why it does not apply.')}

  # True or false: a statement; answer is true or false (no quotes); both explanations required.
  - id: example-true-false
    type: true-false
    prompt: ${q('Replace: a statement the learner judges.')}
    answer: true
    ifTrue: ${q('Replace: shown to a learner who answered true.')}
    ifFalse: ${q('Replace: shown to a learner who answered false.')}

  # Ordering: three to eight steps, written here in the right order (learners see them shuffled).
  - id: example-ordering
    type: ordering
    prompt: ${q('Replace: put these steps in order.')}
    items:
      - id: first
        text: ${q('Replace: the first step')}
        explanation: ${q('Replace: why it comes first.')}
      - id: second
        text: ${q('Replace: the second step')}
        explanation: ${q('Replace: why it comes next.')}
      - id: third
        text: ${q('Replace: the last step')}
        explanation: ${q('Replace: why it comes last.')}

  # Spot the line: a short snippet (under 40 lines); list the vulnerable line(s) by number, counting
  # from 1, and any decoy with vulnerable: false. otherLines explains every line not listed.
  - id: example-spot-the-line
    type: spot-the-line
    prompt: ${q('Replace: which line makes this code unsafe?')}
    code:
      # typescript, javascript, python, bash, yaml, json or text
      language: python
      source: |
        user_text = request.args["q"]
        prompt = SYSTEM_PROMPT + user_text
        reply = model.generate(prompt)
    lines:
      - line: 2
        explanation: ${q('Replace: why this line is the problem.')}
      - line: 3
        vulnerable: false
        explanation: ${q('Replace: why this tempting line is fine.')}
    otherLines: ${q('Replace: why the other lines are not the problem.')}

  # Scenario: one shared situation, then two to five parts of the kinds above (not another scenario).
  # Credit is the average of the parts.
  - id: example-scenario
    type: scenario
    prompt: ${q('Replace: what the learner is asked to judge about the situation.')}
    scenario: ${q('Replace: a few sentences describing the situation every part refers to.')}
    parts:
      - id: example-scenario-risk
        type: true-false
        prompt: ${q('Replace: a statement about the situation.')}
        answer: false
        ifTrue: ${q('Replace: shown to a learner who answered true.')}
        ifFalse: ${q('Replace: shown to a learner who answered false.')}
      - id: example-scenario-fix
        type: single
        prompt: ${q('Replace: what should the team do first?')}
        options:
          - id: a
            text: ${q('Replace: the right first step')}
            correct: true
            explanation: ${q('Replace: why it comes first.')}
          - id: b
            text: ${q('Replace: a step that can wait')}
            explanation: ${q('Replace: why it can wait.')}
`;
}
