/** A code snippet inside a question: focusable so it can be scrolled by keyboard. */
import { ScrollRegion } from '../ScrollRegion.tsx';

export function CodeBlock({ code }: { code: { language: string; source: string } }) {
	return (
		<ScrollRegion label={`${code.language} code`}>
			<pre className={`language-${code.language}`}>
				<code>{code.source.replace(/\n$/, '')}</code>
			</pre>
		</ScrollRegion>
	);
}
