/** Where article pages send their view beacon (app/api/views/route.ts); kept apart so the page's script carries nothing else. */
export const VIEW_BEACON_PATH = '/api/views';
