import express from 'express';
import { announce } from './announce.js';

// The peer of B6: Server-Sent Events written straight from memory with res.write,
// one write per event, as a hand-rolled Express endpoint does it.
const app = express();
app.disable('x-powered-by');
app.get('/sse', (req, res) => {
  const n = Number(req.query.n);
  const data = String(req.query.data);
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  let i = 0;
  const pump = () => {
    while (i < n) {
      i++;
      if (!res.write(`id: ${i}\ndata: ${data}\n\n`)) return void res.once('drain', pump);
    }
    res.end('event: done\ndata: {}\n\n');
  };
  pump();
});
const server = app.listen(0, '127.0.0.1', () => announce(server));
