/** The dashboard's form where the learner turns the LRS feed on (with the name or id to report under) or off. */
import { CONSENT_KEY, type LrsClientConfig, readConsent } from './client-config.ts';

export function wireOptIn(
	cfg: LrsClientConfig,
	section: HTMLElement,
	load: () => Promise<typeof import('./feed.ts')>,
) {
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
