import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import {
  Client,
  Filter,
  InvalidCredentialsError,
  ResultCodeError,
  SizeLimitExceededError,
  type Entry,
} from 'ldapts';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import type { Env } from '../../../platform/config/config.schema.js';

/** A directory entry whose password bind succeeded. */
export interface DirectoryUser {
  /** entryUUID (or the configured id attribute), else the DN: the IdP link's key. */
  id: string;
  dn: string;
  email: string | null;
  name: string | null;
  /** In the admin group; null when no admin group is configured (roles are left alone). */
  admin: boolean | null;
}

export class DirectoryUnavailableError extends Error {}

/** The DN a failed lookup binds as, so an unknown user costs the round trip a wrong password does. */
const ABSENT_RDN = 'cn=parley-no-such-entry';

/** Substitutes `{{name}}` with the RFC 4515-escaped value (ldapts' Filter.escape). */
export function fillFilter(template: string, name: string, value: string): string {
  return template.split(`{{${name}}}`).join(Filter.escape(value));
}

/** DNs compare without case and spacing after commas (enough for configured group DNs). */
export function sameDn(a: string, b: string): boolean {
  const norm = (dn: string) =>
    dn
      .replace(/\s*,\s*/g, ',')
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The directory as sign-in needs it: a service bind to find exactly one entry,
 * then a bind as that entry with the password. Every call opens its own
 * connections and closes them (sign-ins are rare; a pooled bound connection
 * would change identity under concurrent requests).
 */
@Injectable()
export class LdapDirectory {
  private readonly env: Env;
  private readonly tls: ConnectionOptions | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.env = config.env;
    this.tls = this.env.LDAP_CA_FILE ? { ca: readFileSync(this.env.LDAP_CA_FILE) } : undefined;
  }

  get enabled(): boolean {
    return Boolean(this.env.LDAP_URL);
  }

  /** The entry for these credentials, or null (no entry, several, or a wrong password). */
  async authenticate(username: string, password: string): Promise<DirectoryUser | null> {
    const service = await this.connect();
    try {
      if (this.env.LDAP_BIND_DN) {
        const { LDAP_BIND_DN: dn, LDAP_BIND_PASSWORD: secret } = this.env;
        await this.guard(() => service.bind(dn, secret!));
      }
      const entry = await this.findUnique(service, username);
      const bound = await this.bindAs(
        entry?.dn ?? `${ABSENT_RDN},${this.env.LDAP_SEARCH_BASE}`,
        password,
      );
      if (!entry || !bound) return null;
      return {
        id: first(entry[this.env.LDAP_ID_ATTRIBUTE]) ?? entry.dn,
        dn: entry.dn,
        email: first(entry[this.env.LDAP_EMAIL_ATTRIBUTE]),
        name: first(entry[this.env.LDAP_NAME_ATTRIBUTE])?.slice(0, 200) ?? null,
        admin: await this.isAdmin(service, entry),
      };
    } finally {
      await service.unbind().catch(() => undefined);
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      url: this.env.LDAP_URL!,
      timeout: this.env.LDAP_TIMEOUT_MS,
      connectTimeout: this.env.LDAP_TIMEOUT_MS,
      // Only for ldaps:// (ldapts speaks TLS from the first byte whenever tlsOptions are set),
      // and a fresh object each time: ldapts writes the socket into the options it is given.
      tlsOptions: this.env.LDAP_URL!.startsWith('ldaps:') ? { ...this.tls } : undefined,
    });
    try {
      if (this.env.LDAP_STARTTLS) {
        // The certificate is checked against the URL's host (an IP is never sent as SNI).
        const host = new URL(this.env.LDAP_URL!).hostname.replace(/^\[|\]$/g, '');
        await client.startTLS({ ...this.tls, host, ...(isIP(host) ? {} : { servername: host }) });
      }
    } catch (err) {
      await client.unbind().catch(() => undefined);
      throw new DirectoryUnavailableError(String(err));
    }
    return client;
  }

  private async findUnique(client: Client, username: string): Promise<Entry | null> {
    const filter = fillFilter(this.env.LDAP_SEARCH_FILTER, 'username', username);
    const { searchEntries } = await this.guard(
      () =>
        client.search(this.env.LDAP_SEARCH_BASE!, {
          scope: 'sub',
          filter,
          // Two are enough to know the username is ambiguous.
          sizeLimit: 2,
          attributes: [
            this.env.LDAP_ID_ATTRIBUTE,
            this.env.LDAP_EMAIL_ATTRIBUTE,
            this.env.LDAP_NAME_ATTRIBUTE,
            'memberOf',
          ],
        }),
      // More entries than the size limit: ambiguous, so nobody signs in.
      (err) =>
        err instanceof SizeLimitExceededError
          ? { searchEntries: [], searchReferences: [] }
          : undefined,
    );
    return searchEntries.length === 1 ? searchEntries[0]! : null;
  }

  /** True when the password binds as `dn`; false for wrong credentials. */
  private async bindAs(dn: string, password: string): Promise<boolean> {
    const client = await this.connect();
    try {
      await client.bind(dn, password);
      return true;
    } catch (err) {
      // Wrong password, malformed or vanished DN: a failed sign-in, not an outage.
      if (err instanceof InvalidCredentialsError || err instanceof ResultCodeError) return false;
      throw new DirectoryUnavailableError(String(err));
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private async isAdmin(client: Client, entry: Entry): Promise<boolean | null> {
    const adminDn = this.env.LDAP_ADMIN_GROUP_DN;
    if (!adminDn) return null;
    const memberOf = entry.memberOf;
    const groups = (Array.isArray(memberOf) ? memberOf : memberOf ? [memberOf] : []).map(String);
    if (groups.some((dn) => sameDn(dn, adminDn))) return true;
    if (!this.env.LDAP_GROUP_SEARCH_BASE) return false;
    const { searchEntries } = await this.guard(() =>
      client.search(this.env.LDAP_GROUP_SEARCH_BASE!, {
        scope: 'sub',
        filter: fillFilter(this.env.LDAP_GROUP_SEARCH_FILTER, 'dn', entry.dn),
        attributes: ['1.1'],
      }),
    );
    return searchEntries.some((group) => sameDn(group.dn, adminDn));
  }

  /**
   * A failing service operation (unreachable server, wrong service credentials,
   * missing base) is the directory's outage, not the user's wrong password.
   */
  private async guard<T>(
    op: () => Promise<T>,
    recover?: (err: unknown) => T | undefined,
  ): Promise<T> {
    try {
      return await op();
    } catch (err) {
      const recovered = recover?.(err);
      if (recovered !== undefined) return recovered;
      throw new DirectoryUnavailableError(String(err));
    }
  }
}

function first(value: Entry[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined) return null;
  const s = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  return s === '' ? null : s;
}
