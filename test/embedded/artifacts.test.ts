import { ARTIFACT_TEST_ENV, describeArtifacts } from '../support/artifact-suite.js';
import { testConfig } from '../support/app.js';

describeArtifacts('embedded: PGlite and the filesystem blob store', async () =>
  testConfig('embedded', ARTIFACT_TEST_ENV),
);
