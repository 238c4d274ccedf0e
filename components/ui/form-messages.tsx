import type { ReactNode } from 'react';

// How every form shows its outcome: the messages of an API error (`{message, fields}`, kept by useApiAction),
// a confirmation, and the submit button's busy state.

/**
 * A form's error message, announced (role alert); nothing when there is none. `children` follow the message (a
 * Reload button after a conflict); `className="field-error"` is the compact look used inside tables.
 */
export function FormError({ message, className = 'form-error', children }: { message?: string | null; className?: string; children?: ReactNode }) {
  if (!message) return null;
  return (
    <p className={className} role="alert">
      {message}
      {children ? <> {children}</> : null}
    </p>
  );
}

/** The message for one input (the `fields` of an API error), shown under it. */
export function FieldError({ message }: { message?: string | null }) {
  return message ? <span className="field-error">{message}</span> : null;
}

/** A confirmation that the form did what was asked (role status). */
export function FormOk({ children }: { children: ReactNode }) {
  return (
    <p className="form-ok" role="status">
      {children}
    </p>
  );
}

/** The form's submit button: disabled while `busy`, and saying `busyLabel` then (e.g. "Saving…"). */
export function SubmitButton({
  busy,
  busyLabel,
  className = 'primary',
  children,
}: {
  busy: boolean;
  busyLabel: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={className || undefined} disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}
