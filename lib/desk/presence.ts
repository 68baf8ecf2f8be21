/**
 * A heartbeat older than this means the person has closed the story: the editor beats well
 * inside it, and the desk's lists and the editor read who has a story open against it.
 */
export const PRESENCE_WINDOW_SECONDS = 60;
