/** Turns the catalog into finder documents. Pure: the endpoint and the tests both call it. */
import {
	etsiProvisionId,
	MODAL_LABELS,
	PHASE_LABELS,
	provisionAnchor,
	ROLE_LABELS,
} from '../core/progress/labels.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import type { ModuleData } from '../schemas/module.ts';
import type { Principle } from '../schemas/principle.ts';
import type { Quiz } from '../schemas/quiz.ts';
import { type FinderDoc, PHASE_TOKEN, ROLE_TOKEN } from './finder.ts';

export interface FinderSource {
	principles: readonly Principle[];
	modules: readonly ModuleData[];
	quizzes: readonly Quiz[];
	glossary: readonly GlossaryTerm[];
	/** Site base path ending in "/". */
	base: string;
}

export function finderDocuments(src: FinderSource): FinderDoc[] {
	const { base } = src;
	const phaseOf = new Map(src.principles.map((p) => [p.number, p.phase]));
	const docs: FinderDoc[] = [];
	for (const p of src.principles) {
		docs.push({
			ref: `principle:${p.number}`,
			kind: 'principle',
			title: `Principle ${p.number}: ${p.title}`,
			summary: `${PHASE_LABELS[p.phase]} · ETSI ${p.etsiClause} · ${p.provisions.length} provisions`,
			text: p.summary,
			url: `${base}principles/${p.number}/`,
			roles: p.primaryRoles.map((r) => ROLE_TOKEN[r] ?? r),
			phases: [PHASE_TOKEN[p.phase] ?? p.phase],
			principles: [p.number],
		});
		for (const v of p.provisions) {
			docs.push({
				ref: `provision:${v.id}`,
				kind: 'provision',
				title: `${v.id} ${v.title}`,
				summary: `${MODAL_LABELS[v.modal].label} · ${v.who.map((r) => ROLE_LABELS[r]).join(', ')} · ETSI ${etsiProvisionId(p.etsiClause, v.id)}`,
				text: `${v.summary} ${v.whoNote ?? ''} Principle ${p.number} ${p.title}`,
				url: `${base}principles/${p.number}/#${provisionAnchor(v.id)}`,
				roles: v.who.map((r) => ROLE_TOKEN[r] ?? r),
				phases: [PHASE_TOKEN[p.phase] ?? p.phase],
				principles: [p.number],
			});
		}
	}
	for (const m of src.modules) {
		const principles = [...new Set([...m.principles, ...m.provisions.map((id) => Number.parseInt(id, 10))])];
		docs.push({
			ref: `module:${m.id}`,
			kind: 'module',
			title: m.title,
			summary: m.summary,
			text: `${m.objectives.join(' ')} ${m.provisions.join(' ')}`,
			url: `${base}modules/${m.id}/`,
			roles: m.roles.map((r) => ROLE_TOKEN[r] ?? r),
			phases: [
				...new Set(
					principles.map((n) => phaseOf.get(n)).flatMap((ph) => (ph ? [PHASE_TOKEN[ph] ?? ph] : [])),
				),
			],
			principles,
		});
	}
	const moduleById = new Map(src.modules.map((m) => [m.id, m]));
	for (const q of src.quizzes) {
		const m = moduleById.get(q.module);
		const tags = [...new Set(q.questions.flatMap((x) => x.provisions ?? []))];
		docs.push({
			ref: `quiz:${q.id}`,
			kind: 'quiz',
			title: `Quiz: ${m?.title ?? q.title}`,
			summary: `${q.draw ?? q.questions.length} questions${q.draw ? ` from a pool of ${q.questions.length}` : ''} · provisions ${tags.join(', ') || 'none tagged'}`,
			text: tags.join(' '),
			url: `${base}modules/${q.module}/#quiz`,
			roles: (m?.roles ?? []).map((r) => ROLE_TOKEN[r] ?? r),
			phases: [],
			principles: m?.principles ?? [],
		});
	}
	for (const t of src.glossary) {
		docs.push({
			ref: `term:${t.slug}`,
			kind: 'term',
			title: t.term,
			summary: t.definition.length > 160 ? `${t.definition.slice(0, 157)}…` : t.definition,
			text: `${t.aliases.join(' ')} ${t.definition}`,
			url: `${base}glossary/${t.slug}/`,
			roles: [],
			phases: [],
			principles: [...new Set(t.provisions.map((id) => Number.parseInt(id, 10)))],
		});
	}
	return docs;
}
