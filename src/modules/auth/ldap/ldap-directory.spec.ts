import { fillFilter, sameDn } from './ldap-directory.js';

describe('fillFilter', () => {
  it.each([
    ['alice', '(uid=alice)'],
    ['*', '(uid=\\2a)'],
    ['*)(uid=*', '(uid=\\2a\\29\\28uid=\\2a)'],
    ['admin)(|(uid=*', '(uid=admin\\29\\28|\\28uid=\\2a)'],
    ['a\u0000b', '(uid=a\\00b)'],
    ['back\\slash', '(uid=back\\5cslash)'],
    ['\\2a', '(uid=\\5c2a)'],
  ])('escapes %j per RFC 4515', (username, filter) => {
    expect(fillFilter('(uid={{username}})', 'username', username)).toBe(filter);
  });

  it('fills every occurrence of the placeholder', () => {
    expect(fillFilter('(|(uid={{username}})(mail={{username}}))', 'username', 'a*')).toBe(
      '(|(uid=a\\2a)(mail=a\\2a))',
    );
  });
});

describe('sameDn', () => {
  it('ignores case and spaces after commas', () => {
    expect(sameDn('cn=Admins, ou=Groups,dc=x', 'cn=admins,ou=groups,dc=x')).toBe(true);
    expect(sameDn('cn=admins,ou=groups,dc=x', 'cn=admins2,ou=groups,dc=x')).toBe(false);
  });
});
