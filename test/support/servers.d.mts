import type { ChildProcess } from 'node:child_process';

export interface PrivateServer {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function canConnect(host: string, port: number, timeoutMs?: number): Promise<boolean>;
export function startPrivatePostgres(): Promise<
  PrivateServer & { dir: string; pid: number; halt(): Promise<void>; resume(): Promise<void> }
>;
export function startPrivateRedis(port?: number): Promise<PrivateServer>;
export function ensurePostgres(): Promise<{ url: string; stop(): Promise<void> }>;
export function ensureRedis(): Promise<{ url: string; stop(): Promise<void> }>;
