// config: the training settings, e.g.
// { learning_rate: 0.001, batch_size: 64, epochs: 10, optimizer: 'adam', scheduler: 'cosine',
//   warmup_steps: 500, data_path: 'datasets/tickets-2026-11' }
// Returns a list of problems [{ key, problem }]; an empty list lets the job start.
const REQUIRED = ['learning_rate', 'batch_size', 'optimizer', 'data_path'];

function validateConfig(config) {
	const problems = [];
	for (const key of REQUIRED) {
		if (!(key in config)) problems.push({ key, problem: 'missing' });
	}
	return problems;
}
