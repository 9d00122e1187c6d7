/**
 * Reads and validates the site configuration at build time (from astro.config.mjs and pages).
 * `ACADEMY_CONFIG` names another file; the default is academy.config.yaml in the project root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { type SiteConfig, SiteConfigSchema } from '../schemas/site-config.ts';

export function configPath(root = process.cwd()): string {
	return resolve(root, process.env.ACADEMY_CONFIG ?? 'academy.config.yaml');
}

export class SiteConfigError extends Error {
	override name = 'SiteConfigError';
}

/** Loads the configuration; throws a SiteConfigError naming the file, each bad field and the fix. */
export function loadSiteConfig(path = configPath()): SiteConfig {
	let raw: unknown = {};
	if (existsSync(path)) {
		try {
			raw = parse(readFileSync(path, 'utf8')) ?? {};
		} catch (e) {
			throw new SiteConfigError(`${path} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
		}
	} else if (process.env.ACADEMY_CONFIG) {
		throw new SiteConfigError(`ACADEMY_CONFIG points at ${path}, which does not exist.`);
	}
	// A section whose fields are all commented out reads as null: treat it as empty.
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
		raw = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null));
	}
	const r = SiteConfigSchema.safeParse(raw);
	if (!r.success) {
		const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
		throw new SiteConfigError(
			`${path} has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}\nSee README.md, "Configuration".`,
		);
	}
	return r.data;
}
