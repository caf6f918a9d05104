import { spawn } from 'node:child_process';
import path from 'node:path';

/** Makes a registered user an admin the way an operator does: `dist/src/admin-cli.js grant`. */
export async function grantAdminWithCli(email: string, env: Record<string, string>): Promise<void> {
  const cli = spawn(
    process.execPath,
    [path.join(process.cwd(), 'dist/src/admin-cli.js'), 'grant', email],
    {
      env: { ...process.env, LOG_LEVEL: 'silent', MIGRATIONS_RUN: 'false', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    cli.once('error', reject);
    cli.once('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`admin-cli grant ${email} exited with ${code}`);
}
