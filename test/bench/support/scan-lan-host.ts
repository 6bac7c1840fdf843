// One host of scan-lan.bench.ts's LAN, run inside that host's namespace:
//   node scan-lan-host.ts --address 10.77.0.5 [--relay 8098]… [--listen 4370]…
// --relay P: the host's address:P is piped to 127.0.0.1:P, where the bench started a simulator in
//   this namespace (the simulators listen on loopback only, by design);
// --listen P: a plain TCP listener that accepts and never says a word (an SDK port, a hung web UI).
// Prints one JSON line when listening; runs until SIGTERM/SIGINT.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { address: { type: 'string' }, relay: { type: 'string', multiple: true, default: [] }, listen: { type: 'string', multiple: true, default: [] } },
  strict: true,
});
const address = values.address ?? '';
const sockets = new Set<Socket>();
const track = (socket: Socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => socket.destroy());
};

function relay(client: Socket, port: number): void {
  track(client);
  const upstream = connect({ host: '127.0.0.1', port });
  track(upstream);
  client.pipe(upstream);
  upstream.pipe(client);
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address, port, backlog: 511 }, () => resolve());
  });
}

const servers: Server[] = [];
for (const text of values.relay) {
  const port = Number(text);
  const server = createServer((client) => relay(client, port));
  await listen(server, port);
  servers.push(server);
}
for (const text of values.listen) {
  const server = createServer(track);
  await listen(server, Number(text));
  servers.push(server);
}
process.stdout.write(`${JSON.stringify({ address, relay: values.relay.map(Number), listen: values.listen.map(Number) })}\n`);

const stop = () => {
  for (const socket of sockets) socket.destroy();
  for (const server of servers) server.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
