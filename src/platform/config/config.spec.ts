import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('gives the embedded default a working configuration with nothing set', () => {
    const config = loadConfig({});
    expect(config.database.mode).toBe('embedded');
    expect(config.queue).toEqual({ driver: 'local', runProcessorsInApi: true });
    expect(config.blobs.driver).toBe('filesystem');
    expect(config.cache.driver).toBe('memory');
    expect(config.env.PORT).toBe(3000);
    expect(config.env.JSON_BODY_LIMIT).toBe(1024 * 1024);
  });

  it('switches every port to servers when their URLs are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/parley',
      REDIS_URL: 'redis://cache:6379',
      S3_BUCKET: 'b',
    });
    expect(config.database.mode).toBe('server');
    expect(config.queue).toEqual({ driver: 'bullmq', runProcessorsInApi: false });
    expect(config.blobs.driver).toBe('s3');
    expect(config.cache.driver).toBe('redis');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['LOG_LEVEL', 'loud'],
    ['JSON_BODY_LIMIT', 'lots'],
    ['MIGRATIONS_RUN', 'maybe'],
    ['PARLEY_ENVIRONMENT', 'prod'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('does not echo secret values in its messages', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://user:hunter2@x' });
    expect(problem).not.toContain('hunter2');
  });

  it('refuses production without servers and secrets, naming each', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'DATABASE_URL',
      'REDIS_URL',
      'JWT_PRIVATE_KEY',
      'ENCRYPTION_KEY',
    ]);
  });

  it('parses sizes and lists', () => {
    const config = loadConfig({ JSON_BODY_LIMIT: '2mb', ADMIN_EMAILS: ' a@x.io, b@y.io ,' });
    expect(config.env.JSON_BODY_LIMIT).toBe(2 * 1024 * 1024);
    expect(config.env.ADMIN_EMAILS).toEqual(['a@x.io', 'b@y.io']);
  });

  it('leaves LDAP off without LDAP_URL and validates it when set', () => {
    expect(loadConfig({}).env.LDAP_URL).toBeUndefined();
    expect(problemsOf({ LDAP_URL: 'http://dir' })[0]).toMatch(/^LDAP_URL: /);
    expect(
      problemsOf({
        LDAP_URL: 'ldaps://dir',
        LDAP_STARTTLS: 'true',
        LDAP_BIND_DN: 'cn=svc',
        LDAP_GROUP_SEARCH_BASE: 'ou=groups,dc=x',
        LDAP_CA_FILE: '/nonexistent/ca.pem',
        LDAP_SEARCH_FILTER: '(uid=fixed)',
      }).map((p) => p.split(':')[0]),
    ).toEqual(['LDAP_SEARCH_FILTER']);
    expect(
      problemsOf({
        LDAP_URL: 'ldaps://dir',
        LDAP_STARTTLS: 'true',
        LDAP_BIND_DN: 'cn=svc',
        LDAP_GROUP_SEARCH_BASE: 'ou=groups,dc=x',
        LDAP_CA_FILE: '/nonexistent/ca.pem',
      }).map((p) => p.split(':')[0]),
    ).toEqual([
      'LDAP_SEARCH_BASE',
      'LDAP_BIND_PASSWORD',
      'LDAP_STARTTLS',
      'LDAP_ADMIN_GROUP_DN',
      'LDAP_CA_FILE',
    ]);
    const ok = loadConfig({ LDAP_URL: 'ldap://dir:389', LDAP_SEARCH_BASE: 'dc=x' });
    expect(ok.env.LDAP_SEARCH_FILTER).toBe('(uid={{username}})');
  });
});
