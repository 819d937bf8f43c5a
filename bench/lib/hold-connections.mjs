// Holds N idle keep-alive HTTP connections to a server, as many idle clients would.
//   node hold-connections.mjs PORT COUNT PATH
// Each connection sends one GET for PATH and waits for the answer, so the server has served it and now keeps it
// open waiting for the next request. Prints "holding N" once every connection is open and answered, then, on
// SIGTERM or SIGINT, "held N" (how many the server had not closed meanwhile) and exits.
import net from 'node:net';

const [port, count, path] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
// Connects in batches so the server's accept backlog never overflows into retried SYNs.
const batchSize = 500;
const request = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`;
let open = 0;

function connect() {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('error', reject);
    socket.once('connect', () => socket.write(request));
    socket.once('data', (chunk) => {
      if (!chunk.toString('latin1').startsWith('HTTP/1.1 200')) {
        reject(new Error(`unexpected answer: ${chunk.toString('latin1').split('\r\n')[0]}`));
        return;
      }
      open += 1;
      socket.on('data', () => {});
      socket.once('close', () => { open -= 1; });
      resolve();
    });
  });
}

for (let started = 0; started < count; started += batchSize) {
  await Promise.all(Array.from({ length: Math.min(batchSize, count - started) }, connect));
}
console.log(`holding ${open}`);

const finish = () => {
  console.log(`held ${open}`);
  process.exit(0);
};
process.once('SIGTERM', finish);
process.once('SIGINT', finish);
setInterval(() => {}, 1 << 30);
