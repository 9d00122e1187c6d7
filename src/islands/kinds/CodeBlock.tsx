/** A code snippet inside a question: focusable so it can be scrolled by keyboard. */
export function CodeBlock({ code }: { code: { language: string; source: string } }) {
	return (
		<pre className={`language-${code.language}`} tabIndex={0} aria-label={`${code.language} code`}>
			<code>{code.source.replace(/\n$/, '')}</code>
		</pre>
	);
}
