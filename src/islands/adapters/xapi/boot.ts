/**
 * The LRS feed's only code on every module page and the dashboard, and only on sites that
 * configure `lrs:` in academy.config.yaml (other builds contain none of it). It loads the sender
 * (feed.ts) only when the learner has opted in, and the opt-in form's code (optin.ts) only on
 * the dashboard.
 */
import { CONSENT_KEY, type LrsClientConfig, readConsent } from './client-config.ts';

const holder = document.getElementById('saa-lrs');
const config = holder?.dataset.config ? (JSON.parse(holder.dataset.config) as LrsClientConfig) : undefined;
const form = document.getElementById('lrs-optin');

const load = () => import('./feed.ts');

if (config) {
	const startIfOn = () => {
		if (readConsent()) void load().then((m) => m.startFeed(config, form));
	};
	startIfOn();
	// Turned on in another tab (the dashboard): pages already open start sending too.
	addEventListener('storage', (e) => {
		if (e.key === CONSENT_KEY) startIfOn();
	});
	// The opt-in form is on the dashboard only: its code loads there.
	if (form) void import('./optin.ts').then((m) => m.wireOptIn(config, form, load));
}
