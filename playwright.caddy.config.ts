import { serverTestConfig } from './tests/servers/playwright-server.ts';

/** The shipped caddy configuration, tested for real: tests/servers/caddy.spec.ts against caddy on loopback. */
export default serverTestConfig('caddy');
