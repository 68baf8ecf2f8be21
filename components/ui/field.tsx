import { Children, cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { FieldError } from '@/components/desk/action-form';

type Control = ReactElement<{ id?: string; 'aria-describedby'?: string }>;

/**
 * One labelled control: the label names the control and nothing else, so its accessible name is
 * exactly the visible label; the hint and the error the server returns for `error` sit outside the
 * label and are tied to the control with `aria-describedby`. The single child is the control
 * itself (an input, a textarea or a select); Field gives it its id.
 *
 * Not a client component: rendered on the server, the control is a real element Field can give
 * its id to (a client component receives server-rendered children as opaque references). Inside
 * a client component it renders on the client like any other.
 */
export function Field({
  label,
  hint,
  error,
  problem,
  hintLive = false,
  className = 'block',
  children,
}: {
  label: ReactNode;
  /** A sentence about the field, read after its name. */
  hint?: ReactNode;
  /** The field's name in the server's per-field errors, when the form is an ActionForm. */
  error?: string;
  /** An error the form holds itself (a form that is not an ActionForm), shown and tied the same way. */
  problem?: ReactNode;
  /** The hint changes as the person types (a live check) and is announced when it does. */
  hintLive?: boolean;
  className?: string;
  children: Control;
}) {
  const id = useId();
  const control = Children.only(children);
  if (!isValidElement(control)) throw new Error('Field takes one control');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${error}-error` : problem ? `${id}-error` : undefined;
  const describedBy = [control.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={control.props.id ?? id} className="block text-sm font-semibold">
        {label}
      </label>
      {cloneElement(control, { id: control.props.id ?? id, 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} aria-live={hintLive ? 'polite' : undefined} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && <FieldError name={error} />}
      {problem && (
        <p id={errorId} className="text-sm text-accent">
          {problem}
        </p>
      )}
    </div>
  );
}
