import type { ScenarioPart } from '../../schemas/questions/scenario.ts';
import type { Question } from '../../schemas/quiz.ts';

/** Props of every static (no-JavaScript) question view. */
export interface StaticProps<Q extends Question | ScenarioPart = Question | ScenarioPart> {
	question: Q;
	/** Seed for the shown order of options or steps. */
	seed: string;
	/** "3" or "3.2" */
	number: number | string;
	/**
	 * StaticQuestion itself (`Astro.self`), so that a scenario can render its parts through the
	 * registry without importing StaticQuestion back (which would be an import cycle).
	 */
	// biome-ignore lint/suspicious/noExplicitAny: an Astro component's props are checked where it is used.
	Part?: (props: any) => unknown;
}
