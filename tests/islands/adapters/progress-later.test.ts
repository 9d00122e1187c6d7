// @vitest-environment jsdom
/**
 * The record pages load the progress store after hydration, one module per task (issue #22):
 * the steps run in order, the browser gets a turn after each, and a failure stops the load.
 */
import { describe, expect, it } from 'vitest';
import { importInSteps, loadProgressClient } from '../../../src/islands/adapters/progress-later.ts';

describe('importInSteps', () => {
	it('runs each step in order, yields after each, then returns what the last import gives', async () => {
		const log: string[] = [];
		const step = (name: string) => async () => {
			log.push(name);
		};
		const result = await importInSteps(
			[step('a'), step('b'), step('c')],
			async () => {
				log.push('last');
				return 42;
			},
			async () => {
				log.push('yield');
			},
		);
		expect(result).toBe(42);
		expect(log).toEqual(['a', 'yield', 'b', 'yield', 'c', 'yield', 'last']);
	});

	it('does not start a step before the one before it has finished', async () => {
		const log: string[] = [];
		let release: () => void = () => {};
		const slow = () =>
			new Promise<void>((resolve) => {
				log.push('slow started');
				release = () => {
					log.push('slow done');
					resolve();
				};
			});
		const done = importInSteps(
			[slow, async () => log.push('next')],
			async () => 'ok',
			async () => {},
		);
		await new Promise((r) => setTimeout(r, 0));
		expect(log).toEqual(['slow started']);
		release();
		await expect(done).resolves.toBe('ok');
		expect(log).toEqual(['slow started', 'slow done', 'next']);
	});

	it('stops at a step that fails and passes its error on', async () => {
		const log: string[] = [];
		const failing = importInSteps(
			[
				async () => {
					throw new Error('chunk could not be fetched');
				},
				async () => log.push('after'),
			],
			async () => log.push('last'),
			async () => {},
		);
		await expect(failing).rejects.toThrow('chunk could not be fetched');
		expect(log).toEqual([]);
	});

	it('with the default yield, waits for a new task between steps', async () => {
		const log: string[] = [];
		const loaded = importInSteps([async () => log.push('step')], async () => log.push('last'));
		// Microtasks are not enough: the last import waits for the timer's task.
		for (let i = 0; i < 20; i++) await Promise.resolve();
		expect(log).toEqual(['step']);
		await loaded;
		expect(log).toEqual(['step', 'last']);
	});
});

describe('loadProgressClient', () => {
	it('loads the store module through the steps, once', async () => {
		const first = loadProgressClient();
		expect(loadProgressClient()).toBe(first);
		const client = await first;
		expect(typeof client.getProgressStore).toBe('function');
		expect(client.getProgressStore().getSnapshot().data.attempts).toEqual([]);
	});
});
