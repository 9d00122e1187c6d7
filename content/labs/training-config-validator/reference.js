// config: the training settings, e.g.
// { learning_rate: 0.001, batch_size: 64, epochs: 10, optimizer: 'adam', scheduler: 'cosine',
//   warmup_steps: 500, data_path: 'datasets/tickets-2026-11' }
// Returns a list of problems [{ key, problem }]; an empty list lets the job start.
const REQUIRED = ['learning_rate', 'batch_size', 'optimizer', 'data_path'];

// Every setting the trainer reads, with what a valid value looks like.
const SETTINGS = {
	learning_rate: (v) => typeof v === 'number' && v > 0 && v <= 1,
	batch_size: (v) => Number.isInteger(v) && v >= 1 && v <= 4096,
	epochs: (v) => Number.isInteger(v) && v >= 1,
	max_steps: (v) => Number.isInteger(v) && v >= 1,
	optimizer: (v) => v === 'adam' || v === 'sgd',
	momentum: (v) => typeof v === 'number' && v >= 0 && v < 1,
	scheduler: (v) => v === 'cosine' || v === 'none',
	warmup_steps: (v) => Number.isInteger(v) && v >= 0,
	data_path: (v) => typeof v === 'string' && v.length > 0,
};

function validateConfig(config) {
	const problems = [];
	for (const key of Object.keys(config)) {
		if (!Object.hasOwn(SETTINGS, key)) {
			problems.push({ key, problem: 'unknown setting: a typo, or a leftover nothing reads' });
		} else if (!SETTINGS[key](config[key])) {
			problems.push({ key, problem: `invalid value ${JSON.stringify(config[key])}` });
		}
	}
	for (const key of REQUIRED) {
		if (!(key in config)) problems.push({ key, problem: 'missing' });
	}
	if ('momentum' in config && config.optimizer !== 'sgd') {
		problems.push({
			key: 'momentum',
			problem: `only sgd uses momentum; with ${config.optimizer} it is ignored`,
		});
	}
	if ((config.warmup_steps ?? 0) > 0 && config.scheduler !== 'cosine') {
		problems.push({
			key: 'warmup_steps',
			problem: 'warm-up needs the cosine scheduler; otherwise it is ignored',
		});
	}
	if ('epochs' in config && 'max_steps' in config) {
		problems.push({ key: 'max_steps', problem: 'set epochs or max_steps, not both: one of them is ignored' });
	}
	return problems;
}
