import 'server-only';

export type RefusalReason = 'CROSS_ORIGIN' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * One line per refused request, as JSON on stderr, for whoever watches the logs: which action or
 * route, why, and who asked (nobody, or a user id and role). Nothing the caller sent is logged, so
 * a hostile payload cannot forge or flood the line.
 */
export function logRefusal(target: string, reason: RefusalReason, actor: { id: number; role: string } | null = null): void {
  console.warn(
    JSON.stringify({
      level: 'warn',
      event: 'access_refused',
      target,
      reason,
      userId: actor?.id ?? null,
      role: actor?.role ?? null,
      at: new Date().toISOString(),
    }),
  );
}
