/**
 * What the merge does with one user-linked column of the guest:
 * - `move`: the rows now belong to the account;
 * - `move-unless-held`: moved, except rows whose `conflict` key the account
 *   already holds (the account's row stays, the guest's is dropped);
 * - `newer-wins`: as `move-unless-held`, but the row with the newer
 *   `updated_at` wins (a tie, or an expired guest row, keeps the account's);
 * - `drop`: removed with the guest (ON DELETE CASCADE): credentials and
 *   consents belong to the person who gave them, and the account has its own;
 * - `keep`: left as it is (append-only history names the guest who acted).
 */
export type MergePolicy = 'move' | 'move-unless-held' | 'newer-wins' | 'drop' | 'keep';

export interface UserLinkedColumn {
  table: string;
  column: string;
  policy: MergePolicy;
  /** The other columns of the unique key, for `move-unless-held` and `newer-wins`. */
  conflict?: string[];
}

/**
 * Every column that names a user, and what a merge does with it. A test reads
 * the catalogue and fails when a column that references `app.users` (or is
 * called `user_id`) is missing here, so a new table cannot be forgotten.
 */
export const USER_LINKED_COLUMNS: readonly UserLinkedColumn[] = [
  { table: 'app.conversations', column: 'user_id', policy: 'move' },
  { table: 'app.feedback', column: 'user_id', policy: 'move' },
  {
    table: 'app.message_votes',
    column: 'user_id',
    policy: 'move-unless-held',
    conflict: ['message_id'],
  },
  { table: 'app.artifacts', column: 'user_id', policy: 'move' },
  { table: 'app.artifact_uploads', column: 'user_id', policy: 'move' },
  { table: 'app.streams', column: 'user_id', policy: 'move' },
  // Analyses follow the conversations they describe.
  { table: 'app.conversation_analytics', column: 'owner_id', policy: 'move' },
  {
    table: 'memory.items',
    column: 'user_id',
    policy: 'newer-wins',
    conflict: ['namespace', 'key'],
  },
  { table: 'memory.rejected_summaries', column: 'user_id', policy: 'move' },
  {
    table: 'app.collective_memberships',
    column: 'user_id',
    policy: 'move-unless-held',
    conflict: ['collective_id'],
  },
  {
    table: 'app.user_api_keys',
    column: 'user_id',
    policy: 'move-unless-held',
    conflict: ['provider'],
  },
  { table: 'app.idp_logins', column: 'user_id', policy: 'move' },
  { table: 'app.invitations', column: 'inviter_id', policy: 'move' },
  { table: 'app.invitations', column: 'accepted_by', policy: 'move' },
  { table: 'app.parental_requests', column: 'approved_by', policy: 'move' },
  { table: 'app.collectives', column: 'parental_consent_granted_by', policy: 'move' },
  { table: 'app.app_sessions', column: 'user_id', policy: 'drop' },
  { table: 'app.password_reset_tokens', column: 'user_id', policy: 'drop' },
  { table: 'app.user_consents', column: 'user_id', policy: 'drop' },
  { table: 'app.parental_consents', column: 'parent_id', policy: 'drop' },
  { table: 'app.parental_consents', column: 'teenager_id', policy: 'drop' },
  { table: 'app.parental_requests', column: 'teenager_id', policy: 'drop' },
  { table: 'app.audit_log', column: 'actor_id', policy: 'keep' },
];
