import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import { waitUntil } from './wait.js';

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';

export const SUFFIX = 'dc=parley,dc=test';
export const ROOT_DN = `cn=root,${SUFFIX}`;
export const ROOT_PASSWORD = 'root-secret';
export const READER_DN = `cn=reader,${SUFFIX}`;
export const READER_PASSWORD = 'reader-secret';
export const PEOPLE = `ou=people,${SUFFIX}`;
export const GROUPS = `ou=groups,${SUFFIX}`;
export const ADMINS_DN = `cn=admins,${GROUPS}`;

export interface Slapd {
  url: string;
  /** With `tls`: the PEM of the CA that signed the server's certificate (for 127.0.0.1). */
  caFile?: string;
  /** A client bound as the root DN, to change the directory mid-test. */
  admin(): Promise<Client>;
  stop(): Promise<void>;
}

export interface SeedPerson {
  uid: string;
  password: string;
  cn: string;
  mail?: string;
}

/** Fails loudly, naming the package, when the binaries are not installed. */
export function assertSlapdInstalled(): void {
  if (!fs.existsSync(SLAPD) || !fs.existsSync(SLAPADD)) {
    throw new Error(
      'slapd is not installed: apt-get install -y slapd ldap-utils (the LDAP suite needs it)',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway CA and a server certificate for 127.0.0.1 it signed (openssl, in `dir`). */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=Parley Test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  );
  fs.writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('san.ext'),
    '-out',
    file('server.pem'),
  );
  return { ca: file('ca.pem'), cert: file('server.pem'), key: file('server.key') };
}

function personLdif(p: SeedPerson): string {
  return [
    `dn: uid=${p.uid},${PEOPLE}`,
    'objectClass: inetOrgPerson',
    `uid: ${p.uid}`,
    `cn: ${p.cn}`,
    `sn: ${p.cn.split(' ').at(-1)}`,
    ...(p.mail ? [`mail: ${p.mail}`] : []),
    `userPassword: ${p.password}`,
    '',
  ].join('\n');
}

/**
 * A private OpenLDAP server for one test run: its own directory under the OS
 * temp dir, a port the OS chose, seeded with `people` (and `admins` as members
 * of the admin group); the service account may read, users bind as themselves.
 * With `memberOf`, the overlay maintains memberOf for groups changed later.
 */
export async function startSlapd(
  people: SeedPerson[],
  admins: string[],
  options: { memberOf?: boolean; tls?: boolean } = {},
): Promise<Slapd> {
  assertSlapdInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-slapd-'));
  const dbDir = path.join(dir, 'db');
  fs.mkdirSync(dbDir);
  const conf = path.join(dir, 'slapd.conf');
  const tls = options.tls ? makeCertificates(dir) : null;
  const pidFile = path.join(dir, 'slapd.pid');
  fs.writeFileSync(
    conf,
    [
      `include ${SCHEMA_DIR}/core.schema`,
      `include ${SCHEMA_DIR}/cosine.schema`,
      `include ${SCHEMA_DIR}/inetorgperson.schema`,
      `pidfile ${pidFile}`,
      `argsfile ${path.join(dir, 'slapd.args')}`,
      `modulepath ${MODULE_DIR}`,
      ...(tls
        ? [
            `TLSCACertificateFile ${tls.ca}`,
            `TLSCertificateFile ${tls.cert}`,
            `TLSCertificateKeyFile ${tls.key}`,
          ]
        : []),
      'moduleload back_mdb',
      ...(options.memberOf ? ['moduleload memberof'] : []),
      'database mdb',
      `suffix "${SUFFIX}"`,
      `rootdn "${ROOT_DN}"`,
      `rootpw ${ROOT_PASSWORD}`,
      `directory ${dbDir}`,
      'maxsize 16777216',
      // Keeps memberOf on each member as groups change (live operations only, not slapadd).
      ...(options.memberOf ? ['overlay memberof'] : []),
      'access to attrs=userPassword by anonymous auth by self write by * none',
      `access to * by dn.exact="${READER_DN}" read by self read by * none`,
      '',
    ].join('\n'),
  );
  const seed = [
    `dn: ${SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: parley\no: Parley Test\n`,
    `dn: ${READER_DN}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: reader\nuserPassword: ${READER_PASSWORD}\n`,
    `dn: ${PEOPLE}\nobjectClass: organizationalUnit\nou: people\n`,
    `dn: ${GROUPS}\nobjectClass: organizationalUnit\nou: groups\n`,
    ...people.map(personLdif),
    [
      `dn: ${ADMINS_DN}`,
      'objectClass: groupOfNames',
      'cn: admins',
      // groupOfNames needs a member: the root DN stands in when the group is otherwise empty.
      ...(admins.length
        ? admins.map((uid) => `member: uid=${uid},${PEOPLE}`)
        : [`member: ${ROOT_DN}`]),
      '',
    ].join('\n'),
  ].join('\n');
  const ldif = path.join(dir, 'seed.ldif');
  fs.writeFileSync(ldif, seed);
  execFileSync(SLAPADD, ['-f', conf, '-l', ldif], { stdio: 'pipe' });

  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  // slapd forks and writes its pidfile; it is stopped by that pid.
  const started = spawnSync(SLAPD, ['-f', conf, '-h', `${url}/`], { stdio: 'pipe' });
  if (started.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`slapd did not start: ${started.stderr.toString()}`);
  }
  const admin = async () => {
    const client = new Client({ url, timeout: 5000, connectTimeout: 2000 });
    await client.bind(ROOT_DN, ROOT_PASSWORD);
    return client;
  };
  await waitUntil(
    async () => {
      const client = await admin();
      await client.unbind();
      return true;
    },
    { what: `slapd answering on ${url}` },
  );
  return {
    url,
    caFile: tls?.ca,
    admin,
    stop: async () => {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await waitUntil(
        () => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        },
        { what: 'slapd stopped' },
      );
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
