import { runtimeGrantStatements } from './runtime-grants.js';

describe('runtimeGrantStatements', () => {
  it('grants DML, never CREATE, and leaves the audit log append-only', () => {
    const sql = runtimeGrantStatements('parley_app');
    expect(sql[0]).toMatch(/^REVOKE ALL ON ALL TABLES/);
    expect(sql).toContain('REVOKE UPDATE, DELETE ON app.audit_log FROM "parley_app"');
    expect(sql.some((s) => /GRANT[^;]*\bCREATE\b/.test(s))).toBe(false);
    expect(sql.filter((s) => s.startsWith('ALTER DEFAULT PRIVILEGES'))).toHaveLength(2);
  });

  it('refuses a name that is not a plain role name', () => {
    expect(() => runtimeGrantStatements('x"; DROP TABLE app.users; --')).toThrow(/role name/);
  });
});
