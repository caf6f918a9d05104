import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Tells the bench runner (over IPC) which port the server listens on. */
export function announce(server: Server): void {
  const { port } = server.address() as AddressInfo;
  process.send?.({ type: 'listening', port });
}
