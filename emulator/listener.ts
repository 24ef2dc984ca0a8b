// One port, two protocols: HTTP/1.1 (boto3, the AWS CLI, curl) and cleartext HTTP/2 with prior
// knowledge, which the JS SDK v3 bedrock-runtime client speaks by default since 3.798.0
// (SPEC.md §8). Each connection's first bytes are sniffed for the HTTP/2 preface.
import http from 'node:http';
import type { Http2Server } from 'node:http2';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

type Listener = (req: any, res: any) => void;

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export interface DualServer {
  port: number;
  close(): Promise<void>;
}

export async function listenDual(handler: Listener, port: number, host: string): Promise<DualServer> {
  const h1 = http.createServer(handler);
  // Node announces `Keep-Alive: timeout=5` on every response; Bedrock sends no such header
  // (SEED_NOTES.md seed 003 headers). A zero keep-alive timeout drops it; idle sockets are still
  // closed after two minutes.
  h1.keepAliveTimeout = 0;
  h1.timeout = 120_000;
  let h2: Http2Server | undefined;
  const sockets = new Set<net.Socket>();

  // node:http2 is loaded on the first HTTP/2 connection, keeping it off the start-up path.
  const http2Server = async () => {
    if (!h2) {
      const { createServer } = await import('node:http2');
      h2 = createServer({}, handler);
      h2.on('sessionError', () => {});
    }
    return h2;
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('readable', async () => {
      const first: Buffer | null = socket.read();
      if (!first) return void socket.end();
      const n = Math.min(first.length, PREFACE.length);
      const isH2 = first.subarray(0, n).equals(PREFACE.subarray(0, n));
      socket.unshift(first);
      if (isH2) (await http2Server()).emit('connection', socket);
      else h1.emit('connection', socket);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        h1.closeAllConnections();
      }),
  };
}
