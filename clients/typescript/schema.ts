// Generated from openapi.json by `npm run openapi:write` (openapi-typescript): do not edit.
export interface paths {
  '/v1/blobs/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a blob through a signed, expiring link (embedded blob store)
     * @description The link is the credential: it comes from an authenticated route such as an artifact download.
     */
    get: operations['BlobDownload_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s profile */
    get: operations['Me_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update the profile; completing it moves live sessions on from ONBOARDING */
    patch: operations['Me_patch'];
    trace?: never;
  };
  '/v1/me/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stored provider keys, masked */
    get: operations['Me_listKeys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/api-keys/{provider}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Store (or replace) a provider key, encrypted at rest */
    put: operations['Me_putKey'];
    post?: never;
    /** Forget a provider key */
    delete: operations['Me_deleteKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What is granted and what is still needed */
    get: operations['Consent_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/consent/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept the terms in force (time and address are recorded) */
    post: operations['Consent_acceptTerms'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/consent/parental-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A minor asks a parent for consent; the code is returned once and mailed to them */
    post: operations['ParentalConsent_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/consent/parental-requests/{token}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A parent account grants consent; links parent and child */
    post: operations['ParentalConsent_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/consent/children': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Minors linked to me by parental consent */
    get: operations['ParentalConsent_children'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/consent/children/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke consent: the minor's sessions drop to PENDING_CONSENT at once */
    delete: operations['ParentalConsent_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account with email and password (and optionally the profile) */
    post: operations['Auth_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in; repeated failures lock the account and the address out */
    post: operations['Auth_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/guest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start as a guest (no credentials); upgrade later keeping all data */
    post: operations['Auth_guest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a refresh token; presenting a used one revokes the session */
    post: operations['Auth_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke this session and its access token */
    post: operations['Auth_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke every session of the caller */
    post: operations['Auth_logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password/change': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the password: every earlier token dies, the caller gets new ones */
    post: operations['Auth_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password/forgot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail a reset token; always 202, whether or not the account exists */
    post: operations['Auth_forgot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with a reset token (single use, 30 minutes) */
    post: operations['Auth_reset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/upgrade': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn the calling guest into a regular account with the same id and data */
    post: operations['Auth_upgrade'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s live sessions, newest first */
    get: operations['Sessions_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of the caller’s sessions */
    delete: operations['Sessions_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/idp/{idp}/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with an external identity
     * @description Either `id_token` (an OIDC ID token verified against the provider’s issuer, audience and JWKS), or, for a trusted client sending X-Client-Id and X-Client-Secret, `login_id`. The first sign-in creates the user and the link.
     */
    post: operations['Idp_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/ldap/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with a directory (LDAP) username and password
     * @description Binds against the configured directory: a service bind finds exactly one entry for the username, then the password binds as that entry. The first sign-in creates the user (an adult; FULL once the terms are accepted) and the IdP link `ldap`; later ones refresh the name and email, and the admin role follows the configured directory group. Failures lock out as password sign-in does.
     */
    post: operations['Ldap_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/trusted-clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active trusted clients */
    get: operations['TrustedClients_list'];
    put?: never;
    /** Register a trusted client for one identity provider */
    post: operations['TrustedClients_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/trusted-clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a trusted client */
    delete: operations['TrustedClients_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collectives': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Collectives I am a member of */
    get: operations['Collectives_list'];
    put?: never;
    /** Create a collective (you become its owner), optionally under one you manage */
    post: operations['Collectives_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collectives/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A collective I belong to or manage through an ancestor */
    get: operations['Collectives_get'];
    put?: never;
    post?: never;
    /** Delete (owner, or a manager of an ancestor); refused while it has sub-collectives */
    delete: operations['Collectives_remove'];
    options?: never;
    head?: never;
    /** Rename or move (owner/admin); moving needs the new parent managed too */
    patch: operations['Collectives_update'];
    trace?: never;
  };
  '/v1/collectives/{id}/parental-consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** The family's owner (a parent account) grants or withdraws consent for its minors */
    put: operations['Collectives_parentalConsent'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collectives/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members and their roles */
    get: operations['Members_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collectives/{id}/members/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member (owner/admin), or leave (yourself); the last owner stays */
    delete: operations['Members_remove'];
    options?: never;
    head?: never;
    /** Change a member's role (owner/admin; ownership: owners only) */
    patch: operations['Members_changeRole'];
    trace?: never;
  };
  '/v1/collectives/{id}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invitations of the collective (owner/admin) */
    get: operations['Members_invitationsOf'];
    put?: never;
    /** Invite (owner/admin); the token is shown once */
    post: operations['Members_invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collectives/{id}/invitations/{invitation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an invitation (owner/admin) */
    delete: operations['Members_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invitations/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Join the collective; never beyond the usage limit, even under concurrent accepts */
    post: operations['Invitations_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My conversations, newest activity first */
    get: operations['Conversations_list'];
    put?: never;
    /** Start a conversation */
    post: operations['Conversations_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my conversations */
    get: operations['Conversations_get'];
    put?: never;
    post?: never;
    /** Erase the conversation with its messages, votes, config, sessions and agent checkpoints */
    delete: operations['Conversations_erase'];
    options?: never;
    head?: never;
    /** Change title, type, visibility, summary, persona, metadata, usage context, archived */
    patch: operations['Conversations_update'];
    trace?: never;
  };
  '/v1/conversations/{id}/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per-thread model config (nulls: the agent’s defaults) */
    get: operations['Conversations_getConfig'];
    /** Replace the per-thread model config */
    put: operations['Conversations_putConfig'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chat sessions of the conversation, oldest first */
    get: operations['Conversations_listSessions'];
    put?: never;
    /** Open a chat session; its id is the agent’s thread id */
    post: operations['Conversations_createSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * History, oldest first (after=), or backwards from the newest page (before=)
     * @description With `context.<key>=<value>`, only the messages whose context has that value.
     */
    get: operations['Messages_list'];
    put?: never;
    /** Append a message; idempotent on message_id */
    post: operations['Messages_append'];
    /**
     * Clear the history (the conversation stays)
     * @description With `context.<key>=<value>`, only the messages whose context has that value; a kept message whose parent goes is re-attached to its nearest kept ancestor.
     */
    delete: operations['Messages_clear'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/messages/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Append several messages in one transaction: all or nothing; a failure names the index
     * @description Up to 1000 messages (a whole history) in one call, one statement; the body may be up to MESSAGE_BATCH_BODY_LIMIT (16 MiB by default).
     */
    post: operations['Messages_appendBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/messages/{message_id}/vote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Vote up or down on a message (its client message_id or its id) */
    put: operations['Messages_vote'];
    post?: never;
    /** Withdraw my vote on a message */
    delete: operations['Messages_unvote'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/search/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Full-text search over my own messages, best match first */
    get: operations['Search_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shared/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A public conversation with a page of its messages; no authentication */
    get: operations['Shared_shared'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Feedback on the app or on a chat session */
    post: operations['Feedback_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/memory/items/{namespace}/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one value */
    get: operations['MemoryItems_get'];
    /** Store a value under a namespace and key (created or replaced) */
    put: operations['MemoryItems_put'];
    post?: never;
    /** Forget one value */
    delete: operations['MemoryItems_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/memory/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List values in (namespace, key) order, under a namespace prefix */
    get: operations['MemoryItems_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/memory/summaries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand a conversation's summary to the memory lake (stored by a worker) */
    post: operations['Summaries_post'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/memory/summaries/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status of a summary job: waiting, running, retried, failed, done */
    get: operations['Summaries_job'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/streams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a resumable stream for an assistant response */
    post: operations['ConversationStreams_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/streams/{id}/chunks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Append the next chunk (ordered; readers see it at once) */
    post: operations['Streams_append'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/streams/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark the stream complete (idempotent); readers get a final event */
    post: operations['Streams_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/streams/{id}/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mint a short-lived ticket to read this stream's events without an Authorization header
     * @description For clients that cannot set headers (a browser EventSource): `GET /v1/streams/{id}/events?ticket=...` then reads as the caller. The ticket opens this stream only, for this session only, until `expires_at` (STREAM_TICKET_TTL_SECONDS, default 60 s); a session signed out or revoked since makes it useless. It is a credential: never log it.
     */
    post: operations['Streams_ticket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/streams/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-Sent Events: the backlog, then live chunks (id = sequence number), heartbeats, and a final `done` event
     * @description A `text/event-stream` (HTML Server-Sent Events) of these events, each ended by a blank line:
     *
     *     - a chunk: `id: <seq>` (its sequence number, from 1) and one `data: <JSON string>` line, the chunk encoded with `JSON.stringify`. Decode it with `JSON.parse` to get the chunk exactly as appended: CR, CRLF, LF, an empty string and any Unicode survive, which raw text would not (SSE parsers turn CR and CRLF into LF). Example: `id: 3` / `data: "two\r\nlines"`.
     *     - the end: `id: <seq>` (the next sequence number), `event: done` and `data: {"status":"completed"}` (a JSON object, not a string). A reader resuming at or past the end, or reading a stream whose chunks expired, gets `event: done` without an id, its data `{"status":"completed"}` or `{"status":"completed","expired":true}`. The response ends after it.
     *     - a heartbeat: the comment line `: heartbeat` after 15 s without an event; ignore it.
     *
     *     Resume with the `Last-Event-ID` header (what EventSource sends when it reconnects) or `?after=<seq>`; the header wins. Every chunk after that point comes, once and in order, then live ones.
     *
     *     Authenticate with `Authorization: Bearer <token>`, or, where no header can be set (a browser EventSource), with `?ticket=` from `POST /v1/streams/{id}/tickets` (not both).
     */
    get: operations['Streams_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers (touches nothing else) */
    get: operations['Health_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: database (required), Redis and blob store (degraded when down); run mode and vector mode */
    get: operations['Health_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    MeDto: {
      /** Format: uuid */
      id: string;
      email: string | null;
      /** @enum {string} */
      account_type: 'guest' | 'regular';
      /** @enum {string|null} */
      user_type: 'teenager' | 'parent' | 'adult' | null;
      name: string | null;
      language: string | null;
      /** @enum {string|null} */
      age_class: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      country: string | null;
      school: string | null;
      roles: 'admin'[];
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    ProfileFieldsDto: {
      name?: Record<string, never> | null;
      /** @example en */
      language?: Record<string, never> | null;
      /** @enum {string|null} */
      user_type?: 'teenager' | 'parent' | 'adult' | null;
      /** @enum {string|null} */
      age_class?: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      country?: Record<string, never> | null;
      school?: Record<string, never> | null;
    };
    ApiKeyDto: {
      /** @example openai */
      provider: string;
      /** @example ••••abcd */
      masked_key: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    ApiKeyListDto: {
      data: components['schemas']['ApiKeyDto'][];
    };
    PutApiKeyDto: {
      api_key: string;
    };
    TermsStatusDto: {
      accepted: boolean;
      /** @description The version in force */
      version: string;
      accepted_version: string | null;
      /** Format: date-time */
      accepted_at: string | null;
    };
    ParentalStatusDto: {
      /** @description The user is a minor */
      required: boolean;
      granted: boolean;
    };
    ConsentStatusDto: {
      terms: components['schemas']['TermsStatusDto'];
      parental: components['schemas']['ParentalStatusDto'];
      missing: ('terms' | 'parental_consent')[];
    };
    ParentalRequestDto: {
      /**
       * Format: email
       * @description Where the approval code is sent
       */
      parent_email: string;
    };
    ParentalRequestCreatedDto: {
      /** Format: uuid */
      id: string;
      /** @description Shown once; also mailed to the parent */
      token: string;
      parent_email: string;
      /** Format: date-time */
      expires_at: string;
    };
    ChildDto: {
      /** Format: uuid */
      user_id: string;
      name: string | null;
      user_type: string | null;
      age_class: string | null;
      /** Format: date-time */
      consented_at: string;
    };
    ChildPageDto: {
      data: components['schemas']['ChildDto'][];
      next_cursor: string | null;
    };
    RegisterDto: {
      name?: Record<string, never> | null;
      /** @example en */
      language?: Record<string, never> | null;
      /** @enum {string|null} */
      user_type?: 'teenager' | 'parent' | 'adult' | null;
      /** @enum {string|null} */
      age_class?: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      country?: Record<string, never> | null;
      school?: Record<string, never> | null;
      /** Format: email */
      email: string;
      password: string;
    };
    SessionSummaryDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      scope: 'ONBOARDING' | 'PENDING_CONSENT' | 'FULL';
      /** @enum {string} */
      origin: 'web' | 'discord' | 'api';
      /** Format: date-time */
      expires_at: string;
    };
    TokenResponseDto: {
      /** @description ES256 JWT, short-lived */
      access_token: string;
      /** @description Opaque, single use: every refresh returns a new one */
      refresh_token: string;
      /** @enum {string} */
      token_type: 'Bearer';
      /** @description Seconds until the access token expires */
      expires_in: number;
      session: components['schemas']['SessionSummaryDto'];
    };
    LoginDto: {
      /** Format: email */
      email: string;
      password: string;
    };
    RefreshDto: {
      refresh_token: string;
    };
    ChangePasswordDto: {
      current_password: string;
      new_password: string;
    };
    ForgotPasswordDto: {
      /** Format: email */
      email: string;
    };
    AcceptedDto: {
      /** @example accepted */
      status: string;
    };
    ResetPasswordDto: {
      token: string;
      new_password: string;
    };
    UpgradeDto: {
      name?: Record<string, never> | null;
      /** @example en */
      language?: Record<string, never> | null;
      /** @enum {string|null} */
      user_type?: 'teenager' | 'parent' | 'adult' | null;
      /** @enum {string|null} */
      age_class?: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      country?: Record<string, never> | null;
      school?: Record<string, never> | null;
      /** Format: email */
      email: string;
      password: string;
    };
    SessionDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      scope: 'ONBOARDING' | 'PENDING_CONSENT' | 'FULL';
      /** @enum {string} */
      origin: 'web' | 'discord' | 'api';
      /** Format: date-time */
      expires_at: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      last_active_at: string;
      /** @description The session of this request */
      current: boolean;
      /** @description What the client declared in X-Client-Capabilities when the session began */
      capabilities: {
        [key: string]: (string | null) | number | boolean | ((string | null) | number | boolean)[];
      };
    };
    SessionPageDto: {
      data: components['schemas']['SessionDto'][];
      next_cursor: string | null;
    };
    IdpLoginDto: {
      /** @description OIDC ID token (JWT) issued by the provider */
      id_token?: string;
      /** @description Trusted clients only: the user’s id at the provider */
      login_id?: string;
      /** @description Trusted clients only: a display name for a first login */
      name?: string;
    };
    LdapLoginDto: {
      /** @example alice */
      username: string;
      password: string;
    };
    CreateTrustedClientDto: {
      /** @example discord-bot */
      name: string;
      /**
       * @description The identity provider this client may assert
       * @example discord
       */
      idp: string;
    };
    CreatedTrustedClientDto: {
      /** Format: uuid */
      id: string;
      name: string;
      idp: string;
      /** Format: date-time */
      created_at: string;
      /** @description Shown once; only its digest is kept */
      secret: string;
    };
    TrustedClientDto: {
      /** Format: uuid */
      id: string;
      name: string;
      idp: string;
      /** Format: date-time */
      created_at: string;
    };
    TrustedClientListDto: {
      data: components['schemas']['TrustedClientDto'][];
    };
    CreateCollectiveDto: {
      name: string;
      /** @enum {string} */
      type: 'family' | 'class' | 'school' | 'organization';
      /**
       * Format: uuid
       * @description A collective you own or administer (a school for a class)
       */
      parent_id?: string | null;
    };
    CollectiveDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      type: 'family' | 'class' | 'school' | 'organization';
      /** Format: uuid */
      parent_id: string | null;
      parental_consent_granted: boolean;
      /** Format: date-time */
      parental_consent_granted_at: string | null;
      /**
       * @description My membership role; null when I manage it through an ancestor
       * @enum {string|null}
       */
      my_role: 'owner' | 'admin' | 'member' | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    CollectivePageDto: {
      data: components['schemas']['CollectiveDto'][];
      next_cursor: string | null;
    };
    UpdateCollectiveDto: {
      name?: string;
      /**
       * Format: uuid
       * @description Move under another collective you manage; null detaches. A cycle is refused.
       */
      parent_id?: string | null;
    };
    ParentalConsentDto: {
      /**
       * @description false withdraws the family consent
       * @default true
       */
      granted: boolean;
    };
    MemberDto: {
      /** Format: uuid */
      user_id: string;
      name: string | null;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member';
      /** Format: date-time */
      joined_at: string;
    };
    MemberPageDto: {
      data: components['schemas']['MemberDto'][];
      next_cursor: string | null;
    };
    UpdateMemberDto: {
      /**
       * @description Only an owner grants or takes ownership; the last owner stays owner
       * @enum {string}
       */
      role?: 'owner' | 'admin' | 'member';
    };
    CreateInvitationDto: {
      /** @description Uses allowed; 1 by default when age_class is set, otherwise unlimited */
      usage_limit?: number;
      /**
       * @description Only users of this age class may accept
       * @enum {string}
       */
      age_class?: 'child' | 'preteen' | 'teenager' | 'adult';
      /**
       * @description UI language for the invited user
       * @example en
       */
      language?: string;
      label?: string;
      /**
       * Format: date-time
       * @description In the future; 7 days by default
       */
      expires_at?: string;
    };
    CreatedInvitationDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      collective_id: string;
      /** Format: uuid */
      inviter_id: string;
      /** @enum {string|null} */
      age_class: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      language: string | null;
      label: string | null;
      /** @description null: unlimited */
      usage_limit: number | null;
      current_uses: number;
      /** @enum {string} */
      status: 'PENDING' | 'ACTIVE' | 'ACCEPTED' | 'EXPIRED' | 'REVOKED';
      /** Format: date-time */
      expires_at: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      accepted_at: string | null;
      /** Format: uuid */
      accepted_by: string | null;
      /** @description Shown once: only its hash is kept */
      token: string;
    };
    InvitationDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      collective_id: string;
      /** Format: uuid */
      inviter_id: string;
      /** @enum {string|null} */
      age_class: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      language: string | null;
      label: string | null;
      /** @description null: unlimited */
      usage_limit: number | null;
      current_uses: number;
      /** @enum {string} */
      status: 'PENDING' | 'ACTIVE' | 'ACCEPTED' | 'EXPIRED' | 'REVOKED';
      /** Format: date-time */
      expires_at: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      accepted_at: string | null;
      /** Format: uuid */
      accepted_by: string | null;
    };
    InvitationPageDto: {
      data: components['schemas']['InvitationDto'][];
      next_cursor: string | null;
    };
    CreateConversationDto: {
      title?: string | null;
      /**
       * @default general
       * @enum {string}
       */
      type: 'general' | 'incident';
      /**
       * @default private
       * @enum {string}
       */
      visibility: 'private' | 'public';
      /** @description Rolling summary */
      summary?: string | null;
      /** @description Active assistant persona */
      persona?: string | null;
      metadata?: {
        [key: string]: unknown;
      };
      /** @description The model's last usage report (tokens, context size) */
      usage_context?: {
        [key: string]: unknown;
      } | null;
    };
    ConversationDto: {
      /** Format: uuid */
      id: string;
      title: string | null;
      /** @enum {string} */
      type: 'general' | 'incident';
      /** @enum {string} */
      visibility: 'private' | 'public';
      summary: string | null;
      persona: string | null;
      metadata: {
        [key: string]: unknown;
      };
      usage_context: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      archived_at: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      /**
       * Format: date-time
       * @description Moves with every appended message
       */
      last_activity_at: string;
    };
    ConversationPageDto: {
      data: components['schemas']['ConversationDto'][];
      next_cursor: string | null;
    };
    UpdateConversationDto: {
      title?: string | null;
      /**
       * @default general
       * @enum {string}
       */
      type: 'general' | 'incident';
      /**
       * @default private
       * @enum {string}
       */
      visibility: 'private' | 'public';
      /** @description Rolling summary */
      summary?: string | null;
      /** @description Active assistant persona */
      persona?: string | null;
      metadata?: {
        [key: string]: unknown;
      };
      /** @description The model's last usage report (tokens, context size) */
      usage_context?: {
        [key: string]: unknown;
      } | null;
      /** @description true archives (sets archived_at), false restores */
      archived?: boolean;
    };
    EraseReceiptDto: {
      /** Format: uuid */
      conversation_id: string;
      /**
       * @description Rows removed, per schema-qualified table (agent checkpoint tables included when present)
       * @example {
       *       "app.messages": 42,
       *       "app.conversations": 1,
       *       "langgraph.checkpoints": 7
       *     }
       */
      removed: {
        [key: string]: number;
      };
      /** @description Agent checkpoint rows removed, all tables together */
      checkpoints: number;
      /** @description Agent thread ids whose checkpoints were erased */
      thread_ids: string[];
      /** Format: date-time */
      erased_at: string;
    };
    ConfigDto: {
      /** Format: uuid */
      conversation_id: string;
      model: string | null;
      temperature: number | null;
      system_prompt: string | null;
      context_window: number | null;
      settings: {
        [key: string]: unknown;
      };
      /**
       * Format: date-time
       * @description null: never set
       */
      updated_at: string | null;
    };
    PutConfigDto: {
      /** @example gpt-4o */
      model?: string | null;
      temperature?: number | null;
      system_prompt?: string | null;
      /** @description Max tokens of context */
      context_window?: number | null;
      settings?: {
        [key: string]: unknown;
      };
    };
    ChatSessionDto: {
      /**
       * Format: uuid
       * @description Also the agent's thread id
       */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** Format: date-time */
      created_at: string;
    };
    ChatSessionPageDto: {
      data: components['schemas']['ChatSessionDto'][];
      next_cursor: string | null;
    };
    PartDto: {
      /** @example text */
      type: string;
      text?: string;
    };
    AppendMessageDto: {
      /** @description Client idempotency key, unique in the conversation */
      message_id: string;
      /** @enum {string} */
      role: 'user' | 'assistant' | 'system' | 'tool';
      /** @description Plain text content */
      content?: string;
      /** @description Structured content; text parts are searchable */
      parts?: components['schemas']['PartDto'][];
      /**
       * Format: uuid
       * @description The message this one answers or edits (a branch)
       */
      parent_id?: string;
      /** @description The parent by its client message_id (e.g. earlier in the same batch) */
      parent_message_id?: string;
      /**
       * Format: uuid
       * @description Chat session (agent thread) of this message
       */
      session_id?: string;
      tool_name?: string;
      tool_call_id?: string;
      /** @description Tool call arguments (any JSON) */
      tool_input?: Record<string, never>;
      /** @description Tool result (any JSON) */
      tool_output?: Record<string, never>;
      citations?: {
        [key: string]: unknown;
      }[];
      /**
       * @description Where it was said, e.g. a textbook chapter
       * @example {
       *       "chapter": "ch-03"
       *     }
       */
      context?: {
        [key: string]: unknown;
      };
      /** @description Tokens, costs, trace ids; not compared on replay */
      metadata?: {
        [key: string]: unknown;
      };
    };
    MessageDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** Format: uuid */
      session_id: string | null;
      message_id: string;
      /** Format: uuid */
      parent_id: string | null;
      /** @enum {string} */
      role: 'user' | 'assistant' | 'system' | 'tool';
      content: string | null;
      parts: components['schemas']['PartDto'][] | null;
      tool_name: string | null;
      tool_call_id: string | null;
      /** @description any JSON */
      tool_input: Record<string, never> | null;
      /** @description any JSON */
      tool_output: Record<string, never> | null;
      citations: Record<string, never>[] | null;
      context: {
        [key: string]: unknown;
      } | null;
      metadata: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      created_at: string;
    };
    AppendBatchDto: {
      messages: components['schemas']['AppendMessageDto'][];
    };
    MessageBatchDto: {
      /** @description In request order; replays included */
      data: components['schemas']['MessageDto'][];
      /** @description How many were new (the rest were replays) */
      created: number;
    };
    MessagePageDto: {
      data: components['schemas']['MessageDto'][];
      next_cursor: string | null;
    };
    ClearHistoryReceiptDto: {
      /** Format: uuid */
      conversation_id: string;
      /**
       * @example {
       *       "app.messages": 12,
       *       "app.message_votes": 3
       *     }
       */
      removed: {
        [key: string]: number;
      };
    };
    PutVoteDto: {
      /** @enum {string} */
      value: 'up' | 'down';
    };
    VoteDto: {
      /**
       * Format: uuid
       * @description The message id (server side)
       */
      message_id: string;
      /** @enum {string} */
      value: 'up' | 'down';
      /** Format: date-time */
      updated_at: string;
    };
    SearchHitDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** Format: uuid */
      session_id: string | null;
      message_id: string;
      /** Format: uuid */
      parent_id: string | null;
      /** @enum {string} */
      role: 'user' | 'assistant' | 'system' | 'tool';
      content: string | null;
      parts: components['schemas']['PartDto'][] | null;
      tool_name: string | null;
      tool_call_id: string | null;
      /** @description any JSON */
      tool_input: Record<string, never> | null;
      /** @description any JSON */
      tool_output: Record<string, never> | null;
      citations: Record<string, never>[] | null;
      context: {
        [key: string]: unknown;
      } | null;
      metadata: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      created_at: string;
      /** @description Relevance; higher is better */
      rank: number;
    };
    SearchPageDto: {
      data: components['schemas']['SearchHitDto'][];
      next_cursor: string | null;
    };
    SharedMessageDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** Format: uuid */
      session_id: string | null;
      message_id: string;
      /** Format: uuid */
      parent_id: string | null;
      /** @enum {string} */
      role: 'user' | 'assistant' | 'system' | 'tool';
      content: string | null;
      parts: components['schemas']['PartDto'][] | null;
      tool_name: string | null;
      tool_call_id: string | null;
      /** @description any JSON */
      tool_input: Record<string, never> | null;
      /** @description any JSON */
      tool_output: Record<string, never> | null;
      citations: Record<string, never>[] | null;
      context: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      created_at: string;
    };
    SharedMessagePageDto: {
      data: components['schemas']['SharedMessageDto'][];
      next_cursor: string | null;
    };
    SharedConversationDto: {
      /** Format: uuid */
      id: string;
      title: string | null;
      /** @enum {string} */
      type: 'general' | 'incident';
      persona: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      last_activity_at: string;
      messages: components['schemas']['SharedMessagePageDto'];
    };
    CreateFeedbackDto: {
      rating?: number;
      comment?: string;
      is_positive?: boolean;
      /**
       * Format: uuid
       * @description A chat session (agent thread) id; not checked, absent for feedback on the app
       */
      session_id?: string;
    };
    FeedbackDto: {
      /** Format: uuid */
      id: string;
      rating: number | null;
      comment: string | null;
      is_positive: boolean | null;
      /** Format: uuid */
      session_id: string | null;
      /** Format: date-time */
      created_at: string;
    };
    PutMemoryItemDto: {
      /** @description Any JSON value (at most 64 KiB); `{text}` or a string is searchable */
      value: Record<string, never>;
      /** @description Forget the item after this many seconds */
      ttl_seconds?: number;
    };
    MemoryItemDto: {
      namespace: string;
      key: string;
      /** @description The stored JSON value */
      value: Record<string, never>;
      /** Format: date-time */
      expires_at: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    MemoryItemPageDto: {
      data: components['schemas']['MemoryItemDto'][];
      next_cursor: string | null;
    };
    PostSummaryDto: {
      /** Format: uuid */
      conversation_id: string;
      summary: string;
      /**
       * Format: date-time
       * @description When the summary was made (defaults to when it was received). A summary older than the one already stored never replaces it.
       */
      as_of?: string;
    };
    SummaryAcceptedDto: {
      /** @description Follow it at /v1/memory/summaries/jobs/{job_id}; null when stored at once */
      job_id: string | null;
      /** @enum {string} */
      status: 'queued' | 'stored';
      /** Format: uuid */
      conversation_id: string;
      /** Format: date-time */
      as_of: string;
    };
    SummaryJobDto: {
      job_id: string;
      /** @enum {string} */
      status: 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';
      /** Format: uuid */
      conversation_id: string;
      /** Format: date-time */
      as_of: string;
      attempts_made: number;
      max_attempts: number;
      /** @description The latest failure, if any */
      last_error: string | null;
      /** @description What the worker did, once completed */
      result: Record<string, never> | null;
    };
    StreamDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** @enum {string} */
      status: 'open' | 'completed';
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      completed_at: string | null;
      /** @description Where readers follow it (Server-Sent Events) */
      events_url: string;
    };
    AppendChunkDto: {
      /** @description The chunk, as the reader should get it */
      data: string;
    };
    ChunkAppendedDto: {
      /** @description Its sequence number: the SSE event id */
      seq: number;
    };
    StreamTicketDto: {
      /** @description Opens this stream's events without an Authorization header: `GET /v1/streams/{id}/events?ticket=...`. Valid for this stream and this session only, until `expires_at`; reconnects may reuse it until then. */
      ticket: string;
      /** Format: date-time */
      expires_at: string;
      /** @description The events URL with the ticket in its query, for `new EventSource(...)` */
      events_url: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  BlobDownload_download: {
    parameters: {
      query: {
        /** @description Blob key */
        key: string;
        /** @description Expiry, seconds since the epoch */
        exp: string;
        /** @description File name offered to the browser */
        name?: string;
        /** @description Content-Type of the response */
        type?: string;
        /** @description HMAC-SHA256 of the other parameters */
        sig: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The content, as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The link was altered */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The blob no longer exists */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The link has expired */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Me_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeDto'];
        };
      };
    };
  };
  Me_patch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProfileFieldsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeDto'];
        };
      };
    };
  };
  Me_listKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyListDto'];
        };
      };
    };
  };
  Me_putKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutApiKeyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyDto'];
        };
      };
    };
  };
  Me_deleteKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Consent_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentStatusDto'];
        };
      };
    };
  };
  Consent_acceptTerms: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentStatusDto'];
        };
      };
    };
  };
  ParentalConsent_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ParentalRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ParentalRequestCreatedDto'];
        };
      };
    };
  };
  ParentalConsent_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChildDto'];
        };
      };
    };
  };
  ParentalConsent_children: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChildPageDto'];
        };
      };
    };
  };
  ParentalConsent_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Auth_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        'X-Client-Origin'?: 'web' | 'discord' | 'api';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
    };
  };
  Auth_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        'X-Client-Origin'?: 'web' | 'discord' | 'api';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
      /** @description Locked out; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Auth_guest: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        'X-Client-Origin'?: 'web' | 'discord' | 'api';
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
    };
  };
  Auth_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
    };
  };
  Auth_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Auth_logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Auth_changePassword: {
    parameters: {
      query?: never;
      header?: {
        'X-Client-Origin'?: 'web' | 'discord' | 'api';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
    };
  };
  Auth_forgot: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ForgotPasswordDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptedDto'];
        };
      };
    };
  };
  Auth_reset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Auth_upgrade: {
    parameters: {
      query?: never;
      header?: {
        'X-Client-Origin'?: 'web' | 'discord' | 'api';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpgradeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
    };
  };
  Sessions_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionPageDto'];
        };
      };
    };
  };
  Sessions_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Idp_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        'X-Client-Secret'?: string;
        'X-Client-Id'?: string;
      };
      path: {
        idp: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IdpLoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
    };
  };
  Ldap_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        'X-Client-Origin'?: 'web' | 'discord' | 'api';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LdapLoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
      /** @description Unknown user or wrong password (the same answer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description LDAP sign-in is not configured on this server */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Locked out; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The directory cannot be reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TrustedClients_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrustedClientListDto'];
        };
      };
    };
  };
  TrustedClients_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTrustedClientDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedTrustedClientDto'];
        };
      };
    };
  };
  TrustedClients_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Collectives_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectivePageDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Collectives_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCollectiveDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectiveDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Collectives_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectiveDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Collectives_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Collectives_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCollectiveDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectiveDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Collectives_parentalConsent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ParentalConsentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectiveDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Members_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberPageDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Members_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Members_changeRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMemberDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Members_invitationsOf: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationPageDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Members_invite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvitationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedInvitationDto'];
        };
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Members_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        invitation_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Invitations_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectiveDto'];
        };
      };
    };
  };
  Conversations_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
        type?: 'general' | 'incident';
        /** @description true lists only archived conversations; by default they are left out */
        archived?: boolean;
        /** @description Case-insensitive substring of the title */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationPageDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConversationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What was removed, per table */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EraseReceiptDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateConversationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_getConfig: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConfigDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_putConfig: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutConfigDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConfigDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_listSessions: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatSessionPageDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Conversations_createSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatSessionDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Messages_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
        /** @description Read backwards: empty for the newest page, or a next_cursor of a backward page for the one before it. Pages stay oldest first inside. */
        before?: string;
        /** @description Only the branch from the root to this message (edits branch instead of truncating) */
        leaf?: string;
        /** @description Only messages whose context holds these string values, e.g. `?context.chapter=ch-03` (`context[chapter]=ch-03` is the same). Keys match [A-Za-z0-9_-]{1,64}, each at most once, up to 5; values at most 200 characters; pairs combine with AND. */
        context?: {
          [key: string]: string;
        };
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessagePageDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Messages_append: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AppendMessageDto'];
      };
    };
    responses: {
      /** @description A replay: the stored message */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageDto'];
        };
      };
      /** @description Appended */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description message_id already used with different content */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Messages_clear: {
    parameters: {
      query?: {
        /** @description Only messages whose context holds these string values, e.g. `?context.chapter=ch-03` (`context[chapter]=ch-03` is the same). Keys match [A-Za-z0-9_-]{1,64}, each at most once, up to 5; values at most 200 characters; pairs combine with AND. */
        context?: {
          [key: string]: string;
        };
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClearHistoryReceiptDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Messages_appendBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AppendBatchDto'];
      };
    };
    responses: {
      /** @description All were replays */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageBatchDto'];
        };
      };
      /** @description At least one was new */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageBatchDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A message_id already used with different content */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The body is over MESSAGE_BATCH_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Messages_vote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        message_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutVoteDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VoteDto'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Messages_unvote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        message_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Search_search: {
    parameters: {
      query: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
        /** @description Words to find; quotes for phrases, - to exclude (web search syntax) */
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchPageDto'];
        };
      };
    };
  };
  Shared_shared: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
        /** @description Read backwards: empty for the newest page, or a next_cursor of a backward page for the one before it. Pages stay oldest first inside. */
        before?: string;
        /** @description Only the branch from the root to this message (edits branch instead of truncating) */
        leaf?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SharedConversationDto'];
        };
      };
      /** @description No such public conversation (private ones included) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Feedback_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFeedbackDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeedbackDto'];
        };
      };
    };
  };
  MemoryItems_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemoryItemDto'];
        };
      };
      /** @description No such item (or it expired) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MemoryItems_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutMemoryItemDto'];
      };
    };
    responses: {
      /** @description Replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemoryItemDto'];
        };
      };
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemoryItemDto'];
        };
      };
    };
  };
  MemoryItems_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MemoryItems_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
        /** @description A namespace and everything under it */
        prefix?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemoryItemPageDto'];
        };
      };
    };
  };
  Summaries_post: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PostSummaryDto'];
      };
    };
    responses: {
      /** @description The queue was unreachable, so the summary was stored before answering */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SummaryAcceptedDto'];
        };
      };
      /** @description Queued; follow the job */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SummaryAcceptedDto'];
        };
      };
      /** @description No such conversation of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Summaries_job: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The job_id a POST /v1/memory/summaries answered */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SummaryJobDto'];
        };
      };
      /** @description No such job of yours (or finished over a day ago) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The queue cannot be reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConversationStreams_open: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StreamDto'];
        };
      };
      /** @description No such conversation of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Streams_append: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AppendChunkDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChunkAppendedDto'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The stream is completed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Streams_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StreamDto'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Streams_ticket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StreamTicketDto'];
        };
      };
      /** @description No such stream of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Streams_events: {
    parameters: {
      query?: {
        /** @description Resume after this sequence number (the Last-Event-ID header wins when both are sent) */
        after?: number;
      };
      header?: {
        /** @description Resume after this chunk */
        'Last-Event-ID'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event stream (grammar above) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description No valid access token, or a ticket that is expired, altered or for another stream */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Health_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description {status: "ok"} */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  Health_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Serving (status ok or degraded) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The database is unreachable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
