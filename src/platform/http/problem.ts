import type { Response } from 'express';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, with Parley's extensions. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
  request_id?: string;
  [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://parley.dev/problems/';

export function problemType(slug: string): string {
  return `${PROBLEM_BASE}${slug}`;
}

export function writeProblem(
  res: Response,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
