import express from 'express';
import { announce } from './announce.js';

// The peer of B0: the same route on plain Express.
const app = express();
app.disable('x-powered-by');
app.get('/bare', (_req, res) => {
  res.json({ ok: true });
});
const server = app.listen(0, '127.0.0.1', () => announce(server));
