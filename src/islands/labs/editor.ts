/**
 * The lab editor: CodeMirror 6 with a minimal set of extensions (line numbers, undo history,
 * JavaScript/TypeScript highlighting, bracket matching, Tab to indent). Keyboard users leave it
 * with Escape then Tab (CodeMirror's tab-focus mode), which the page says on screen.
 *
 * Content-Security-Policy: CodeMirror writes its styles at run time. In a document it would add a
 * <style> element, which the site's style-src forbids; inside a shadow root it uses a constructed
 * stylesheet (adoptedStyleSheets) instead, which style-src does not govern. So the editor lives in
 * a shadow root and the policy needs no hash, nonce or 'unsafe-inline' at all (see docs/labs.md).
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/** Token colours as in src/styles/code.css (each at least 4.5:1 on the code background). */
const highlight = HighlightStyle.define([
	{
		tag: [t.comment, t.lineComment, t.blockComment],
		color: 'light-dark(#57606a, #9aa6b2)',
		fontStyle: 'italic',
	},
	{
		tag: [t.keyword, t.bool, t.null, t.modifier, t.controlKeyword, t.definitionKeyword, t.moduleKeyword],
		color: 'light-dark(#a3113e, #ff8fb0)',
	},
	{ tag: [t.string, t.special(t.string), t.regexp], color: 'light-dark(#0a5c2a, #8fe0a6)' },
	{ tag: [t.number], color: 'light-dark(#8a3f00, #ffbd7a)' },
	{
		tag: [t.function(t.variableName), t.function(t.propertyName), t.className, t.typeName],
		color: 'light-dark(#6230a8, #d2b3ff)',
	},
	{ tag: [t.operator, t.propertyName], color: 'light-dark(#0b4f99, #8cc4ff)' },
]);

const theme = EditorView.theme({
	'&': {
		color: 'var(--fg)',
		backgroundColor: 'var(--code-bg)',
		border: '1px solid var(--border)',
		borderRadius: 'var(--radius)',
		fontSize: '0.9rem',
	},
	'&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
	'.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5', minHeight: '16rem', maxHeight: '70vh' },
	'.cm-content': { caretColor: 'var(--fg)', padding: '0.5rem 0' },
	'.cm-cursor': { borderLeftColor: 'var(--fg)' },
	'.cm-gutters': {
		backgroundColor: 'var(--bg-soft)',
		color: 'var(--fg-soft)',
		borderRight: '1px solid var(--border)',
	},
	'.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 60%, transparent)' },
	'.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--fg)' },
	'&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
		backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
	},
	'.cm-matchingBracket': { outline: '1px solid var(--fg-soft)' },
});

export interface LabEditor {
	getCode(): string;
	setCode(code: string): void;
	focus(): void;
	destroy(): void;
}

export function createEditor(
	host: HTMLElement,
	options: {
		code: string;
		typescript: boolean;
		label: string;
		onChange: (code: string) => void;
		onFocus?: () => void;
	},
): LabEditor {
	const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
	const view = new EditorView({
		root: shadow,
		parent: shadow,
		state: EditorState.create({
			doc: options.code,
			extensions: [
				lineNumbers(),
				history(),
				drawSelection(),
				highlightActiveLine(),
				indentOnInput(),
				bracketMatching(),
				EditorState.tabSize.of(2),
				javascript({ typescript: options.typescript }),
				syntaxHighlighting(highlight),
				keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
				theme,
				EditorView.contentAttributes.of({
					'aria-label': options.label,
					tabindex: '0',
					spellcheck: 'false',
					autocapitalize: 'off',
					autocorrect: 'off',
				}),
				// Typing over a selection that spans lines is left to the browser by default, and
				// Chrome's own editing then tries to keep the look of the merged lines with a `style`
				// attribute, which the site's CSP blocks (a violation report, though nothing breaks).
				// Replacing the selection here keeps the edit inside CodeMirror, so no style is set.
				EditorView.domEventHandlers({
					beforeinput(event, view) {
						const typed = event.inputType === 'insertText' || event.inputType === 'insertReplacementText';
						if (!typed || event.isComposing || view.state.selection.main.empty) return false;
						const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
						event.preventDefault();
						view.dispatch(view.state.replaceSelection(text), {
							userEvent: 'input.type',
							scrollIntoView: true,
						});
						return true;
					},
				}),
				EditorView.updateListener.of((u) => {
					if (u.docChanged) options.onChange(u.state.doc.toString());
					if (u.focusChanged && u.view.hasFocus) options.onFocus?.();
				}),
			],
		}),
	});
	return {
		getCode: () => view.state.doc.toString(),
		setCode(code) {
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
		},
		focus: () => view.focus(),
		destroy: () => view.destroy(),
	};
}
