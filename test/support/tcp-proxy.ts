import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP relay in front of a simulator, so a test can take a backend away and bring it back
 * on the same address with its data intact (a server switched off and on, not a new one): `stop()`
 * closes the port (connections refused) and cuts every open connection; `start()` listens again.
 */
export interface TcpProxy {
  /** `http://127.0.0.1:<port>`, the address to give Doorman. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string, host = '127.0.0.1'): Promise<TcpProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const made = createServer((client) => {
        const upstream = connect(Number(to.port), to.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => (client.destroy(), upstream.destroy()));
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      made.once('error', reject);
      made.listen(port, host, () => {
        server = made;
        const address = made.address();
        if (address && typeof address === 'object') port = address.port;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      const running = server;
      server = null;
      if (!running) return resolve();
      running.close(() => resolve());
    });

  await listen();
  return {
    url: `http://${host}:${port}`,
    port,
    stop,
    start: listen,
    close: stop,
  };
}
