// Preloaded into the Next server process by scripts/run-next.ts (node --import). Next never
// exposes the socket's address to the app, and it only fills X-Forwarded-For from the socket when
// the client did not send one, so any client could name its own address. Before Next sees a
// request, this replaces the private header below with the socket's peer address: a client may
// send a header of that name, but never gets it through. lib/auth/client-address.ts reads it.
import http from 'node:http';
import https from 'node:https';

const HEADER = 'x-midad-client-address';

function stamp(request) {
  if (request && request.headers && request.socket) request.headers[HEADER] = request.socket.remoteAddress ?? '';
}

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithClientAddress(event, request, ...rest) {
    if (event === 'request' || event === 'upgrade' || event === 'checkContinue' || event === 'checkExpectation') stamp(request);
    return emit.call(this, event, request, ...rest);
  };
}

// Tells the app that the header is the server's own (lib/server/next/client-address.ts).
globalThis[Symbol.for('midad.client-address-stamp')] = true;
