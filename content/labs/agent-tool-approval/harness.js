// Builds the arguments for handleToolCall(call, ctx): the model's proposed call and a context
// with recording tools and a stand-in person who answers approval questions.
// input.human: "yes" | "no" | "yes-unless-shown" (approves unless the question shows one of
// input.watchFor, i.e. a person who would refuse if they could see what is going on).
function labSetup(input, record) {
	const human = input.human || 'no';
	const watchFor = input.watchFor || [];
	const tools = {
		searchDocs(args) {
			record('searchDocs', args);
			return [{ title: 'Expenses policy', url: 'https://docs.example.com/expenses' }];
		},
		readCalendar(args) {
			record('readCalendar', args);
			return [{ at: '2026-12-08T10:00', title: 'Team meeting' }];
		},
		sendEmail(args) {
			record('sendEmail', args);
			return { sent: true };
		},
		deleteFile(args) {
			record('deleteFile', args);
			return { deleted: true };
		},
		exportContacts(args) {
			record('exportContacts', args);
			return { exported: 1200 };
		},
		runShell(args) {
			record('runShell', args);
			return { output: '' };
		},
	};
	const ctx = {
		user: { id: 'u-17', email: 'sam@example.com' },
		tools,
		askHuman(question) {
			const text = String(question);
			record('askHuman', { question: text });
			if (human === 'yes') return true;
			if (human === 'no') return false;
			const lower = text.toLowerCase();
			return !watchFor.some((w) => lower.includes(String(w).toLowerCase()));
		},
	};
	return [input.call, ctx];
}
