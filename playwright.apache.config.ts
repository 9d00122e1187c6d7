import { serverTestConfig } from './tests/servers/playwright-server.ts';

/** The shipped apache configuration, tested for real: tests/servers/apache.spec.ts against apache on loopback. */
export default serverTestConfig('apache');
