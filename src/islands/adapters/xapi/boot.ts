/**
 * The LRS feed's only code on every module page and the dashboard, and only on sites that
 * configure `lrs:` in academy.config.yaml (other builds contain none of it). It loads the sender
 * (feed.ts) only when the learner has opted in, and wires the opt-in form on the dashboard.
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
	if (form) wireOptIn(config, form);
}

function wireOptIn(cfg: LrsClientConfig, section: HTMLElement) {
	const off = section.querySelector<HTMLFormElement>('form');
	const on = section.querySelector<HTMLElement>('[data-lrs-on]');
	const who = section.querySelector<HTMLElement>('[data-lrs-name]');
	const status = section.querySelector<HTMLElement>('[data-lrs-status]');
	const input = section.querySelector<HTMLInputElement>('input');
	const stop = section.querySelector<HTMLButtonElement>('[data-lrs-stop]');
	if (!off || !on || !who || !status || !input || !stop) return;
	const show = () => {
		const c = readConsent();
		off.hidden = Boolean(c);
		on.hidden = !c;
		who.textContent = c?.name ?? '';
	};
	section.hidden = false;
	show();
	addEventListener('storage', (e) => {
		if (e.key === CONSENT_KEY || e.key === null) show();
	});
	off.addEventListener('submit', (event) => {
		event.preventDefault();
		void load().then((m) => {
			const r = m.optIn(input.value);
			if ('error' in r) {
				input.setAttribute('aria-invalid', 'true');
				status.textContent = `Not started: ${r.error}.`;
				input.focus();
				return;
			}
			input.removeAttribute('aria-invalid');
			show();
			status.textContent = `Started. Results from now on are sent as "${r.name}".`;
			m.startFeed(cfg, section);
			stop.focus();
		});
	});
	stop.addEventListener('click', () => {
		void load().then((m) => {
			m.optOut();
			show();
			status.textContent =
				'Stopped. Nothing more is sent, and results still waiting were dropped; your progress stays in this browser.';
			input.focus();
		});
	});
}
