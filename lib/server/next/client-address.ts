/**
 * The requesting client's address, for the desk's actions and routes. It needs nothing of Next,
 * so it lives beside the use cases (lib/server/client-address.ts), which read it too (the content
 * API's rate limits); this name is kept for the adapters that import it from here.
 */
export { requestClientAddress } from '../client-address';
