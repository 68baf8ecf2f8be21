import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { hashPassword } from '../lib/auth/password';
import type { NewUserInput } from '../lib/auth/user-input';
import type { Role } from '../lib/permissions/roles';
import type { Executor } from './client';
import { users, userSessions } from './schema';

/** What the desk shows about a person; never the password hash. */
export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: Date;
}

const viewColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  createdAt: users.createdAt,
};

export async function listUsers(db: Executor): Promise<UserView[]> {
  return db.select(viewColumns).from(users).orderBy(asc(users.name), asc(users.id));
}

export async function findUserById(db: Executor, id: number): Promise<UserView | undefined> {
  const [row] = await db.select(viewColumns).from(users).where(eq(users.id, id));
  return row;
}

/** For sign-in only: includes the hash. `email` must already be normalised. */
export async function findUserForSignIn(db: Executor, email: string) {
  const [row] = await db
    .select({ ...viewColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return row;
}

/**
 * Creates the user, or — when the email exists — updates name, role and password. The CLI uses
 * this directly; desk use cases check permissions first and then call it.
 */
export async function upsertUser(db: Executor, input: NewUserInput): Promise<{ user: UserView; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserForSignIn(db, input.email);
  if (existing) {
    const [user] = await db
      .update(users)
      .set({ name: input.name, role: input.role, passwordHash })
      .where(eq(users.id, existing.id))
      .returning(viewColumns);
    await revokeAllSessions(db, existing.id);
    return { user: user!, created: false };
  }
  const [user] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .returning(viewColumns);
  return { user: user!, created: true };
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  return Boolean(await findUserForSignIn(db, email));
}

/** Active admins other than `exceptId`: the desk never removes the last one. */
export async function countOtherActiveAdmins(db: Executor, exceptId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

export async function revokeAllSessions(db: Executor, userId: number): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), sql`${userSessions.revokedAt} is null`));
}

/** The desk language a person chose, or null when they have not chosen one. */
export async function findDeskLanguage(db: Executor, userId: number): Promise<string | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale ?? null;
}

export async function storeDeskLanguage(db: Executor, userId: number, locale: string): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** An active admin: the one with this address, or the first by id. For scripts that act as one. */
export async function findActiveAdmin(db: Executor, email?: string) {
  const [admin] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), email ? sql`lower(${users.email}) = ${email.trim().toLowerCase()}` : undefined))
    .orderBy(asc(users.id))
    .limit(1);
  return admin;
}
