import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { emptyCheckpoint, type Checkpoint } from '@langchain/langgraph-checkpoint';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { contentHash } from '../src/modules/conversations/content-hash.js';
import { ConversationsService } from '../src/modules/conversations/conversations.service.js';
import { MessageRole } from '../src/modules/conversations/entities/message.entity.js';
import { MessagesService } from '../src/modules/conversations/messages.service.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/platform/config/config.js';
import { uuidv7 } from '../src/platform/database/uuid.js';
import type { Row } from './conversations.js';
import { median } from './harness.js';
import { printBreakdown, walBreakdown } from './wal-breakdown.js';

const TURNS = 60;
const WAL_TURN = 50;

interface PrivatePostgres {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** A private server, so that the WAL it writes is ours and the peer's alone. */
async function privatePostgres(): Promise<PrivatePostgres> {
  const servers = (await import(path.join(process.cwd(), 'test/support/servers.mjs'))) as {
    startPrivatePostgres(): Promise<PrivatePostgres>;
  };
  return servers.startPrivatePostgres();
}

const WORDS =
  'magma crust pressure plate ocean ridge mantle basalt ash cloud vent crater lava dome tectonic heat rock gas cone island chamber fault quake layer steam'.split(
    ' ',
  );

/** Text that varies like real answers do, so neither side profits from compressing repeats. */
function sentence(seed: number, words: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * B2: persisting one agent turn (the user's message, the assistant's answer and
 * the state needed to resume). Ours: one batch append of the two messages, the
 * history being the state. Theirs: what LangGraph's Postgres checkpointer does
 * for the same turn, a checkpoint whose state holds the conversation so far
 * (put) and the turn's pending writes (putWrites). Both on one private server,
 * turn by turn, alternating who goes first.
 */
export async function b2(): Promise<Row[]> {
  const server = await privatePostgres();
  const lsn = new pg.Client({ connectionString: server.url });
  await lsn.connect();
  const config = loadConfig({
    DATABASE_URL: server.url,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-')),
  });
  const app = await createApp(config, { silent: true });
  await app.init();
  const saver = PostgresSaver.fromConnString(server.url, { schema: 'langgraph' });
  try {
    await saver.setup();
    const userId = uuidv7();
    await app
      .get(DataSource)
      .query(`INSERT INTO app.users (id, account_type) VALUES ($1, 'guest')`, [userId]);
    const conversation = await app.get(ConversationsService).create(userId, {});
    const floorConversation = await app.get(ConversationsService).create(userId, {});
    const messages = app.get(MessagesService);
    const thread = { configurable: { thread_id: conversation.id, checkpoint_ns: '' } };
    let checkpointConfig = thread as typeof thread & {
      configurable: { checkpoint_id?: string };
    };
    const history: BaseMessage[] = [];
    const times = { ours: [] as number[], theirs: [] as number[], floor: [] as number[] };
    const wal = { ours: 0, theirs: 0 };

    for (let turn = 1; turn <= TURNS; turn++) {
      const question = `${sentence(turn, 25)}?`;
      const answer = `${sentence(turn + 1000, 90)}.`;
      // What LangGraph keeps in its messages channel: full message objects with ids and usage.
      const user = new HumanMessage({ content: question, id: uuidv7() });
      const assistant = new AIMessage({
        content: answer,
        id: uuidv7(),
        usage_metadata: { input_tokens: 120, output_tokens: 90, total_tokens: 210 },
        response_metadata: { model_name: 'gpt-4o', finish_reason: 'stop' },
      });
      history.push(user, assistant);
      const ours = () =>
        messages.appendBatch(userId, conversation.id, {
          messages: [
            { message_id: `u${turn}`, role: MessageRole.User, content: question },
            {
              message_id: `a${turn}`,
              role: MessageRole.Assistant,
              content: answer,
              parent_message_id: `u${turn}`,
              metadata: { input_tokens: 120, output_tokens: 90, model: 'gpt-4o' },
            },
          ],
        });
      const theirs = async () => {
        const checkpoint: Checkpoint = {
          ...emptyCheckpoint(),
          channel_values: { messages: [...history] },
          channel_versions: { messages: turn },
        };
        checkpointConfig = (await saver.put(
          checkpointConfig,
          checkpoint,
          { source: 'loop', step: turn, parents: {} },
          { messages: turn },
        )) as typeof checkpointConfig;
        await saver.putWrites(checkpointConfig, [['messages', [user, assistant]]], `task-${turn}`);
      };
      const floor = () => rawTurn(lsn, floorConversation.id, turn, question, answer);
      const runs = { ours, theirs, floor };
      const sides = ['ours', 'theirs', 'floor'] as const;
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(turn + k) % sides.length]!;
        const before = await currentLsn(lsn);
        times[side].push(await timed(runs[side]));
        if (turn !== WAL_TURN || side === 'floor') continue;
        wal[side] = await walSince(lsn, before);
        // BENCH_WAL_BREAKDOWN=1: where that turn's WAL went, relation by relation.
        if (process.env.BENCH_WAL_BREAKDOWN) {
          const after = await currentLsn(lsn);
          printBreakdown(side, await walBreakdown(lsn, server.dir, before, after));
        }
      }
    }
    const ours = median(times.ours);
    const theirs = median(times.theirs);
    const floor = median(times.floor);
    return [
      {
        id: 'B2',
        workload: `persist one agent turn (2 messages + state), p50 over ${TURNS} turns / PostgresSaver put+putWrites`,
        ours: `${ours.toFixed(3)} ms`,
        peer: `${theirs.toFixed(3)} ms`,
        ratio: ours / theirs,
        target: '<= 0.33',
        pass: ours / theirs <= 0.33,
      },
      {
        id: 'B2-wal',
        workload: `WAL bytes written by turn ${WAL_TURN} / PostgresSaver's`,
        ours: `${wal.ours} B`,
        peer: `${wal.theirs} B`,
        ratio: wal.ours / wal.theirs,
        target: '<= 0.10',
        pass: wal.ours / wal.theirs <= 0.1,
      },
      {
        id: 'B2-floor',
        workload: `persist one agent turn, p50 / the same two INSERTs in one raw pg transaction`,
        ours: `${ours.toFixed(3)} ms`,
        peer: `${floor.toFixed(3)} ms`,
        ratio: ours / floor,
        target: '<= 1.5',
        pass: ours / floor <= 1.5,
      },
    ];
  } finally {
    await saver.end();
    await app.close();
    await lsn.end();
    await server.stop();
  }
}

/**
 * The floor: the turn's two rows written by hand, in one transaction, with no
 * checks around them (owner, references, idempotency answer, activity).
 */
async function rawTurn(
  client: pg.Client,
  conversationId: string,
  turn: number,
  question: string,
  answer: string,
): Promise<void> {
  const insert = `INSERT INTO app.messages (id, conversation_id, message_id, parent_id, role, content,
    metadata, content_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
  const userRow = uuidv7();
  await client.query('BEGIN');
  await client.query(insert, [
    userRow,
    conversationId,
    `u${turn}`,
    null,
    'user',
    question,
    {},
    contentHash(question),
  ]);
  await client.query(insert, [
    uuidv7(),
    conversationId,
    `a${turn}`,
    userRow,
    'assistant',
    answer,
    { input_tokens: 120, output_tokens: 90, model: 'gpt-4o' },
    contentHash(answer),
  ]);
  await client.query('COMMIT');
}

async function currentLsn(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn() AS lsn');
  return rows[0]!.lsn;
}

async function walSince(client: pg.Client, before: string): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS bytes',
    [before],
  );
  return Number(rows[0]!.bytes);
}
