/**
 * The words of the assignments feature: how an assigned item is named, and what is said about one
 * this site does not publish. assignments.ts works out which item it is and passes the facts here,
 * so a change of wording or a translation touches only this file. (The assignment link's own
 * messages belong to its untrusted-data pipeline, in link.ts.)
 */

/** What an assigned item turned out to be, with the facts its label needs. */
export type ItemLabel =
	| { kind: 'path'; title: string }
	| { kind: 'unknown-path'; id: string }
	| { kind: 'principle'; number: number; title: string | undefined }
	| { kind: 'module'; title: string }
	| { kind: 'unknown-module'; id: string }
	| { kind: 'unknown-lab'; id: string };

/** e.g. "Learning path: Developer", "Principle 5: Identify, track and protect your assets". */
export function itemLabel(l: ItemLabel): string {
	switch (l.kind) {
		case 'path':
			return `Learning path: ${l.title}`;
		case 'unknown-path':
			return `Learning path “${l.id}”`;
		case 'principle':
			return l.title === undefined ? `Principle ${l.number}` : `Principle ${l.number}: ${l.title}`;
		case 'module':
			return `Module: ${l.title}`;
		case 'unknown-module':
			return `Module “${l.id}”`;
		case 'unknown-lab':
			return `Lab “${l.id}”`;
	}
}

/** Said of an item whose path, principle modules or module this site does not publish. */
export const notPublished = (label: string) => `${label} is not published on this site`;
