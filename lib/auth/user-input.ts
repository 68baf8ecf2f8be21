import { z } from 'zod';
import { ROLES } from '../permissions/roles';
import { isLookAlikeEmail, isPlausibleEmail, normaliseEmail } from './email';
import { MIN_PASSWORD_LENGTH } from './password';
import { cleanLine } from '../arabic/text-fields';

/**
 * Shapes of user input shared by the desk forms and the CLI. Messages are catalogue keys under
 * `users.errors`, so each surface shows the sentence in its own language.
 */
export const ZEmail = z
  .string()
  .transform(normaliseEmail)
  .refine(isPlausibleEmail, { message: 'emailInvalid', abort: true })
  .refine((email) => !isLookAlikeEmail(email), { message: 'emailLookAlike' });

export const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: 'passwordTooShort' })
  .max(200, { message: 'passwordTooLong' });

export const ZName = z
  .string()
  .transform(cleanLine)
  .pipe(z.string().min(1, { message: 'nameRequired' }).max(120, { message: 'nameTooLong' }));

export const ZRole = z.enum(ROLES, { message: 'roleInvalid' });

export const ZNewUser = z.object({ email: ZEmail, name: ZName, role: ZRole, password: ZPassword });
export type NewUserInput = z.infer<typeof ZNewUser>;

export type UserInputErrorKey =
  | 'emailInvalid'
  | 'emailLookAlike'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'nameRequired'
  | 'nameTooLong'
  | 'roleInvalid';

/** Field → message key, from a zod error. */
export function fieldErrors(error: z.ZodError): Record<string, UserInputErrorKey> {
  const result: Record<string, UserInputErrorKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    result[field] ??= issue.message as UserInputErrorKey;
  }
  return result;
}
