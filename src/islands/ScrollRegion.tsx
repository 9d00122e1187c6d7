/**
 * A box that may scroll sideways on small screens (a table, a code block). It must take keyboard
 * focus so keyboard users can scroll it (WCAG 2.1.1, axe "scrollable-region-focusable"), and a
 * focusable box needs a role and a name.
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
	return (
		// biome-ignore lint/a11y/useSemanticElements: a <section> landmark per table would clutter the landmark list.
		// biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable content must be reachable by keyboard.
		<div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
			{children}
		</div>
	);
}
