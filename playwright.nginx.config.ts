import { serverTestConfig } from './tests/servers/playwright-server.ts';

/** The shipped nginx configuration, tested for real: tests/servers/nginx.spec.ts against nginx on loopback. */
export default serverTestConfig('nginx');
