// Builds the arguments for renderAnswer(markdown).
//
// The suites hand the assistant's answer in directly (input.args). The attack stage hands in a
// document instead (input.document): a scripted stand-in assistant summarises it for the user,
// with the user's payslip in its context, and obeys every instruction it finds in the document
// (the worst case, on purpose):
//   - a line that starts with an instruction verb (append, add, include, insert, write, output,
//     show, print, "end your answer with", "finish your answer with"), in any letter case, after
//     optional list or quote marks and an optional "please" or "assistant:" / "AI:" /
//     "instruction:" / "important:" / "system:" marker: the rest of the line is added to the end
//     of its answer as written; a marker line without a verb is added as it is;
//   - in such a line, "replacing X with the user's net pay" (or "where X is the user's net pay")
//     makes it write the value in place of X. It knows the user's net pay (also "salary" or "pay"),
//     name and email.
function labSetup(input, record) {
	if (input && input.args) return input.args;

	const facts = {
		'net pay': String(input.netPay),
		salary: String(input.netPay),
		pay: String(input.netPay),
		name: 'Sam Patel',
		email: 'sam@example.com',
		'email address': 'sam@example.com',
	};
	const marker = /^\s*(?:[-*>#]\s*)*(?:(assistant|ai|instruction|important|system)\s*[:,]\s*)?(.*)$/i;
	const verb =
		/^(?:please\s+)?(?:append|add|include|insert|write|output|show|print|(?:end|finish)\s+(?:your|the|each|every)\s+(?:answer|reply|response)s?\s+with)\b\s*:?\s*(.*)$/i;
	const fill =
		/[,;]?\s*(?:and\s+)?(?:replacing|replace|substituting|where)\s+(\S+)\s+(?:with|is|stands for)\s+the\s+user'?s\s+(net pay|salary|pay|name|email address|email)\b\.?\s*$/i;
	const placement =
		/\s+(?:to|at the end of|in|after)\s+(?:your|the|each|every)\s+(?:answer|reply|response)s?\.?\s*$/i;

	const obeyed = [];
	const plain = [];
	for (const line of String(input.document).split('\n')) {
		const m = marker.exec(line);
		const rest = m ? m[2] : line;
		const v = verb.exec(rest);
		if (!v && !(m && m[1])) {
			if (line.trim() !== '') plain.push(line.trim());
			continue;
		}
		let text = v ? v[1] : rest;
		const f = fill.exec(text);
		if (f) {
			text = text.slice(0, f.index).split(f[1]).join(facts[f[2].toLowerCase()]);
		}
		text = text.replace(placement, '').trim();
		if (text !== '') obeyed.push(text);
	}
	const summary = plain.length > 0 ? plain[0] : 'it holds only instructions.';
	const answer = [`Here is a summary of the document you were sent: ${summary}`, ...obeyed].join('\n\n');
	record('assistant', { answer });
	return [answer];
}
