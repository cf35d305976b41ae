import { connect } from 'node:net';

/** Writes raw bytes on a fresh TCP connection and returns everything the server sent until it closed. */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(out);
    }, timeoutMs);
    socket.on('data', (c: Buffer) => (out += c.toString('latin1')));
    socket.on('error', (e) => (out === '' ? reject(e) : resolve(out)));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.write(request);
  });
}

/** The status code of a raw HTTP answer, or 0 when the server sent nothing. */
export const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
