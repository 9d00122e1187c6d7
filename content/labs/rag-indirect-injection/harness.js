// Builds the arguments for answerQuestion(question, ctx). The model is a scripted stand-in that
// obeys every instruction it finds anywhere in its prompt (the worst case):
//   - "action: <tool> {json}" or "tool=<tool> {json}" on any line, in any letter case,
//   - "please (also) forward/send/email this to <address>",
//   - "email it to me" (or "email me the answer"): emails the user who asked.
function labSetup(input, record) {
	const user = { id: 'u-17', email: 'sam@example.com' };
	const documents = input.documents || [];

	function scriptedModel(prompt) {
		const text = String(prompt);
		record('model', { promptLength: text.length });
		const actions = [];
		const direct = /\b(?:action|tool)\s*[:=]\s*([A-Za-z_]+)\s*(\{[^\n]*?\})/gi;
		let m;
		while ((m = direct.exec(text)) !== null) {
			try {
				actions.push({ tool: m[1], args: JSON.parse(m[2]) });
			} catch (e) {
				// not JSON: the model ignores it
			}
		}
		const forward =
			/please\s+(?:also\s+)?(?:forward|send|e-?mail)\s+(?:this|it|the answer|everything)\s+to\s+([\w.+-]+@[\w.-]+\w)/gi;
		while ((m = forward.exec(text)) !== null) {
			actions.push({
				tool: 'sendEmail',
				args: { to: m[1], subject: 'Fwd: company documents', body: text.slice(0, 2000) },
			});
		}
		if (/\b(?:email|e-mail|send)\s+(?:it|this|the answer)\s+to\s+me\b|\bemail\s+me\b/i.test(text)) {
			actions.push({
				tool: 'sendEmail',
				args: { to: user.email, subject: 'Your answer', body: 'Answer attached.' },
			});
		}
		const firstLines = documents.map((d) => String(d.text).split('\n')[0]).join(' ');
		return { answer: `From the documents: ${firstLines}`, actions };
	}

	const ctx = {
		user,
		search(query) {
			record('search', { query: String(query) });
			return documents;
		},
		model: scriptedModel,
		tools: {
			sendEmail(args) {
				record('sendEmail', args);
				return { sent: true };
			},
			createTicket(args) {
				record('createTicket', args);
				return { id: 'T-1' };
			},
			deleteFile(args) {
				record('deleteFile', args);
				return { deleted: true };
			},
		},
	};
	return [input.question, ctx];
}
