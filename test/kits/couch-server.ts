/**
 * A CouchDB-compatible server for tests: express-pouchdb (CouchDB's HTTP and replication API) over in-memory
 * PouchDB databases, on 127.0.0.1 at a free port. It can be stopped (connections cut at once, as a server
 * that disappears) and started again on the same port with its databases as they were, and it can ask for a
 * user name and password as a CouchDB with an admin does.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';

export type CouchServer = {
  /** The address of database `name` on this server (no credentials in it). */
  url(name: string): string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Requests served so far (to cut the server off in the middle of a sync). */
  requests(): number;
  /** Called before every request: a test can stop the server at the n-th one (or after a given request). */
  onRequest: ((count: number, request: { method: string; url: string }) => void) | null;
  /** Called when a response has been sent in full (a test can stop the server once a checkpoint is written). */
  onResponse: ((request: { method: string; url: string; status: number }) => void) | null;
  /** Every request served so far, as "METHOD /path?query" (to see where a replication started). */
  log: string[];
};

let prefixCounter = 0;

export async function startCouchServer(
  options: { username?: string; password?: string } = {},
): Promise<CouchServer> {
  // Each server has its own in-memory databases (memory databases with the same name are shared in a process).
  const prefix = `couch-${process.pid}-${(prefixCounter += 1)}-`;
  const ServerPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory', prefix });
  const app = express();
  let count = 0;
  const server: CouchServer = {
    port: 0,
    onRequest: null,
    onResponse: null,
    log: [],
    url: (name) => `http://127.0.0.1:${server.port}/${name}`,
    requests: () => count,
    stop,
    start,
  };
  app.use((request, response, next) => {
    count += 1;
    server.log.push(`${request.method} ${request.url}`);
    server.onRequest?.(count, { method: request.method, url: request.url });
    response.on('finish', () =>
      server.onResponse?.({ method: request.method, url: request.url, status: response.statusCode }),
    );
    if (options.username) {
      const expected = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
      if (request.headers.authorization !== expected) {
        response.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
        return;
      }
    }
    next();
  });
  app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));

  let listener: http.Server | null = null;
  const sockets = new Set<Socket>();
  async function start(): Promise<void> {
    const next = http.createServer(app);
    next.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(server.port, '127.0.0.1', () => resolve());
    });
    server.port = (next.address() as AddressInfo).port;
    listener = next;
  }
  async function stop(): Promise<void> {
    const current = listener;
    listener = null;
    if (!current) return;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    current.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    await closed;
  }
  await start();
  return server;
}
