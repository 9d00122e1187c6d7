/** The machine a benchmark ran on, so that numbers from different machines are not compared blindly. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { chromiumPath } from '../../playwright.config.ts';

export interface Machine {
	os: string;
	cpu: string;
	cores: number;
	memoryGiB: number;
	node: string;
	chromium: string;
	/** 1-minute load average when the run started and ended (other work on the machine skews timings). */
	loadStart: number;
	loadEnd?: number;
}

function distribution(): string {
	if (!existsSync('/etc/os-release')) return '';
	const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
	return m?.[1] ? `${m[1]}, ` : '';
}

export function machine(): Machine {
	const version = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' });
	return {
		os: `${distribution()}${type()} ${release()}`,
		cpu: cpus()[0]?.model.trim() ?? 'unknown',
		cores: cpus().length,
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		chromium: version.stdout?.trim() || `not found at ${chromiumPath}`,
		loadStart: loadavg()[0] ?? 0,
	};
}

export function loadNow(): number {
	return loadavg()[0] ?? 0;
}
