/*
 * The benchmark's ceiling: answers every request with one page's bytes and headers, held in
 * memory, with nothing else to do. What Node's http server reaches here is what this machine
 * allows any page server on it.
 *
 *   node --import tsx scripts/bench/memory-server.ts <port> <body file> <headers json file>
 */
import fs from 'node:fs';
import http from 'node:http';

const [port, bodyFile, headersFile] = process.argv.slice(2);
if (!port || !bodyFile || !headersFile) {
  console.error('usage: memory-server.ts <port> <body file> <headers json file>');
  process.exit(2);
}
const body = fs.readFileSync(bodyFile);
const headers = { ...(JSON.parse(fs.readFileSync(headersFile, 'utf8')) as Record<string, string>), 'content-length': String(body.length) };

http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(Number(port), '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
