import { readStreamEvents } from '../../clients/typescript/sse.js';
import type { Ledger } from './clients.js';
import { inWaves, must, poll, signIn, type Fixture } from './fixture.js';

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/**
 * Reads back everything the load was told was accepted, each user with a fresh
 * sign-in, and returns what is missing or different (empty: nothing lost).
 * Summaries are waited for until their jobs finished (`jobsTimeoutMs`).
 */
export async function verifyNothingLost(
  fixture: Fixture,
  ledger: Ledger,
  { jobsTimeoutMs = 300_000 }: { jobsTimeoutMs?: number } = {},
): Promise<string[]> {
  const { base } = fixture;
  const lost: string[] = [];
  const tokens: string[] = [];
  for (const user of fixture.users) tokens.push((await signIn(base, user.email)).access_token);
  const ownerOf = (conversation: string) =>
    tokens[fixture.conversations.indexOf(conversation) % tokens.length]!;

  await inWaves([...ledger.messages], 10, async ([conversation, accepted]) => {
    const stored = new Map<string, string | null>();
    let after = '';
    do {
      const page = await must<Page<{ message_id: string; content: string | null }>>(
        base,
        `/v1/conversations/${conversation}/messages?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        { token: ownerOf(conversation) },
        200,
      );
      for (const m of page.data) stored.set(m.message_id, m.content);
      after = page.next_cursor ?? '';
    } while (after);
    for (const [id, content] of accepted) {
      if (stored.get(id) !== content) lost.push(`message ${id} of ${conversation}`);
    }
  });

  // Every queued summary's job ends completed; the newest of each conversation is what memory holds.
  let pending = [...ledger.summaries].flatMap(([conversation, list]) =>
    list.filter((s) => s.jobId).map((s) => ({ conversation, jobId: s.jobId! })),
  );
  await poll(
    `${pending.length} summary jobs finished`,
    async () => {
      const still: typeof pending = [];
      await inWaves(pending, 20, async (job) => {
        const got = await must<{ status: string; last_error: string | null }>(
          base,
          `/v1/memory/summaries/jobs/${encodeURIComponent(job.jobId)}`,
          { token: ownerOf(job.conversation) },
          200,
        );
        if (got.status === 'failed') lost.push(`summary job ${job.jobId}: ${got.last_error}`);
        else if (got.status !== 'completed') still.push(job);
      });
      pending = still;
      return pending.length === 0 ? true : undefined;
    },
    jobsTimeoutMs,
  );
  await inWaves([...ledger.summaries], 20, async ([conversation, list]) => {
    const item = await must<{ value: { text: string } }>(
      base,
      `/v1/memory/items/summaries/${conversation}`,
      { token: ownerOf(conversation) },
      200,
    );
    if (item.value.text !== list.at(-1)!.text) lost.push(`newest summary of ${conversation}`);
  });

  await inWaves(
    ledger.streams.filter((s) => s.chunks.length),
    10,
    async (stream) => {
      const read: string[] = [];
      const events = readStreamEvents({ baseUrl: base, token: tokens[stream.user] }, stream.id, {
        signal: AbortSignal.timeout(60_000),
        maxRetries: 2,
      });
      for await (const event of events) {
        if (event.event === 'done') break;
        read.push(event.data);
      }
      if (read.join('\u0000') !== stream.chunks.join('\u0000')) {
        lost.push(`stream ${stream.id}: ${read.length} of ${stream.chunks.length} chunks as sent`);
      }
    },
  );

  await inWaves([...ledger.items], 20, async ([key, { user, text }]) => {
    const item = await must<{ value: { text: string } }>(
      base,
      `/v1/memory/items/${key}`,
      { token: tokens[user] },
      200,
    );
    if (item.value.text !== text) lost.push(`memory item ${key}`);
  });

  await inWaves(ledger.artifacts, 20, async ({ id, user, sha256 }) => {
    const artifact = await must<{ sha256: string }>(
      base,
      `/v1/artifacts/${id}`,
      { token: tokens[user] },
      200,
    );
    if (artifact.sha256 !== sha256) lost.push(`artifact ${id}`);
  });
  return lost;
}
