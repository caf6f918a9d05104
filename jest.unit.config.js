// Unit tests only: no servers, no global setup (`npm run test:unit`).
import config from './jest.config.js';

export default {
  projects: [config.projects.find((p) => p.displayName === 'unit')],
  testTimeout: 10000,
};
