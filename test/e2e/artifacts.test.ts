import { ARTIFACT_TEST_ENV, describeArtifacts } from '../support/artifact-suite.js';
import { testConfig } from '../support/app.js';
import { startLocalS3, type LocalS3 } from '../support/s3.js';

let s3: LocalS3 | undefined;

afterAll(async () => {
  await s3?.stop();
});

describeArtifacts('PostgreSQL, Redis and S3', async () => {
  s3 = await startLocalS3();
  return testConfig('server', { ...ARTIFACT_TEST_ENV, ...s3.env, RUN_PROCESSORS: 'true' });
});
