/**
 * Components available in every MDX module without an import. To add one for authors,
 * create it here and list it below; document it in README.md ("Authoring a module").
 */
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import CodePair from './CodePair.astro';
import Figure from './Figure.astro';
import Fixed from './Fixed.astro';
import KeyTakeaways from './KeyTakeaways.astro';
import Pre from './Pre.astro';
import Provision from './Provision.astro';
import RoleNote from './RoleNote.astro';
import Scenario from './Scenario.astro';
import Table from './Table.astro';
import Vulnerable from './Vulnerable.astro';

export const mdxComponents = {
	Callout,
	Checklist,
	CodePair,
	Figure,
	Fixed,
	KeyTakeaways,
	Provision,
	RoleNote,
	Scenario,
	Vulnerable,
	// Markdown elements, replaced so they stay usable on small screens and by keyboard.
	pre: Pre,
	table: Table,
};
