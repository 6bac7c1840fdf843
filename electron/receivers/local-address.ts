import { createSocket } from 'node:dgram';

/**
 * The address of this computer's interface that faces `host` (the one the OS would route through),
 * found by "connecting" a UDP socket: connect() on UDP sends nothing, it only picks the route.
 */
export function localAddressFacing(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.connect(port, host, () => {
      const { address } = socket.address();
      socket.close();
      resolve(address);
    });
  });
}
