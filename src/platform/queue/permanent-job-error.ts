/**
 * Thrown by a handler whose job can never succeed, however often it runs (its
 * data cannot be stored, its subject is gone): both drivers fail the job at
 * once instead of retrying it, and keep it as failed with this message.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
