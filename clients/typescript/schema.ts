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
    /**
     * The caller’s profile
     * @description The caller’s profile
     */
    get: operations['Me_get'];
    put?: never;
    post?: never;
    /**
     * Erase the caller everywhere
     * @description Every table, the agent checkpoints of their threads, Redis keys, queued jobs and blobs no longer referenced, in one transaction for the database; then every store is queried again. Answers the receipt, verification included. Needs the password, or a session that signed in recently (403 reauthentication-required); a guest needs neither. Five wrong passwords lock the route for the account (429 account-locked with Retry-After, the right password refused too) for 30 seconds, doubling with every further one; sign-ins are not affected.
     */
    delete: operations['AccountErasure_erase'];
    options?: never;
    head?: never;
    /**
     * Update the profile; completing it moves live sessions on from ONBOARDING
     * @description Update the profile; completing it moves live sessions on from ONBOARDING
     */
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
    /**
     * Stored provider keys, masked
     * @description Stored provider keys, masked
     */
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
    /**
     * Store (or replace) a provider key, encrypted at rest
     * @description Store (or replace) a provider key, encrypted at rest
     */
    put: operations['Me_putKey'];
    post?: never;
    /**
     * Forget a provider key
     * @description Forget a provider key
     */
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
    /**
     * What is granted and what is still needed
     * @description What is granted and what is still needed
     */
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
    /**
     * Accept the terms in force (time and address are recorded)
     * @description Accept the terms in force (time and address are recorded)
     */
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
    /**
     * A minor asks a parent for consent; the code is returned once and mailed to them
     * @description A minor asks a parent for consent; the code is returned once and mailed to them
     */
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
    /**
     * A parent account grants consent; links parent and child
     * @description A parent account grants consent; links parent and child
     */
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
    /**
     * Minors linked to me by parental consent
     * @description Minors linked to me by parental consent
     */
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
    /**
     * Revoke consent: the minor's sessions drop to PENDING_CONSENT at once
     * @description Revoke consent: the minor's sessions drop to PENDING_CONSENT at once
     */
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
    /**
     * Create an account with email and password (and optionally the profile)
     * @description Create an account with email and password (and optionally the profile)
     */
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
    /**
     * Sign in; repeated failures lock the account and the address out
     * @description Sent with a guest's access token (`Authorization: Bearer <guest access token>`), the sign-in merges the guest into the account in one transaction: conversations with their messages and chat sessions, memory items, artifacts and uploads, feedback, votes, streams and the rest of what the guest owns move to the account; the guest's sessions are revoked and the guest user is removed. Memory items whose namespace and key both hold: the newer `updated_at` wins and the other is dropped (a tie, or an expired item of the guest's, keeps the account's). A vote, collective membership or API key the account already holds keeps the account's. The response says what moved in `merged`. A token that is not a live guest's (expired, revoked, malformed, a regular account's, or the signing-in account's own) does not fail the sign-in: it signs in without a merge and `merge_skipped` says why. Without an Authorization header neither field is present.
     */
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
    /**
     * Start as a guest (no credentials); upgrade later keeping all data
     * @description Start as a guest (no credentials); upgrade later keeping all data
     */
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
    /**
     * Rotate a refresh token; presenting a used one revokes the session
     * @description Rotate a refresh token; presenting a used one revokes the session
     */
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
    /**
     * Revoke this session and its access token
     * @description Revoke this session and its access token
     */
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
    /**
     * Revoke every session of the caller
     * @description Revoke every session of the caller
     */
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
    /**
     * Change the password: every earlier token dies, the caller gets new ones
     * @description Change the password: every earlier token dies, the caller gets new ones
     */
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
    /**
     * Mail a reset token; always 202, whether or not the account exists
     * @description Mail a reset token; always 202, whether or not the account exists
     */
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
    /**
     * Set a new password with a reset token (single use, 30 minutes)
     * @description Set a new password with a reset token (single use, 30 minutes)
     */
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
    /**
     * Turn the calling guest into a regular account with the same id and data
     * @description Turn the calling guest into a regular account with the same id and data
     */
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
    /**
     * The caller’s live sessions, newest first
     * @description The caller’s live sessions, newest first
     */
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
    /**
     * Revoke one of the caller’s sessions
     * @description Revoke one of the caller’s sessions
     */
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
     * @description Either `id_token` (an OIDC ID token verified against the provider’s issuer, audience and JWKS), or, for a trusted client sending X-Client-Id and X-Client-Secret, `login_id`. The first sign-in creates the user and the link. Sent with a guest's access token (`Authorization: Bearer <guest access token>`), the sign-in merges the guest into the account in one transaction: conversations with their messages and chat sessions, memory items, artifacts and uploads, feedback, votes, streams and the rest of what the guest owns move to the account; the guest's sessions are revoked and the guest user is removed. Memory items whose namespace and key both hold: the newer `updated_at` wins and the other is dropped (a tie, or an expired item of the guest's, keeps the account's). A vote, collective membership or API key the account already holds keeps the account's. The response says what moved in `merged`. A token that is not a live guest's (expired, revoked, malformed, a regular account's, or the signing-in account's own) does not fail the sign-in: it signs in without a merge and `merge_skipped` says why. Without an Authorization header neither field is present.
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
     * @description Binds against the configured directory: a service bind finds exactly one entry for the username, then the password binds as that entry. The first sign-in creates the user (an adult; FULL once the terms are accepted) and the IdP link `ldap`; later ones refresh the name and email, and the admin role follows the configured directory group. Failures lock out as password sign-in does. Sent with a guest's access token (`Authorization: Bearer <guest access token>`), the sign-in merges the guest into the account in one transaction: conversations with their messages and chat sessions, memory items, artifacts and uploads, feedback, votes, streams and the rest of what the guest owns move to the account; the guest's sessions are revoked and the guest user is removed. Memory items whose namespace and key both hold: the newer `updated_at` wins and the other is dropped (a tie, or an expired item of the guest's, keeps the account's). A vote, collective membership or API key the account already holds keeps the account's. The response says what moved in `merged`. A token that is not a live guest's (expired, revoked, malformed, a regular account's, or the signing-in account's own) does not fail the sign-in: it signs in without a merge and `merge_skipped` says why. Without an Authorization header neither field is present.
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
    /**
     * Active trusted clients
     * @description Active trusted clients
     */
    get: operations['TrustedClients_list'];
    put?: never;
    /**
     * Register a trusted client for one identity provider
     * @description Register a trusted client for one identity provider
     */
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
    /**
     * Revoke a trusted client
     * @description Revoke a trusted client
     */
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
    /**
     * Collectives I am a member of
     * @description Collectives I am a member of
     */
    get: operations['Collectives_list'];
    put?: never;
    /**
     * Create a collective (you become its owner), optionally under one you manage
     * @description Create a collective (you become its owner), optionally under one you manage
     */
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
    /**
     * A collective I belong to or manage through an ancestor
     * @description A collective I belong to or manage through an ancestor
     */
    get: operations['Collectives_get'];
    put?: never;
    post?: never;
    /**
     * Delete (owner, or a manager of an ancestor); refused while it has sub-collectives
     * @description Delete (owner, or a manager of an ancestor); refused while it has sub-collectives
     */
    delete: operations['Collectives_remove'];
    options?: never;
    head?: never;
    /**
     * Rename or move (owner/admin); moving needs the new parent managed too
     * @description Rename or move (owner/admin); moving needs the new parent managed too
     */
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
    /**
     * The family's owner (a parent account) grants or withdraws consent for its minors
     * @description The family's owner (a parent account) grants or withdraws consent for its minors
     */
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
    /**
     * Members and their roles
     * @description Members and their roles
     */
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
    /**
     * Remove a member (owner/admin), or leave (yourself); the last owner stays
     * @description Remove a member (owner/admin), or leave (yourself); the last owner stays
     */
    delete: operations['Members_remove'];
    options?: never;
    head?: never;
    /**
     * Change a member's role (owner/admin; ownership: owners only)
     * @description Change a member's role (owner/admin; ownership: owners only)
     */
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
    /**
     * Invitations of the collective (owner/admin)
     * @description Invitations of the collective (owner/admin)
     */
    get: operations['Members_invitationsOf'];
    put?: never;
    /**
     * Invite (owner/admin); the token is shown once
     * @description Invite (owner/admin); the token is shown once
     */
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
    /**
     * Revoke an invitation (owner/admin)
     * @description Revoke an invitation (owner/admin)
     */
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
    /**
     * Join the collective; never beyond the usage limit, even under concurrent accepts
     * @description Join the collective; never beyond the usage limit, even under concurrent accepts
     */
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
    /**
     * My conversations, newest activity first
     * @description My conversations, newest activity first
     */
    get: operations['Conversations_list'];
    put?: never;
    /**
     * Start a conversation
     * @description Start a conversation
     */
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
    /**
     * One of my conversations
     * @description One of my conversations
     */
    get: operations['Conversations_get'];
    put?: never;
    post?: never;
    /**
     * Erase the conversation with its messages, votes, config, sessions and agent checkpoints
     * @description Erase the conversation with its messages, votes, config, sessions and agent checkpoints
     */
    delete: operations['Conversations_erase'];
    options?: never;
    head?: never;
    /**
     * Change title, type, visibility, summary, persona, metadata, usage context, archived
     * @description Change title, type, visibility, summary, persona, metadata, usage context, archived
     */
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
    /**
     * Per-thread model config (nulls: the agent’s defaults)
     * @description Per-thread model config (nulls: the agent’s defaults)
     */
    get: operations['Conversations_getConfig'];
    /**
     * Replace the per-thread model config
     * @description Replace the per-thread model config
     */
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
    /**
     * Chat sessions of the conversation, oldest first
     * @description Chat sessions of the conversation, oldest first
     */
    get: operations['Conversations_listSessions'];
    put?: never;
    /**
     * Open a chat session; its id is the agent’s thread id
     * @description Open a chat session; its id is the agent’s thread id
     */
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
    /**
     * Append a message; idempotent on message_id
     * @description Append a message; idempotent on message_id
     */
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
  '/v1/conversations/{id}/messages/{message}/vote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Vote up or down on a message (its client message_id or its id)
     * @description Vote up or down on a message (its client message_id or its id)
     */
    put: operations['Messages_vote'];
    post?: never;
    /**
     * Withdraw my vote on a message
     * @description Withdraw my vote on a message
     */
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
    /**
     * Full-text search over my own messages, best match first
     * @description Full-text search over my own messages, best match first
     */
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
    /**
     * A public conversation with a page of its messages; no authentication
     * @description A public conversation with a page of its messages; no authentication
     */
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
    /**
     * Feedback on the app or on a chat session
     * @description Feedback on the app or on a chat session
     */
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
    /**
     * Read one value
     * @description Read one value
     */
    get: operations['MemoryItems_get'];
    /**
     * Store a value under a namespace and key (created or replaced)
     * @description Store a value under a namespace and key (created or replaced)
     */
    put: operations['MemoryItems_put'];
    post?: never;
    /**
     * Forget one value
     * @description Forget one value
     */
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
    /**
     * List values in (namespace, key) order, under a namespace prefix
     * @description List values in (namespace, key) order, under a namespace prefix
     */
    get: operations['MemoryItems_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/memory/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Semantic search over the caller's memory items that have text
     * @description Items whose value is a string or has a `text` field, once embedded (a job after each write), under a namespace prefix when given; expired items never answer.
     */
    post: operations['MemorySearch_search'];
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
    /**
     * Hand a conversation's summary to the memory lake (stored by a worker)
     * @description Hand a conversation's summary to the memory lake (stored by a worker)
     */
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
    /**
     * Status of a summary job: waiting, running, retried, failed, done
     * @description Status of a summary job: waiting, running, retried, failed, done
     */
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
    /**
     * Open a resumable stream for an assistant response
     * @description Open a resumable stream for an assistant response
     */
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
    /**
     * Append the next chunk (ordered; readers see it at once)
     * @description Append the next chunk (ordered; readers see it at once)
     */
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
    /**
     * Mark the stream complete (idempotent); readers get a final event
     * @description Mark the stream complete (idempotent); readers get a final event
     */
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
  '/v1/conversations/{id}/artifacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Artifacts of a conversation, newest first
     * @description Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).
     */
    get: operations['ConversationArtifacts_list'];
    put?: never;
    /**
     * Upload a file (multipart, field "file"), streamed, hashed and sniffed
     * @description Identical content is stored once: a second upload keeps no new bytes and says `deduplicated`.
     */
    post: operations['ConversationArtifacts_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/artifacts/ingest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register an object already stored under its content key, verified by its hash
     * @description The object must be at artifacts/{sha[0:2]}/{sha[2:4]}/{sha256}; it is read back in full and hashed, and a mismatch registers nothing (422).
     */
    post: operations['ConversationArtifacts_ingest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/artifacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One artifact
     * @description Its metadata; the bytes come from /download.
     */
    get: operations['Artifacts_get'];
    put?: never;
    post?: never;
    /**
     * Delete an artifact
     * @description Drops its reference; the blob is removed when its last reference has gone, after ARTIFACT_BLOB_GRACE_SECONDS, by the hourly maintenance prune.
     */
    delete: operations['Artifacts_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/artifacts/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Redirect to a short-lived download URL, minted for this request
     * @description The URL serves the sniffed type, `X-Content-Type-Options: nosniff` and `Content-Disposition: attachment` with an RFC 6266 `filename*`.
     */
    get: operations['Artifacts_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/artifacts/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a large upload: a presigned PUT for the declared SHA-256 and size
     * @description S3: a presigned PUT whose length and `x-amz-checksum-sha256` are signed, so the store refuses other bytes. Filesystem store: a signed API link taking the PUT. Then call `POST /v1/artifact-uploads/{id}/complete`.
     */
    post: operations['ConversationArtifactUploads_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/artifact-uploads/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Finish a large upload: verify hash and size, then register it as an upload would
     * @description The object is read back in full; a mismatch registers nothing and removes it.
     */
    post: operations['ArtifactUploads_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/artifact-uploads/{id}/content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Receive the bytes of a large upload (filesystem blob store)
     * @description The signed link from `POST …/artifacts/uploads` is the credential. The body must have exactly the declared size and SHA-256, or nothing is kept (422).
     */
    put: operations['ArtifactUploads_receive'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The append-only audit log, newest first
     * @description The append-only audit log, newest first
     */
    get: operations['Audit_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/feature-flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Flags visible to front-ends, evaluated for the caller: {name: enabled}. Public; with a bearer token (any scope), evaluated with the caller's attributes
     * @description Flags visible to front-ends, evaluated for the caller: {name: enabled}. Public; with a bearer token (any scope), evaluated with the caller's attributes
     */
    get: operations['FeatureFlags_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/feature-flags/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-Sent Events: the evaluated front-end flags at once, then again (event `flags`) whenever a flag changes; heartbeats every 15 s
     * @description Server-Sent Events: the evaluated front-end flags at once, then again (event `flags`) whenever a flag changes; heartbeats every 15 s
     */
    get: operations['FeatureFlags_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/feature-flags/{name}/evaluation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One flag evaluated for the caller, with the reason (OpenFeature)
     * @description One flag evaluated for the caller, with the reason (OpenFeature)
     */
    get: operations['FeatureFlags_evaluation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/feature-flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every feature flag, by name
     * @description Every feature flag, by name
     */
    get: operations['AdminFeatureFlags_list'];
    put?: never;
    /**
     * Create a flag (audited; every instance sees it within a second)
     * @description Create a flag (audited; every instance sees it within a second)
     */
    post: operations['AdminFeatureFlags_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/feature-flags/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a flag (audited)
     * @description Delete a flag (audited)
     */
    delete: operations['AdminFeatureFlags_remove'];
    options?: never;
    head?: never;
    /**
     * Change a flag: only the fields sent; each change bumps its version
     * @description Change a flag: only the fields sent; each change bumps its version
     */
    patch: operations['AdminFeatureFlags_update'];
    trace?: never;
  };
  '/v1/admin/feature-flags/{name}/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Evaluate a flag for a sample caller (attributes given, nothing looked up)
     * @description Answers as GET /v1/feature-flags/{name}/evaluation would for a caller with exactly these attributes, in this environment.
     */
    post: operations['AdminFeatureFlags_evaluate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/content/{category}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Localized content of a category, resolved key by key
     * @description Public: front-ends need their text before anyone signs in, and content holds nothing personal. Each key comes from the most specific language of the chain (de-AT -> de -> the default language), within it from the requested variant before `all`, and within those from a database override before the shipped file.
     */
    get: operations['Content_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/content/{category}/{language}/{variant}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The entries of one language and variant: shipped value and override side by side
     * @description The entries of one language and variant: shipped value and override side by side
     */
    get: operations['AdminContent_entries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/content/{category}/{language}/{variant}/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set an override of one entry (audited; every instance serves it at once)
     * @description Set an override of one entry (audited; every instance serves it at once)
     */
    put: operations['AdminContent_put'];
    post?: never;
    /**
     * Remove an override: the shipped entry (if any) is served again
     * @description Remove an override: the shipped entry (if any) is served again
     */
    delete: operations['AdminContent_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/analytics/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record what the agent extracted from a conversation
     * @description The agent writes with the session of the conversation's owner; each call adds one analysis. A minor needs parental consent (403 consent-required).
     */
    post: operations['Analytics_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/analytics/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Analyses counted by mood, strategy and category, per day, week or month
     * @description Analyses counted by mood, strategy and category, per day, week or month
     */
    get: operations['AdminAnalytics_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Documents of a conversation, newest first, each as its newest version
     * @description Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).
     */
    get: operations['ConversationDocuments_list'];
    put?: never;
    /**
     * Create a document (text, code, sheet or image) with its version 1
     * @description An image document's content is the id of an image artifact of the same conversation.
     */
    post: operations['ConversationDocuments_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A document as its newest version
     * @description A document as its newest version
     */
    get: operations['Documents_get'];
    put?: never;
    post?: never;
    /**
     * Delete a document
     * @description Every version and every suggestion goes with it.
     */
    delete: operations['Documents_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/documents/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Versions of a document, oldest first
     * @description Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).
     */
    get: operations['Documents_versions'];
    put?: never;
    /**
     * Add a version, numbered after the newest
     * @description Concurrent writers get distinct numbers, in the order they commit.
     */
    post: operations['Documents_addVersion'];
    /**
     * Revert: remove every version after `after`
     * @description In one transaction; suggestions made against the removed versions go too. Answers the document as its newest version, now `after`.
     */
    delete: operations['Documents_revert'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/documents/{id}/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Suggestions on a document, oldest first
     * @description Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).
     */
    get: operations['DocumentSuggestions_list'];
    put?: never;
    /**
     * Suggest an edit of a version (the newest by default)
     * @description The original text must occur in that version.
     */
    post: operations['DocumentSuggestions_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/suggestions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Resolve a suggestion (accepted or rejected), or open it again
     * @description Accepting applies the suggestion as a new version of the document, in the same transaction as the resolution (`applied_version`); a suggestion accepted already is not applied again, and opening it again keeps the version it made.
     */
    patch: operations['Suggestions_resolve'];
    trace?: never;
  };
  '/v1/conversations/{id}/charts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Charts of a conversation, newest first
     * @description Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).
     */
    get: operations['ConversationCharts_list'];
    put?: never;
    /**
     * Store a chart specification, optionally tied to a message of the conversation
     * @description Store a chart specification, optionally tied to a message of the conversation
     */
    post: operations['ConversationCharts_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/charts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A chart
     * @description A chart
     */
    get: operations['Charts_get'];
    put?: never;
    post?: never;
    /**
     * Delete a chart
     * @description Delete a chart
     */
    delete: operations['Charts_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rag/collections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Collections the caller can search (admins: all), by name
     * @description Collections the caller can search (admins: all), by name
     */
    get: operations['RagCollections_list'];
    put?: never;
    /**
     * Create a collection (admin); embedding profile from configuration
     * @description Create a collection (admin); embedding profile from configuration
     */
    post: operations['RagCollections_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rag/collections/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a collection with its documents and chunks (admin)
     * @description Delete a collection with its documents and chunks (admin)
     */
    delete: operations['RagCollections_remove'];
    options?: never;
    head?: never;
    /**
     * Change a collection's embedding model (admin): re-embedded by a job
     * @description Every chunk is embedded again into a new profile (dimensions may differ) while search keeps using the current one; when every chunk is done the collection switches at once and its generation is bumped. Progress shows in `reembedding` of the collection; a failed re-embed leaves the current profile in use.
     */
    patch: operations['RagCollections_update'];
    trace?: never;
  };
  '/v1/rag/collections/{name}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Documents of a collection (admin), in creation order
     * @description Documents of a collection (admin), in creation order
     */
    get: operations['RagDocuments_list'];
    put?: never;
    /**
     * Add a document (admin): stored now, chunked and embedded by a job
     * @description The source is JSON `{title, text, metadata?}`, or a plain text or Markdown file uploaded as `multipart/form-data` (field `file`, optional `title` and `metadata`), streamed and sniffed from its bytes.
     */
    post: operations['RagDocuments_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rag/collections/{name}/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One document with its ingest status and progress (admin)
     * @description One document with its ingest status and progress (admin)
     */
    get: operations['RagDocuments_get'];
    /**
     * Replace a document (admin): only changed chunks are embedded; the old ones stay searchable until then
     * @description Replace a document (admin): only changed chunks are embedded; the old ones stay searchable until then
     */
    put: operations['RagDocuments_replace'];
    post?: never;
    /**
     * Delete a document and its chunks (admin)
     * @description Delete a document and its chunks (admin)
     */
    delete: operations['RagDocuments_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rag/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Search the knowledge base (by default the caller's audience), best first
     * @description Search the knowledge base (by default the caller's audience), best first
     */
    post: operations['RagSearch_search'];
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
    /**
     * Liveness: the process answers (touches nothing else)
     * @description Liveness: the process answers (touches nothing else)
     */
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
    /**
     * Readiness: database (required), Redis and blob store (degraded when down); run mode and vector mode
     * @description Readiness: database (required), Redis and blob store (degraded when down); run mode and vector mode
     */
    get: operations['Health_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/queues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every queue: its depth by state and its latest failed jobs
     * @description The same figures on either driver: BullMQ on Redis, or the durable PostgreSQL queue of the embedded mode.
     */
    get: operations['AdminQueues_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everything Parley holds about the caller, as one JSON document
     * @description Streamed section by section (profile, consent, sessions without secrets, memberships, conversations, messages, votes, feedback, memory, artifacts as download links minted for this request, streams, analytics, exports). Audited.
     */
    get: operations['DataExports_document'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Build the same export as a zip archive, in a job, for large accounts
     * @description The archive holds export.json and the bytes of every file. While an archive is queued or building, asking again returns that one. Audited.
     */
    post: operations['DataExports_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An export archive’s status and progress
     * @description An export archive’s status and progress
     */
    get: operations['DataExports_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/exports/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Redirect to a short-lived download URL of the archive, minted now
     * @description Redirect to a short-lived download URL of the archive, minted now
     */
    get: operations['DataExports_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/retention/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Apply (or with dry_run preview) the retention policies now
     * @description The report counts what each policy removed. The same run happens every hour on the maintenance queue; runs at the same time on several workers remove each thing once.
     */
    post: operations['Retention_run'];
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
      name?: string | null;
      /** @example en */
      language?: string | null;
      /** @enum {string|null} */
      user_type?: 'teenager' | 'parent' | 'adult' | null;
      /** @enum {string|null} */
      age_class?: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      country?: string | null;
      school?: string | null;
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
      name?: string | null;
      /** @example en */
      language?: string | null;
      /** @enum {string|null} */
      user_type?: 'teenager' | 'parent' | 'adult' | null;
      /** @enum {string|null} */
      age_class?: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      country?: string | null;
      school?: string | null;
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
    MergeReceiptDto: {
      /**
       * Format: uuid
       * @description The guest user, now removed
       */
      guest_id: string;
      conversations: number;
      /** @description Messages of the moved conversations */
      messages: number;
      /** @description Chat sessions of the moved conversations */
      chat_sessions: number;
      /** @description Memory items moved */
      memory_items: number;
      /** @description Memory items that lost a key conflict (the older updated_at), either side */
      memory_items_dropped: number;
      artifacts: number;
      feedback: number;
      /** @description Message votes moved */
      votes: number;
      /** @description Rows moved per table (`schema.table`), every table that moved any */
      tables: {
        [key: string]: number;
      };
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
      /** @description Sign-ins only: the guest whose token came with the sign-in was merged */
      merged?: components['schemas']['MergeReceiptDto'];
      /**
       * @description Sign-ins only: a token came with the sign-in but nothing was merged, and why
       * @enum {string}
       */
      merge_skipped?: 'invalid-token' | 'not-a-guest' | 'same-account';
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
      name?: string | null;
      /** @example en */
      language?: string | null;
      /** @enum {string|null} */
      user_type?: 'teenager' | 'parent' | 'adult' | null;
      /** @enum {string|null} */
      age_class?: 'child' | 'preteen' | 'teenager' | 'adult' | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      country?: string | null;
      school?: string | null;
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
      granted?: boolean;
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
      /**
       * @default general
       * @enum {string}
       */
      type?: 'general' | 'incident';
      /**
       * @default private
       * @enum {string}
       */
      visibility?: 'private' | 'public';
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
      /** @enum {string} */
      type?: 'general' | 'incident';
      /** @enum {string} */
      visibility?: 'private' | 'public';
      /** @description true archives (sets archived_at), false restores */
      archived?: boolean;
    };
    EraseReceiptDto: {
      /** @description Agent checkpoint rows removed, all tables together */
      checkpoints: number;
      /** @description Memory items removed (summaries included) */
      memory_items: number;
      /** @description Embedding vectors removed */
      vectors: number;
      /** @description Cache entries dropped on every instance (profile, session states) */
      cache_entries: number;
      /** @description Redis keys deleted (stream chunks, jobs) */
      redis_keys: number;
      /** @description Queued jobs carrying the data, removed */
      queued_jobs: number;
      /** @description Blobs whose last reference went, deleted from the blob store */
      blobs: number;
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
    AppendMessageDto: {
      /** @description Client idempotency key, unique in the conversation */
      message_id: string;
      /** @enum {string} */
      role: 'user' | 'assistant' | 'system' | 'tool';
      /** @description Plain text content */
      content?: string;
      /** @description Structured content (Vercel AI SDK UIMessage parts); text parts are searchable */
      parts?: components['schemas']['MessagePart'][];
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
      tool_input?: unknown;
      /** @description Tool result (any JSON) */
      tool_output?: unknown;
      citations?: unknown[];
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
      parts: components['schemas']['MessagePart'][] | null;
      tool_name: string | null;
      tool_call_id: string | null;
      /** @description Tool call arguments (any JSON; null when none) */
      tool_input: unknown;
      /** @description Tool result (any JSON; null when none) */
      tool_output: unknown;
      citations: unknown[] | null;
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
      parts: components['schemas']['MessagePart'][] | null;
      tool_name: string | null;
      tool_call_id: string | null;
      /** @description Tool call arguments (any JSON; null when none) */
      tool_input: unknown;
      /** @description Tool result (any JSON; null when none) */
      tool_output: unknown;
      citations: unknown[] | null;
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
      parts: components['schemas']['MessagePart'][] | null;
      tool_name: string | null;
      tool_call_id: string | null;
      /** @description Tool call arguments (any JSON; null when none) */
      tool_input: unknown;
      /** @description Tool result (any JSON; null when none) */
      tool_output: unknown;
      citations: unknown[] | null;
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
      value: unknown;
      /** @description Forget the item after this many seconds */
      ttl_seconds?: number;
    };
    MemoryItemDto: {
      namespace: string;
      key: string;
      /** @description The stored JSON value */
      value: unknown;
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
    SearchMemoryDto: {
      /** @example what colour do I like */
      query: string;
      /**
       * @description A namespace and everything under it
       * @example profile
       */
      prefix?: string;
      /** @default 10 */
      k?: number;
    };
    MemorySearchHitDto: {
      namespace: string;
      key: string;
      /** @description The stored JSON value */
      value: unknown;
      /** @description Cosine similarity to the query (higher is closer) */
      score: number;
    };
    MemorySearchResultDto: {
      /** @description Best first */
      data: components['schemas']['MemorySearchHitDto'][];
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
      /** @description The conversation_id of the job as it was queued */
      conversation_id: string;
      /** @description The as_of of the job as it was queued */
      as_of: string;
      attempts_made: number;
      max_attempts: number;
      /** @description The latest failure, if any */
      last_error: string | null;
      /** @description What the worker did, once completed (any JSON; null before) */
      result: unknown;
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
    UploadArtifactForm: {
      /**
       * Format: binary
       * @description The file (streamed)
       */
      file: string;
      /**
       * Format: uuid
       * @description The chat session it came from
       */
      session_id?: string;
      run_id?: string;
      tool_call_id?: string;
      /** @description A JSON object, as a string (at most 16 KiB) */
      metadata?: string;
    };
    StoredArtifactDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** @description SHA-256 of the content, lowercase hex */
      sha256: string;
      /** @description Bytes */
      size: number;
      /** @description Sniffed from the content, never taken from the client */
      mime: string;
      /** @description Sanitised file name */
      filename: string;
      /** Format: uuid */
      session_id: string | null;
      run_id: string | null;
      tool_call_id: string | null;
      metadata: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      created_at: string;
      /** @description The content was already stored: no new bytes were kept */
      deduplicated: boolean;
    };
    IngestArtifactDto: {
      /** @description SHA-256 of the object, stored under artifacts/{sha[0:2]}/{sha[2:4]}/{sha256} */
      sha256: string;
      filename?: string;
      /** Format: uuid */
      session_id?: string;
      run_id?: string;
      tool_call_id?: string;
      metadata?: {
        [key: string]: unknown;
      };
    };
    ArtifactDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** @description SHA-256 of the content, lowercase hex */
      sha256: string;
      /** @description Bytes */
      size: number;
      /** @description Sniffed from the content, never taken from the client */
      mime: string;
      /** @description Sanitised file name */
      filename: string;
      /** Format: uuid */
      session_id: string | null;
      run_id: string | null;
      tool_call_id: string | null;
      metadata: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      created_at: string;
    };
    ArtifactPageDto: {
      data: components['schemas']['ArtifactDto'][];
      next_cursor: string | null;
    };
    CreateArtifactUploadDto: {
      /** @description SHA-256 of the object, stored under artifacts/{sha[0:2]}/{sha[2:4]}/{sha256} */
      sha256: string;
      filename?: string;
      /** Format: uuid */
      session_id?: string;
      run_id?: string;
      tool_call_id?: string;
      metadata?: {
        [key: string]: unknown;
      };
      /** @description Exact size in bytes */
      size: number;
    };
    ArtifactUploadDto: {
      /**
       * Format: uuid
       * @description Complete it with POST /v1/artifact-uploads/{id}/complete
       */
      id: string;
      /** @enum {string} */
      method: 'PUT';
      /** @description Where to PUT the bytes, valid until expires_at */
      url: string;
      /** @description Headers the PUT must carry exactly (signed: length, type, checksum) */
      headers: {
        [key: string]: string;
      };
      /** Format: date-time */
      expires_at: string;
      /** @description The content is stored already: complete without sending it */
      already_stored: boolean;
    };
    AuditEntryDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      actor_type: 'user' | 'cli' | 'system';
      /**
       * Format: uuid
       * @description The acting user; null for the command line and the service itself
       */
      actor_id: string | null;
      /** @example feature-flag.update */
      action: string;
      /** @example feature-flag */
      target_type: string;
      /** @example new-onboarding */
      target_id: string;
      /** @description The target as it was (before) or became (after); null when it did not exist */
      before: {
        [key: string]: unknown;
      } | null;
      /** @description The target as it was (before) or became (after); null when it did not exist */
      after: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      at: string;
    };
    AuditPageDto: {
      data: components['schemas']['AuditEntryDto'][];
      next_cursor: string | null;
    };
    FlagEvaluationDto: {
      name: string;
      value: boolean;
      /**
       * @description The variant served: on or off
       * @enum {string}
       */
      variant: 'on' | 'off';
      /**
       * @description OpenFeature's resolution reason
       * @enum {string}
       */
      reason: 'STATIC' | 'TARGETING_MATCH' | 'SPLIT' | 'DEFAULT' | 'DISABLED' | 'ERROR';
      /**
       * @description The step that decided: environment, variant, visibility, rules.<i> (the first rule that did not match), rules (all matched), rollout; null when disabled or static
       * @example rules.0
       */
      rule_id: string | null;
      /**
       * @description OpenFeature's error code when the reason is ERROR
       * @example TARGETING_KEY_MISSING
       */
      error_code: string | null;
      flag_version: number;
    };
    RolloutDto: {
      /** @description Share of callers admitted, by stable bucket */
      percentage: number;
      /**
       * @description The attribute whose value buckets a caller
       * @default user_id
       * @enum {string}
       */
      stickiness?:
        'user_id' | 'user_type' | 'age_class' | 'country' | 'school' | 'language' | 'origin';
    };
    TargetingRuleDto: {
      /**
       * @description The caller's attribute to test
       * @enum {string}
       */
      attribute:
        | 'user_id'
        | 'user_type'
        | 'age_class'
        | 'country'
        | 'school'
        | 'language'
        | 'origin'
        | 'collective_ids';
      /** @enum {string} */
      operator:
        | 'in'
        | 'not_in'
        | 'starts_with'
        | 'ends_with'
        | 'contains'
        | 'lt'
        | 'gt'
        | 'semver_lt'
        | 'semver_gt';
      /** @description in/not_in/starts_with/ends_with/contains: any of them; lt/gt: one value (numbers compare numerically); semver_lt/semver_gt: one version */
      values: string[];
    };
    TargetingRulesViewDto: {
      rules: components['schemas']['TargetingRuleDto'][];
      /** @description null: everyone who matches the rules */
      rollout: components['schemas']['RolloutDto'] | null;
    };
    FeatureFlagDto: {
      /** @example new-onboarding */
      name: string;
      description: string | null;
      is_enabled: boolean;
      /** @enum {string} */
      environment: 'development' | 'staging' | 'production' | 'all';
      /** @enum {string} */
      visibility: 'frontend' | 'backend' | 'all';
      /** @enum {string} */
      variant: 'teenager' | 'parent' | 'all';
      targeting_rules: components['schemas']['TargetingRulesViewDto'];
      /** @description Bumped by every change */
      version: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    FeatureFlagListDto: {
      data: components['schemas']['FeatureFlagDto'][];
    };
    TargetingRulesDto: {
      /**
       * @description Every rule must match
       * @default []
       */
      rules?: components['schemas']['TargetingRuleDto'][];
      /** @description Percentage rollout after the rules; null or absent admits everyone who matches */
      rollout?: components['schemas']['RolloutDto'] | null;
    };
    CreateFeatureFlagDto: {
      /** @example new-onboarding */
      name: string;
      description?: string | null;
      /** @default false */
      is_enabled?: boolean;
      /**
       * @default all
       * @enum {string}
       */
      environment?: 'development' | 'staging' | 'production' | 'all';
      /**
       * @default all
       * @enum {string}
       */
      visibility?: 'frontend' | 'backend' | 'all';
      /**
       * @description The user type it is for: teenager, parent, or all
       * @default all
       * @enum {string}
       */
      variant?: 'teenager' | 'parent' | 'all';
      targeting_rules?: components['schemas']['TargetingRulesDto'];
    };
    UpdateFeatureFlagDto: {
      description?: string | null;
      is_enabled?: boolean;
      /** @enum {string} */
      environment?: 'development' | 'staging' | 'production' | 'all';
      /** @enum {string} */
      visibility?: 'frontend' | 'backend' | 'all';
      /** @enum {string} */
      variant?: 'teenager' | 'parent' | 'all';
      targeting_rules?: components['schemas']['TargetingRulesDto'];
    };
    SampleCallerDto: {
      /** @example 0190e4a8-5f5e-7000-8000-000000000001 */
      user_id?: string;
      /** @example teenager */
      user_type?: string;
      /** @example 13-17 */
      age_class?: string;
      /** @example DE */
      country?: string;
      /** @example Gymnasium Nord */
      school?: string;
      /** @example de */
      language?: string;
      /** @example web */
      origin?: string;
      collective_ids?: string[];
    };
    SampleEvaluationDto: {
      /**
       * @description Which side asks: flags visible only to the other side evaluate to false
       * @default frontend
       * @enum {string}
       */
      audience?: 'frontend' | 'backend';
      /** @description The caller to evaluate for */
      context?: components['schemas']['SampleCallerDto'];
    };
    ResolvedContentDto: {
      /**
       * @example {
       *       "welcome.title": "Willkommen bei Parley"
       *     }
       */
      data: {
        [key: string]:
          | string
          | {
              [key: string]: unknown;
            };
      };
      /** @enum {string} */
      category: 'prompts' | 'prompt_snippets' | 'ui_messages' | 'context_questions' | 'tools';
      /**
       * @description The most specific language of the chain that supplied an entry
       * @example de
       */
      language: string;
      /** @enum {string} */
      variant: 'all' | 'teenager' | 'parent';
      /**
       * @description The languages looked in, most specific first
       * @example [
       *       "de-AT",
       *       "de",
       *       "en"
       *     ]
       */
      fallbacks: string[];
    };
    AdminContentEntryDto: {
      /** @example welcome.title */
      key: string;
      /** @description What the shipped files give here (along the language and variant fallbacks); absent when they have no such key */
      shipped?:
        | string
        | {
            [key: string]: unknown;
          };
      /** @description The database override at exactly this address; absent when there is none */
      override?:
        | string
        | {
            [key: string]: unknown;
          };
    };
    AdminContentPageDto: {
      /** @enum {string} */
      category: 'prompts' | 'prompt_snippets' | 'ui_messages' | 'context_questions' | 'tools';
      /** @example de */
      language: string;
      /** @enum {string} */
      variant: 'all' | 'teenager' | 'parent';
      /** @description By key */
      data: components['schemas']['AdminContentEntryDto'][];
    };
    PutContentDto: {
      /**
       * @description Text, or a structured entry (an object); at most 16384 bytes as JSON
       * @example Willkommen!
       */
      value:
        | string
        | {
            [key: string]: unknown;
          };
    };
    ContentOverrideDto: {
      /** @enum {string} */
      category: 'prompts' | 'prompt_snippets' | 'ui_messages' | 'context_questions' | 'tools';
      language: string;
      /** @enum {string} */
      variant: 'all' | 'teenager' | 'parent';
      key: string;
      value:
        | string
        | {
            [key: string]: unknown;
          };
      /** Format: date-time */
      updated_at: string;
    };
    AnalyticsCategoriesDto: {
      /**
       * @description Category labels of the messages
       * @default []
       */
      messages?: string[];
      /**
       * @description Category labels of the moods expressed
       * @default []
       */
      moods?: string[];
      /**
       * @description Category labels of the strategies used
       * @default []
       */
      strategies?: string[];
      /**
       * @description Category labels of the answers given
       * @default []
       */
      answer_types?: string[];
    };
    CreateConversationAnalyticsDto: {
      /** Format: uuid */
      conversation_id: string;
      /** @example anxious */
      mood: string;
      /** @example reassure */
      strategy: string;
      summary: string;
      /** @example 2026.11.2 */
      chatbot_version: string;
      /** @example de */
      language: string;
      bullying_message?: string | null;
      categories?: components['schemas']['AnalyticsCategoriesDto'];
    };
    ConversationAnalyticsDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      mood: string;
      strategy: string;
      summary: string;
      chatbot_version: string;
      language: string;
      bullying_message: string | null;
      categories: components['schemas']['AnalyticsCategoriesDto'];
      /** Format: date-time */
      created_at: string;
    };
    CategoryCountsDto: {
      /**
       * @example {
       *       "anxious": 3,
       *       "calm": 1
       *     }
       */
      messages: {
        [key: string]: number;
      };
      /**
       * @example {
       *       "anxious": 3,
       *       "calm": 1
       *     }
       */
      moods: {
        [key: string]: number;
      };
      /**
       * @example {
       *       "anxious": 3,
       *       "calm": 1
       *     }
       */
      strategies: {
        [key: string]: number;
      };
      /**
       * @example {
       *       "anxious": 3,
       *       "calm": 1
       *     }
       */
      answer_types: {
        [key: string]: number;
      };
    };
    AnalyticsPeriodDto: {
      /** Format: date-time */
      start: string;
      /** @description Analyses in the period */
      conversations: number;
      /**
       * @example {
       *       "anxious": 3,
       *       "calm": 1
       *     }
       */
      moods: {
        [key: string]: number;
      };
      /**
       * @example {
       *       "anxious": 3,
       *       "calm": 1
       *     }
       */
      strategies: {
        [key: string]: number;
      };
      categories: components['schemas']['CategoryCountsDto'];
    };
    AnalyticsSummaryDto: {
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
      /** @enum {string} */
      period: 'day' | 'week' | 'month';
      /** @description Periods with at least one analysis, oldest first */
      data: components['schemas']['AnalyticsPeriodDto'][];
    };
    CreateDocumentDto: {
      /** @example Essay draft */
      title: string;
      /**
       * @description Fixed for the life of the document
       * @enum {string}
       */
      kind: 'text' | 'code' | 'sheet' | 'image';
      /** @description The text (at most DOCUMENT_MAX_BYTES of UTF-8); for an image document, the id of an image artifact of the same conversation */
      content: string;
    };
    DocumentDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** @enum {string} */
      kind: 'text' | 'code' | 'sheet' | 'image';
      /** @description Of the newest version */
      title: string;
      /** @description Of the newest version */
      content: string;
      /** @description The newest version */
      version: number;
      /** Format: date-time */
      created_at: string;
      /**
       * Format: date-time
       * @description When the newest version was made
       */
      updated_at: string;
    };
    DocumentPageDto: {
      data: components['schemas']['DocumentDto'][];
      next_cursor: string | null;
    };
    CreateDocumentVersionDto: {
      /** @description The text (at most DOCUMENT_MAX_BYTES of UTF-8); for an image document, the id of an image artifact of the same conversation */
      content: string;
      /** @description Default: the previous version's title */
      title?: string;
    };
    DocumentVersionDto: {
      version: number;
      title: string;
      content: string;
      /** Format: date-time */
      created_at: string;
    };
    DocumentVersionPageDto: {
      /** @description Oldest first */
      data: components['schemas']['DocumentVersionDto'][];
      next_cursor: string | null;
    };
    CreateSuggestionDto: {
      /** @description Text of the version the suggestion would replace; it must occur in it */
      original_text: string;
      /** @description Its replacement */
      suggested_text: string;
      description?: string | null;
      /** @description The version it is made against (default: the newest) */
      version?: number;
    };
    SuggestionDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      document_id: string;
      version: number;
      original_text: string;
      suggested_text: string;
      description: string | null;
      resolved: boolean;
      /** @enum {string|null} */
      resolution: 'accepted' | 'rejected' | null;
      /** Format: date-time */
      resolved_at: string | null;
      /** Format: date-time */
      created_at: string;
    };
    SuggestionPageDto: {
      /** @description Oldest first */
      data: components['schemas']['SuggestionDto'][];
      next_cursor: string | null;
    };
    ResolveSuggestionDto: {
      /** @description true resolves it; false opens it again */
      resolved: boolean;
      /**
       * @description How it was resolved (only with resolved: true). `accepted` applies it: the first occurrence of the original text in the newest version is replaced by the suggested text, as a new version (409 when the newest version no longer holds the original text)
       * @enum {string}
       */
      resolution?: 'accepted' | 'rejected';
    };
    ResolvedSuggestionDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      document_id: string;
      version: number;
      original_text: string;
      suggested_text: string;
      description: string | null;
      resolved: boolean;
      /** @enum {string|null} */
      resolution: 'accepted' | 'rejected' | null;
      /** Format: date-time */
      resolved_at: string | null;
      /** Format: date-time */
      created_at: string;
      /** @description The version this resolution added by applying the suggestion (accepted now); null otherwise */
      applied_version: number | null;
    };
    CreateChartDto: {
      /** @example Messages per day */
      title: string;
      /**
       * @description The chart specification, a JSON object (e.g. Vega-Lite, or an MCP chart tool output); at most CHART_SPEC_MAX_BYTES once serialised
       * @example {
       *       "mark": "bar",
       *       "data": {
       *         "values": [
       *           {
       *             "day": "Mon",
       *             "n": 3
       *           }
       *         ]
       *       }
       *     }
       */
      spec: {
        [key: string]: unknown;
      };
      /**
       * Format: uuid
       * @description The message (its server id) of the same conversation the chart belongs to
       */
      message_id?: string;
    };
    ChartDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversation_id: string;
      /** Format: uuid */
      message_id: string | null;
      title: string;
      spec: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      created_at: string;
    };
    ChartPageDto: {
      /** @description Newest first */
      data: components['schemas']['ChartDto'][];
      next_cursor: string | null;
    };
    CreateRagCollectionDto: {
      /** @example docs_youth */
      name: string;
      /**
       * @description Who may search it: teenagers, parents or all
       * @enum {string}
       */
      audience: 'teenager' | 'parent' | 'all';
      /** @description Tokens per chunk (cl100k_base); default from RAG_CHUNK_SIZE */
      chunk_size?: number;
      /** @description Tokens shared by neighbouring chunks; default from RAG_CHUNK_OVERLAP */
      chunk_overlap?: number;
    };
    RagEmbeddingProfileDto: {
      /** @example local */
      provider: string;
      /** @example parley-local-384 */
      model: string;
      /** @example 384 */
      dimensions: number;
      /** @enum {string} */
      distance: 'cosine';
    };
    RagReembeddingDto: {
      /** @example local */
      provider: string;
      /** @example parley-local-384 */
      model: string;
      /** @example 384 */
      dimensions: number;
      /** @enum {string} */
      distance: 'cosine';
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'building' | 'failed';
      /** @description Chunks re-embedded so far */
      chunks_done: number;
      chunks_total: number;
      /** @description Why the latest attempt failed */
      error: string | null;
      /** Format: date-time */
      created_at: string;
    };
    RagCollectionDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      audience: 'teenager' | 'parent' | 'all';
      embedding: components['schemas']['RagEmbeddingProfileDto'];
      chunk_size: number;
      chunk_overlap: number;
      /** @description Bumped whenever its searchable content changes */
      generation: number;
      /** Format: date-time */
      created_at: string;
      /** @description A model change under way, or the last one if it failed; null otherwise */
      reembedding: components['schemas']['RagReembeddingDto'] | null;
    };
    RagCollectionPageDto: {
      data: components['schemas']['RagCollectionDto'][];
      next_cursor: string | null;
    };
    EmbeddingTargetDto: {
      /**
       * @description openai needs EMBEDDINGS_URL
       * @enum {string}
       */
      provider: 'local' | 'openai';
      /**
       * @description local: parley-local-<dimensions>; openai: a model of the configured endpoint
       * @example parley-local-256
       */
      model: string;
      /** @example 256 */
      dimensions: number;
    };
    UpdateRagCollectionDto: {
      /** @description A new embedding profile: every chunk is re-embedded by a job; search uses the current profile until the switch, which happens at once when every chunk is done */
      embedding: components['schemas']['EmbeddingTargetDto'];
    };
    RagRemovedRowsDto: {
      collections: number;
      documents: number;
      /** @description Chunks, each with its vector */
      chunks: number;
    };
    RagRemovalReceiptDto: {
      /** @description Rows removed, per table of the rag schema */
      removed: components['schemas']['RagRemovedRowsDto'];
    };
    PutRagDocumentDto: {
      /** @example Volcanoes */
      title: string;
      /** @description The document text (plain text or Markdown) */
      text: string;
      /** @description JSON object copied onto every chunk; search filters match on it */
      metadata?: {
        [key: string]: unknown;
      };
    };
    UploadRagDocumentForm: {
      /**
       * Format: binary
       * @description A plain text or Markdown file in UTF-8 (streamed; type sniffed from its bytes)
       */
      file: string;
      /** @description Default: the file's name */
      title?: string;
      /** @description A JSON object, as a string, copied onto every chunk */
      metadata?: string;
    };
    RagDocumentDto: {
      /** Format: uuid */
      id: string;
      collection: string;
      title: string;
      /** @enum {string} */
      source_kind: 'text' | 'file';
      metadata: {
        [key: string]: unknown;
      };
      /** @description Hex SHA-256 of the text */
      sha256: string;
      /** @enum {string} */
      status: 'queued' | 'processing' | 'ready' | 'failed';
      /** @description Why the latest ingest failed */
      error: string | null;
      /** @description Chunks embedded (or reused) so far */
      chunks_done: number;
      chunks_total: number;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
      /** Format: date-time */
      indexed_at: string | null;
    };
    RagDocumentPageDto: {
      data: components['schemas']['RagDocumentDto'][];
      next_cursor: string | null;
    };
    RagSearchDto: {
      /** @example lava erupts from the volcano */
      query: string;
      /** @example 5 */
      k: number;
      /** @description One collection; by default every collection of the caller's audience */
      collection?: string;
      /**
       * @description Metadata conditions, all of which must hold: `{key: value}` (contains), `{key: {in: [..]}}`, `{key: {not_in: [..]}}`, `{key: {lt: x}}`, `{key: {gt: x}}`
       * @example {
       *       "grade": 7,
       *       "year": {
       *         "gt": 2020
       *       }
       *     }
       */
      filter?: {
        [key: string]: unknown;
      };
      /**
       * @description hybrid: reciprocal rank fusion (k = 60) of vector and full-text ranks
       * @default vector
       * @enum {string}
       */
      mode?: 'vector' | 'hybrid';
      /** @description Drop results scoring below this (vector: cosine similarity) */
      score_threshold?: number;
    };
    RagSearchHitDto: {
      /** Format: uuid */
      chunk_id: string;
      /** Format: uuid */
      document_id: string;
      collection: string;
      title: string;
      content: string;
      /** @description vector: cosine similarity; hybrid: fused reciprocal rank */
      score: number;
      metadata: {
        [key: string]: unknown;
      };
    };
    RagSearchResultDto: {
      data: components['schemas']['RagSearchHitDto'][];
    };
    EraseAccountDto: {
      /** @description The account password. Without it, the session must have signed in within the last ERASE_REAUTH_SECONDS (default 10 minutes); a guest needs neither. */
      password?: string;
    };
    EraseVerificationDto: {
      /** @description True when no store still holds anything of the account */
      passed: boolean;
      /** @description User-linked columns and outside stores queried again after the erase */
      checked: number;
      /** @description What is still there, per column or store (empty when passed) */
      remaining: {
        [key: string]: number;
      };
      /** @description Steps outside the database that failed */
      failed: string[];
    };
    AccountEraseReceiptDto: {
      /** @description Agent checkpoint rows removed, all tables together */
      checkpoints: number;
      /** @description Memory items removed (summaries included) */
      memory_items: number;
      /** @description Embedding vectors removed */
      vectors: number;
      /** @description Cache entries dropped on every instance (profile, session states) */
      cache_entries: number;
      /** @description Redis keys deleted (stream chunks, jobs) */
      redis_keys: number;
      /** @description Queued jobs carrying the data, removed */
      queued_jobs: number;
      /** @description Blobs whose last reference went, deleted from the blob store */
      blobs: number;
      /**
       * Format: uuid
       * @description The erased account
       */
      user_id: string;
      /**
       * Format: uuid
       * @description The pseudonym that stands for the account in the audit log from now on
       */
      subject: string;
      /**
       * @description Rows removed, per schema-qualified table (agent checkpoint tables included)
       * @example {
       *       "app.messages": 42,
       *       "app.users": 1,
       *       "langgraph.checkpoints": 7
       *     }
       */
      removed: {
        [key: string]: number;
      };
      /**
       * @description Rows kept with the account replaced by the pseudonym, per table
       * @example {
       *       "app.audit_log": 2
       *     }
       */
      pseudonymised: {
        [key: string]: number;
      };
      /** @description Agent thread ids whose checkpoints were erased */
      thread_ids: string[];
      verification: components['schemas']['EraseVerificationDto'];
      /** Format: date-time */
      erased_at: string;
    };
    LivenessDto: {
      /** @enum {string} */
      status: 'ok';
    };
    ReadinessDto: {
      /**
       * @description degraded: an optional dependency is down; error: the database is
       * @enum {string}
       */
      status: 'ok' | 'degraded' | 'error' | 'shutting_down';
      /** @description The checks that are up or degraded */
      info?: {
        [key: string]: {
          /** @enum {string} */
          status: 'up' | 'degraded' | 'down';
          /** @description Why it is degraded or down */
          message?: string;
        } & {
          [key: string]: unknown;
        };
      };
      /** @description The checks that are down */
      error?: {
        [key: string]: {
          /** @enum {string} */
          status: 'up' | 'degraded' | 'down';
          /** @description Why it is degraded or down */
          message?: string;
        } & {
          [key: string]: unknown;
        };
      };
      /** @description Every check */
      details: {
        [key: string]: {
          /** @enum {string} */
          status: 'up' | 'degraded' | 'down';
          /** @description Why it is degraded or down */
          message?: string;
        } & {
          [key: string]: unknown;
        };
      };
      /**
       * @description Run mode
       * @enum {string}
       */
      mode: 'servers' | 'embedded';
      /**
       * @description How similarity search runs; unknown when the database cannot say
       * @enum {string}
       */
      vector: 'pgvector' | 'exact-scan' | 'unknown';
      /**
       * @description Queue driver
       * @enum {string}
       */
      queue: 'bullmq' | 'local';
      /**
       * @description Blob store driver
       * @enum {string}
       */
      blobs: 's3' | 'filesystem';
    };
    FailedJobDto: {
      /** @description The job id (stable ids name what the job is about) */
      id: string;
      /** @example rag-ingest.document */
      name: string;
      attempts_made: number;
      max_attempts: number;
      /** @description The error of the last attempt */
      last_error: string | null;
      /** Format: date-time */
      failed_at: string | null;
    };
    QueueStatsDto: {
      /** @enum {string} */
      name: 'maintenance' | 'memory-lake' | 'rag-ingest' | 'rag-cache';
      /** @description Due and waiting for a runner */
      waiting: number;
      /** @description Running now */
      active: number;
      /** @description Due later (delayed, or a retry waiting out its backoff) */
      delayed: number;
      /** @description Out of attempts */
      failed: number;
      /** @description The latest failed, first */
      failed_jobs: components['schemas']['FailedJobDto'][];
    };
    QueueStatsListDto: {
      /**
       * @description bullmq (on Redis) or local (the durable PostgreSQL table of the embedded mode)
       * @enum {string}
       */
      driver: 'bullmq' | 'local';
      data: components['schemas']['QueueStatsDto'][];
    };
    DataExportDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'expired';
      /** @description Percent of the sections written, 0 to 100 */
      progress: number;
      sections_done: number;
      sections_total: number;
      /** @description Bytes of the archive, once built */
      size: number | null;
      error?: string | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      finished_at: string | null;
      /**
       * Format: date-time
       * @description Until when the archive can be downloaded
       */
      expires_at: string | null;
    };
    RetentionRunDto: {
      /** @description Count what each policy would remove, remove nothing */
      dry_run?: boolean;
      /** @description Run only these policies (names as the report gives them); all when omitted */
      policies?: string[];
    };
    RetentionPolicyResultDto: {
      /** @example inactive_guests */
      name: string;
      /** @description False when its setting turns the policy off */
      enabled: boolean;
      /** @description What it removed, or on a dry run would remove */
      removed: number;
    };
    RetentionReportDto: {
      dry_run: boolean;
      /** Format: date-time */
      started_at: string;
      /** Format: date-time */
      finished_at: string;
      policies: components['schemas']['RetentionPolicyResultDto'][];
      /** @description The sum over the policies */
      total: number;
    };
    /** @description Text; the only part kind searched */
    TextPart: {
      /** @enum {string} */
      type: 'text';
      text: string;
      /** @enum {string} */
      state?: 'streaming' | 'done';
      /** @description Provider-specific data, by provider */
      providerMetadata?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description Model reasoning */
    ReasoningPart: {
      /** @enum {string} */
      type: 'reasoning';
      text: string;
      /** @enum {string} */
      state?: 'streaming' | 'done';
      /** @description Provider-specific data, by provider */
      providerMetadata?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description A call of a static tool: the type is `tool-` and the tool name */
    ToolPart: {
      /** @example tool-getWeather */
      type: string;
      toolCallId: string;
      /**
       * @description Where the call is in its life
       * @enum {string}
       */
      state:
        | 'input-streaming'
        | 'input-available'
        | 'approval-requested'
        | 'approval-responded'
        | 'output-available'
        | 'output-error'
        | 'output-denied';
      title?: string;
      /** @description The arguments (any JSON; partial while input-streaming) */
      input?: unknown;
      /** @description The result (any JSON), once output-available */
      output?: unknown;
      /** @description Why it failed, once output-error */
      errorText?: string;
      providerExecuted?: boolean;
      /** @description Provider-specific data, by provider */
      callProviderMetadata?: {
        [key: string]: unknown;
      };
      /** @description The approval asked for or given, in the approval states */
      approval?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description A call of a tool not known in advance */
    DynamicToolPart: {
      /** @enum {string} */
      type: 'dynamic-tool';
      toolName: string;
      toolCallId: string;
      /**
       * @description Where the call is in its life
       * @enum {string}
       */
      state:
        | 'input-streaming'
        | 'input-available'
        | 'approval-requested'
        | 'approval-responded'
        | 'output-available'
        | 'output-error'
        | 'output-denied';
      title?: string;
      /** @description The arguments (any JSON; partial while input-streaming) */
      input?: unknown;
      /** @description The result (any JSON), once output-available */
      output?: unknown;
      /** @description Why it failed, once output-error */
      errorText?: string;
      providerExecuted?: boolean;
      /** @description Provider-specific data, by provider */
      callProviderMetadata?: {
        [key: string]: unknown;
      };
      /** @description The approval asked for or given, in the approval states */
      approval?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description A source on the web */
    SourceUrlPart: {
      /** @enum {string} */
      type: 'source-url';
      sourceId: string;
      url: string;
      title?: string;
      /** @description Provider-specific data, by provider */
      providerMetadata?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description A source document */
    SourceDocumentPart: {
      /** @enum {string} */
      type: 'source-document';
      sourceId: string;
      mediaType: string;
      title: string;
      filename?: string;
      /** @description Provider-specific data, by provider */
      providerMetadata?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description A file, by URL (or data: URL) */
    FilePart: {
      /** @enum {string} */
      type: 'file';
      mediaType: string;
      filename?: string;
      url: string;
      /** @description Provider-specific data, by provider */
      providerMetadata?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description The start of a step */
    StepStartPart: {
      /** @enum {string} */
      type: 'step-start';
    } & {
      [key: string]: unknown;
    };
    /** @description Application data: the type is `data-` and its name */
    DataPart: {
      /** @example data-weather */
      type: string;
      id?: string;
      /** @description The data (any JSON) */
      data: unknown;
    } & {
      [key: string]: unknown;
    };
    /** @description Any other part type, stored and answered unchanged */
    UnknownPart: {
      type: string;
      /** @description A text, when the part has one */
      text?: string;
    } & {
      [key: string]: unknown;
    };
    /** @description A part of a structured message (the Vercel AI SDK UIMessage part types); parts are stored and answered exactly as sent */
    MessagePart:
      | components['schemas']['TextPart']
      | components['schemas']['ReasoningPart']
      | components['schemas']['ToolPart']
      | components['schemas']['DynamicToolPart']
      | components['schemas']['SourceUrlPart']
      | components['schemas']['SourceDocumentPart']
      | components['schemas']['FilePart']
      | components['schemas']['StepStartPart']
      | components['schemas']['DataPart']
      | components['schemas']['UnknownPart'];
    /** @description RFC 9457 problem details. `type` names the problem (a URI under https://parley.dev/problems/, or about:blank), `code` is its stable machine-readable name. Members beyond these are extensions that some problems carry (e.g. `retry_after` on 429, `scope` and `required_scopes` on insufficient-scope, `index` on a batch). */
    Problem: {
      /**
       * Format: uri
       * @example https://parley.dev/problems/not-found
       */
      type: string;
      /** @example Not found */
      title: string;
      /** @example 404 */
      status: number;
      /** @example Conversation not found. */
      detail: string;
      /**
       * Format: uri-reference
       * @description The path of the request that failed
       * @example /v1/conversations/0190a4c1-7c4e-7d2e-9b1a-3f6e2d9c8b7a
       */
      instance?: string;
      /**
       * @description Stable error code; absent only on a problem of type about:blank
       * @enum {string}
       */
      code?:
        | 'validation-failed'
        | 'malformed-json'
        | 'nesting-too-deep'
        | 'malformed-request'
        | 'headers-too-large'
        | 'request-timeout'
        | 'payload-too-large'
        | 'unsupported-media-type'
        | 'invalid-cursor'
        | 'not-found'
        | 'route-not-found'
        | 'method-not-allowed'
        | 'conflict'
        | 'unauthorized'
        | 'forbidden'
        | 'rate-limited'
        | 'invalid-signature'
        | 'link-expired'
        | 'service-unavailable'
        | 'internal-error'
        | 'invalid-credentials'
        | 'invalid-token'
        | 'refresh-token-reused'
        | 'account-locked'
        | 'email-taken'
        | 'not-a-guest'
        | 'insufficient-scope'
        | 'unknown-identity-provider'
        | 'invalid-reset-token'
        | 'consent-required'
        | 'reauthentication-required'
        | 'not-a-minor'
        | 'not-a-parent'
        | 'parental-request-expired'
        | 'parental-request-used'
        | 'collective-role-required'
        | 'collective-cycle'
        | 'collective-has-children'
        | 'not-a-family'
        | 'last-owner'
        | 'already-member'
        | 'invitation-expired'
        | 'invitation-revoked'
        | 'invitation-used-up'
        | 'invitation-age-class-mismatch'
        | 'feature-disabled'
        | 'not-acceptable'
        | 'invalid-blob-key'
        | 'blob-content-mismatch'
        | 'artifact-type-refused'
        | 'artifact-quota-bytes'
        | 'artifact-quota-count'
        | 'artifact-object-missing'
        | 'export-not-ready';
      /** @description The X-Request-Id of the request, for support */
      request_id?: string;
      /** @description Seconds to wait before retrying (429), as in the Retry-After header */
      retry_after?: number;
    } & {
      [key: string]: unknown;
    };
    /** @description One invalid field: its path in the body, query or headers, and what is wrong */
    FieldError: {
      /**
       * @description Dotted path of the field (`messages.0.role`), or a header name
       * @example title
       */
      field: string;
      /** @example title must be shorter than or equal to 300 characters */
      message: string;
    };
    /** @description A validation-failed problem (400): the Problem with every invalid field in `errors`. `detail` is the only message when one field is wrong, else "N fields are invalid". */
    ValidationProblem: components['schemas']['Problem'] & {
      errors: components['schemas']['FieldError'][];
    };
  };
  responses: {
    /** @description Bad input: malformed JSON, a field that fails validation (a ValidationProblem with `errors`), a cursor this list did not issue (validation-failed, malformed-json, nesting-too-deep, malformed-request, invalid-cursor, invalid-reset-token, invalid-blob-key) */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json':
          components['schemas']['ValidationProblem'] | components['schemas']['Problem'];
      };
    };
    /** @description No valid credentials (unauthorized, invalid-credentials, invalid-token, refresh-token-reused) */
    Unauthorized: {
      headers: {
        /** @description The scheme to authenticate with: `Bearer` (access token) or `Basic` (trusted client) */
        'WWW-Authenticate'?: string;
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Authenticated but not allowed (forbidden, invalid-signature, insufficient-scope, consent-required, reauthentication-required, not-a-minor, not-a-parent, collective-role-required, invitation-age-class-mismatch, feature-disabled) */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No such resource, or one the caller may not see (not-found) */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Conflicts with the current state (conflict, email-taken, not-a-guest, parental-request-used, collective-has-children, last-owner, already-member, invitation-used-up, export-not-ready) */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No longer valid (link-expired, parental-request-expired, invitation-expired, invitation-revoked) */
    Gone: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The request body exceeds the limit (payload-too-large) */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description A body of a media type, encoding or charset this route does not take */
    UnsupportedMediaType: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Well-formed but not applicable (collective-cycle, not-a-family, blob-content-mismatch, artifact-object-missing) */
    UnprocessableContent: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Over a rate limit, or too many failed sign-ins (rate-limited, account-locked, artifact-quota-count) */
    TooManyRequests: {
      headers: {
        /** @description Seconds to wait before retrying (always sent) */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description A dependency (the database, the queue) is unavailable or the request could not finish in time; retry (service-unavailable) */
    ServiceUnavailable: {
      headers: {
        /** @description Seconds to wait before retrying (sent when the wait is known) */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
  };
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
      /** @description The content, as an attachment, of the media type the link names (application/octet-stream when it names none) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      400: components['responses']['BadRequest'];
      /** @description The link was altered */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The blob no longer exists */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The link has expired */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
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
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AccountErasure_erase: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EraseAccountDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountEraseReceiptDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description reauthentication-required */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description account-locked: too many wrong passwords; see Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (always sent) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Me_putKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model provider the key is for */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Me_deleteKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The model provider the key is for */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ParentalConsent_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The token of the consent request, from its email */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      410: components['responses']['Gone'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ParentalConsent_children: {
    parameters: {
      query?: {
        /** @description Page size */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ParentalConsent_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The child's user id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Auth_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        /** @description Where the client runs, stored on the session; api when absent */
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
      400: components['responses']['BadRequest'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Auth_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        /** @description Where the client runs, stored on the session; api when absent */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Locked out; see Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (always sent) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Auth_guest: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        /** @description Where the client runs, stored on the session; api when absent */
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
      400: components['responses']['BadRequest'];
      /** @description feature-disabled: the guest-sign-up flag is off */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Auth_changePassword: {
    parameters: {
      query?: never;
      header?: {
        /** @description Where the client runs, stored on the session; api when absent */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Auth_upgrade: {
    parameters: {
      query?: never;
      header?: {
        /** @description Where the client runs, stored on the session; api when absent */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Sessions_list: {
    parameters: {
      query?: {
        /** @description Page size */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Sessions_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The session id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Idp_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        /** @description Trusted clients only: the secret shown once when the client was created */
        'X-Client-Secret'?: string;
        /** @description Trusted clients only: the client id an admin created */
        'X-Client-Id'?: string;
      };
      path: {
        /** @description The configured identity provider */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Ldap_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: a JSON object (at most 4096 bytes, 64 keys matching [A-Za-z0-9_.:-]{1,64}) whose values are strings (at most 256 characters), finite numbers, booleans, null, or arrays of at most 64 of those. Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]} */
        'X-Client-Capabilities'?: string;
        /** @description Where the client runs, stored on the session; api when absent */
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
      400: components['responses']['BadRequest'];
      /** @description Unknown user or wrong password (the same answer) */
      401: {
        headers: {
          /** @description The scheme to authenticate with: `Bearer` (access token) or `Basic` (trusted client) */
          'WWW-Authenticate'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description LDAP sign-in is not configured on this server */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Locked out; see Retry-After */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (always sent) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The directory cannot be reached */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (sent when the wait is known) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
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
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  TrustedClients_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The trusted client id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Collectives_list: {
    parameters: {
      query?: {
        /** @description Page size */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Collectives_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Collectives_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Collectives_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Collectives_parentalConsent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective, or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Members_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The collective id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Members_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
        id: string;
        /** @description The member's user id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Members_changeRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
        id: string;
        /** @description The member's user id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Members_invitationsOf: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The collective id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Members_invite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Members_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collective id */
        id: string;
        /** @description The invitation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description You are a member, but your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such collective (or member, invitation), or you have no part in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Invitations_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The invitation token (shown once, when created) */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      410: components['responses']['Gone'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
        /** @description Only conversations of this type */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_getConfig: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_putConfig: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_listSessions: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Conversations_createSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Messages_list: {
    parameters: {
      query?: {
        /** @description Page size */
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
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Messages_append: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description message_id already used with different content */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Messages_appendBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A message_id already used with different content */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body is over MESSAGE_BATCH_BODY_LIMIT */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Messages_vote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
        id: string;
        /** @description The message: its id, or its client message_id */
        message: string;
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Messages_unvote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
        id: string;
        /** @description The message: its id, or its client message_id */
        message: string;
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Search_search: {
    parameters: {
      query: {
        /** @description Page size */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Shared_shared: {
    parameters: {
      query?: {
        /** @description Page size */
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
        /** @description The id of a public conversation */
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
      400: components['responses']['BadRequest'];
      /** @description No such public conversation (private ones included) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  MemoryItems_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Dot-separated namespace of the item */
        namespace: string;
        /** @description Key of the item in its namespace */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such item (or it expired) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  MemoryItems_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Dot-separated namespace of the item */
        namespace: string;
        /** @description Key of the item in its namespace */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  MemoryItems_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Dot-separated namespace of the item */
        namespace: string;
        /** @description Key of the item in its namespace */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  MemoryItems_list: {
    parameters: {
      query?: {
        /** @description Page size */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  MemorySearch_search: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SearchMemoryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemorySearchResultDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (a minor without parental consent) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      /** @description The embedding service cannot be reached */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (sent when the wait is known) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description consent-required: a minor without consent; feature-disabled: the memory-lake flag is off */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such conversation of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such job of yours (or finished over a day ago) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      /** @description The queue cannot be reached */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (sent when the wait is known) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ConversationStreams_open: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Streams_append: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The stream id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The stream is completed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Streams_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The stream id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Streams_ticket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The stream id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such stream of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
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
        /** @description The stream id */
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
      400: components['responses']['BadRequest'];
      /** @description No valid access token, or a ticket that is expired, altered or for another stream */
      401: {
        headers: {
          /** @description The scheme to authenticate with: `Bearer` (access token) or `Basic` (trusted client) */
          'WWW-Authenticate'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationArtifacts_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The conversation id */
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
          'application/json': components['schemas']['ArtifactPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationArtifacts_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['UploadArtifactForm'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredArtifactDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (a minor without parental consent) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Larger than ARTIFACT_MAX_BYTES, or over the bytes quota */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not multipart, or an executable or HTML file */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The artifact count quota is reached */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (always sent) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationArtifacts_ingest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IngestArtifactDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredArtifactDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Larger than ARTIFACT_MAX_BYTES, or over the bytes quota */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description An executable or HTML object */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No object under the key, or its content does not hash to sha256 */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The artifact count quota is reached */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (always sent) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Artifacts_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The artifact id */
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
          'application/json': components['schemas']['ArtifactDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such artifact of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Artifacts_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The artifact id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such artifact of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Artifacts_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The artifact id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the presigned URL (Location); the body is a one-line note for humans */
      307: {
        headers: {
          /** @description The download URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such artifact of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationArtifactUploads_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateArtifactUploadDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArtifactUploadDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Larger than ARTIFACT_MAX_BYTES, or over the bytes quota */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      415: components['responses']['UnsupportedMediaType'];
      /** @description The artifact count quota is reached */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (always sent) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ArtifactUploads_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The id of the large upload POST …/artifacts/uploads started */
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
          'application/json': components['schemas']['StoredArtifactDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such upload of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The upload expired */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      /** @description An executable or HTML file */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing was uploaded, or other bytes were */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ArtifactUploads_receive: {
    parameters: {
      query: {
        /** @description Expiry, seconds since the epoch */
        exp: string;
        /** @description HMAC-SHA256 of the upload and its expiry */
        sig: string;
      };
      header?: never;
      path: {
        /** @description The id of the large upload POST …/artifacts/uploads started */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Stored */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      /** @description The link was altered */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such upload */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The link has expired */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description The body differs from the declared size or hash */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Audit_list: {
    parameters: {
      query?: {
        /** @description Page size */
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
          'application/json': components['schemas']['AuditPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description Not an admin: the admin surface does not exist for you */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  FeatureFlags_list: {
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
          'application/json': {
            [key: string]: boolean;
          };
        };
      };
      /** @description A bearer token came along, and it does not verify */
      401: {
        headers: {
          /** @description The scheme to authenticate with: `Bearer` (access token) or `Basic` (trusted client) */
          'WWW-Authenticate'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  FeatureFlags_stream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream; each `flags` event carries {name: enabled} */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description The request does not accept text/event-stream */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  FeatureFlags_evaluation: {
    parameters: {
      query?: {
        /** @description Which side asks: flags visible only to the other side evaluate to false */
        audience?: 'frontend' | 'backend';
      };
      header?: never;
      path: {
        /** @description The feature flag name */
        name: string;
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
          'application/json': components['schemas']['FlagEvaluationDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such flag */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminFeatureFlags_list: {
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
          'application/json': components['schemas']['FeatureFlagListDto'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such flag; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminFeatureFlags_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFeatureFlagDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeatureFlagDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such flag; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A flag with this name exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminFeatureFlags_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The feature flag name */
        name: string;
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such flag; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminFeatureFlags_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The feature flag name */
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateFeatureFlagDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeatureFlagDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such flag; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminFeatureFlags_evaluate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The feature flag name */
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SampleEvaluationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FlagEvaluationDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such flag; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Content_get: {
    parameters: {
      query?: {
        /** @description BCP 47 tag; falls back along its chain (de-AT -> de -> the default language). Default: the default language */
        language?: string;
        /** @description teenager and parent fall back to all */
        variant?: 'all' | 'teenager' | 'parent';
      };
      header?: never;
      path: {
        /** @description The content category (prompts, ui_messages, …) */
        category: 'prompts' | 'prompt_snippets' | 'ui_messages' | 'context_questions' | 'tools';
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
          'application/json': components['schemas']['ResolvedContentDto'];
        };
      };
      400: components['responses']['BadRequest'];
      /** @description No such category */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminContent_entries: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The content category (prompts, ui_messages, …) */
        category: 'prompts' | 'prompt_snippets' | 'ui_messages' | 'context_questions' | 'tools';
        /** @description A BCP 47 language tag, e.g. de or de-AT */
        language: string;
        /** @description The audience variant: all, teenager or parent */
        variant: 'all' | 'teenager' | 'parent';
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
          'application/json': components['schemas']['AdminContentPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such override; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminContent_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The content category (prompts, ui_messages, …) */
        category: 'prompts' | 'prompt_snippets' | 'ui_messages' | 'context_questions' | 'tools';
        /** @description A BCP 47 language tag, e.g. de or de-AT */
        language: string;
        /** @description The audience variant: all, teenager or parent */
        variant: 'all' | 'teenager' | 'parent';
        /** @description The content key */
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutContentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContentOverrideDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such override; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminContent_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The content category (prompts, ui_messages, …) */
        category: 'prompts' | 'prompt_snippets' | 'ui_messages' | 'context_questions' | 'tools';
        /** @description A BCP 47 language tag, e.g. de or de-AT */
        language: string;
        /** @description The audience variant: all, teenager or parent */
        variant: 'all' | 'teenager' | 'parent';
        /** @description The content key */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such override; or not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Analytics_record: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConversationAnalyticsDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationAnalyticsDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (consent-required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  AdminAnalytics_summary: {
    parameters: {
      query?: {
        /** @description Start, inclusive (default: 30 days before `to`) */
        from?: string;
        /** @description End, exclusive (default: now) */
        to?: string;
        /** @description Periods start at 00:00 UTC; weeks on Monday */
        period?: 'day' | 'week' | 'month';
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
          'application/json': components['schemas']['AnalyticsSummaryDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description Not an admin (the admin surface is hidden) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationDocuments_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The conversation id */
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
          'application/json': components['schemas']['DocumentPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationDocuments_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDocumentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DocumentDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (a minor without parental consent) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The content is larger than DOCUMENT_MAX_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Documents_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The document id */
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
          'application/json': components['schemas']['DocumentDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such document of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Documents_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The document id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such document of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Documents_versions: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The document id */
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
          'application/json': components['schemas']['DocumentVersionPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such document of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Documents_addVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The document id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDocumentVersionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DocumentVersionDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (a minor without parental consent) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such document of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The content is larger than DOCUMENT_MAX_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Documents_revert: {
    parameters: {
      query: {
        /** @description The version to keep as the newest: every later one is removed */
        after: number;
      };
      header?: never;
      path: {
        /** @description The document id */
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
          'application/json': components['schemas']['DocumentDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such document of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  DocumentSuggestions_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The document id */
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
          'application/json': components['schemas']['SuggestionPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such document of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  DocumentSuggestions_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The document id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSuggestionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SuggestionDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (a minor without parental consent) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such document of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Suggestions_resolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The suggestion id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveSuggestionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResolvedSuggestionDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (a minor without parental consent) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such suggestion of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Accepted, but the newest version no longer holds the original text */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The applied version would exceed DOCUMENT_MAX_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationCharts_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The conversation id */
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
          'application/json': components['schemas']['ChartPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  ConversationCharts_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The conversation id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateChartDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChartDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** @description Consent is missing (a minor without parental consent) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No such conversation of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The spec is larger than CHART_SPEC_MAX_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Charts_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The chart id */
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
          'application/json': components['schemas']['ChartDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such chart of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Charts_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The chart id */
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
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such chart of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagCollections_list: {
    parameters: {
      query?: {
        /** @description Page size */
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
          'application/json': components['schemas']['RagCollectionPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagCollections_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRagCollectionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RagCollectionDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description The name is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagCollections_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collection name */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What was removed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RagRemovalReceiptDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagCollections_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collection name */
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRagCollectionDto'];
      };
    };
    responses: {
      /** @description Re-embedding; see `reembedding` */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RagCollectionDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /** @description Already embedded with this model, or another model change is under way */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagDocuments_list: {
    parameters: {
      query?: {
        /** @description Page size */
        limit?: number;
        /** @description Opaque cursor from a previous page's next_cursor */
        after?: string;
      };
      header?: never;
      path: {
        /** @description The collection name */
        name: string;
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
          'application/json': components['schemas']['RagDocumentPageDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagDocuments_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collection name */
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutRagDocumentDto'];
        'multipart/form-data': components['schemas']['UploadRagDocumentForm'];
      };
    };
    responses: {
      /** @description Queued; follow its status */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RagDocumentDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such collection */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A file larger than RAG_UPLOAD_MAX_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A file that is not UTF-8 text or Markdown */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagDocuments_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collection name */
        name: string;
        /** @description The document id */
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
          'application/json': components['schemas']['RagDocumentDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagDocuments_replace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collection name */
        name: string;
        /** @description The document id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutRagDocumentDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RagDocumentDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagDocuments_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The collection name */
        name: string;
        /** @description The document id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What was removed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RagRemovalReceiptDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  RagSearch_search: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RagSearchDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description embedding-hit: this exact query text was embedded before (the embedding cache answered; results may also come from the semantic cache); semantic-hit: the results of a near query in the same scope (collections at their current generation, audience, model, k, mode, filter) answered, its chunks read again; miss: neither */
          'X-Cache'?: 'embedding-hit' | 'semantic-hit' | 'miss';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RagSearchResultDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such collection within your reach */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      /** @description The embedding service cannot embed the query (a cached embedding still answers) */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (sent when the wait is known) */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
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
      /** @description The process answers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LivenessDto'];
        };
      };
      429: components['responses']['TooManyRequests'];
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
        content: {
          'application/json': components['schemas']['ReadinessDto'];
        };
      };
      429: components['responses']['TooManyRequests'];
      /** @description Not serving: the database is unreachable (status error) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadinessDto'];
        };
      };
    };
  };
  AdminQueues_list: {
    parameters: {
      query?: {
        /** @description How many of the latest failed jobs to list per queue */
        failed_limit?: number;
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
          'application/json': components['schemas']['QueueStatsListDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description Not an admin: the admin surface does not exist for you */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  DataExports_document: {
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
          'application/json': {
            /** @example parley-export/1 */
            format: string;
            /** Format: date-time */
            exported_at: string;
            /** Format: uuid */
            user_id: string;
            profile: {
              [key: string]: unknown;
            };
          } & {
            [key: string]:
              | {
                  [key: string]: unknown;
                }[]
              | {
                  [key: string]: unknown;
                };
          };
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  DataExports_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DataExportDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  DataExports_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The export id POST /v1/me/exports answered */
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
          'application/json': components['schemas']['DataExportDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such export of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  DataExports_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The export id POST /v1/me/exports answered */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the presigned URL (Location); the body is a one-line note for humans */
      307: {
        headers: {
          /** @description The download URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description No such export of the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not built yet, failed, or expired */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
  Retention_run: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RetentionRunDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetentionReportDto'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      /** @description Not an admin: the admin surface does not exist for you */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      503: components['responses']['ServiceUnavailable'];
    };
  };
}
