/**
 * The floor Sluice is compared with: a bare Fastify 5 + undici 7 proxy for /v1/chat/completions.
 * It parses the JSON body, forwards it over a keep-alive Pool, parses and re-serialises a JSON
 * answer, and pipes a stream's bytes through unparsed. No auth, no logging, no checks.
 *
 * Env: PORT, UPSTREAM_URL (origin of the upstream). Prints `listening <port>` once ready.
 */
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

const upstream = new Pool(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:8081', { connections: 128, pipelining: 1, keepAliveTimeout: 10_000 });
const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

app.post('/v1/chat/completions', async (req, reply) => {
  const body = req.body as { stream?: boolean };
  const res = await upstream.request({
    method: 'POST',
    path: '/v1/chat/completions',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify(body),
  });
  reply.code(res.statusCode);
  if (body.stream === true) {
    reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache');
    return reply.send(res.body);
  }
  return reply.send(await res.body.json());
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);

const stop = () => void app.close().then(() => upstream.close()).finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
