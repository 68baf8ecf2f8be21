import 'server-only';
import { CLIENT_ADDRESS_HEADER, STAMP_MARK, UNKNOWN_ADDRESS, clientAddress } from '@/lib/auth/client-address';
import { trustedProxies } from '@/lib/config/server';

let warned = false;

/**
 * The requesting client's address (see lib/auth/client-address.ts). Without the server's stamp
 * the socket is unknown: the server was started some other way than scripts/run-next.ts, and a
 * header of that name could have come from the client, so it is not believed.
 */
export function requestClientAddress(headers: Pick<Headers, 'get'>): string {
  const stamped = (globalThis as Record<symbol, unknown>)[STAMP_MARK] === true;
  if (!stamped && !warned) {
    warned = true;
    console.warn(
      '[midad] The client address is unknown: start the server with `npm start` / `npm run dev` (they stamp each request with its socket address). Sign-in limits per address then treat every client as one.',
    );
  }
  if (!stamped) return UNKNOWN_ADDRESS;
  return clientAddress({
    socket: headers.get(CLIENT_ADDRESS_HEADER),
    forwardedFor: headers.get('x-forwarded-for'),
    trustedProxies: trustedProxies(),
  });
}
