'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { showStatusToast } from '@/components/ui/status-toasts';
import { buttonStyle } from '@/components/ui/styles';
import { getMessages, type Locale } from '@/i18n';
import type { ActionResult } from '@/lib/desk/results';

type Result = ActionResult<unknown> | null;

const FormState = createContext<{ result: Result; locale: Locale; pending: boolean }>({ result: null, locale: 'ar', pending: false });

function translate(locale: Locale, key: string): string {
  const messages = getMessages(locale);
  const codes = messages.errors.codes as Record<string, string>;
  const userErrors = messages.users.errors as Record<string, string>;
  return codes[key] ?? userErrors[key] ?? codes.UNEXPECTED!;
}

const noSubscription = () => () => {};

/** False in the server's HTML, true once the page's script runs. */
function useScriptRunning(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A form bound to a server action. A refusal is announced in the form's live region, with field
 * errors beside their fields through <FieldError>; success is a status toast (or, before the
 * script runs, a line in the form). What the person typed stays in the form.
 */
export function ActionForm({
  action,
  locale,
  successMessage,
  resetOnSuccess = false,
  className,
  children,
}: {
  action: (previous: Result, formData: FormData) => Promise<Result>;
  locale: Locale;
  successMessage?: string;
  resetOnSuccess?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const scripted = useScriptRunning();
  useEffect(() => {
    if (!result?.ok) return;
    if (resetOnSuccess) formRef.current?.reset();
    if (successMessage) showStatusToast(successMessage);
  }, [result, resetOnSuccess, successMessage]);

  return (
    <FormState value={{ result, locale, pending }}>
      <form
        ref={formRef}
        // Before the script has loaded, the form posts to the server action itself (React renders
        // it as a POST carrying the action's id); without this it would submit GET, putting every
        // field — passwords too — in the URL.
        action={formAction}
        // Once loaded, submitting through a transition (onSubmit cancels the native submit, so React
        // does not run the action prop) keeps what was typed when the server refuses it; React
        // only resets forms it submitted itself.
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className={className}
        aria-busy={pending}
      >
        {children}
        <p role="status" aria-live="polite" className="text-sm">
          {result?.ok === false && <span className="text-accent">{translate(locale, result.error)}</span>}
          {result?.ok && successMessage && !scripted && <span className="text-emerald-700">{successMessage}</span>}
        </p>
      </form>
    </FormState>
  );
}

export function FieldError({ name }: { name: string }) {
  const { result, locale } = useContext(FormState);
  const key = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  if (!key) return null;
  return (
    <span id={`${name}-error`} className="block text-sm text-accent">
      {translate(locale, key)}
    </span>
  );
}

/** The surrounding ActionForm's last result, for parts of the form that report on it. */
export function useFormResult(): Result {
  return useContext(FormState).result;
}

/** Whether the surrounding ActionForm is waiting for the server. */
export function useFormPending(): boolean {
  return useContext(FormState).pending;
}

/**
 * The form's submit button. While the server works on it the button says so (a mark beside its
 * name, which stays the same) and ignores further presses; it keeps its focus.
 */
export function SubmitButton({ children, className, ...rest }: { children: React.ReactNode; className?: string } & Omit<React.ComponentProps<'button'>, 'type'>) {
  const pending = useFormPending();
  return (
    <button
      {...rest}
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else rest.onClick?.(event);
      }}
      className={className ?? buttonStyle.primary}
    >
      {children}
      {pending && <span aria-hidden="true"> …</span>}
    </button>
  );
}
