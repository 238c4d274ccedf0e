import { FieldError } from '@/components/ui/form-messages';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/limits';

/** A new password's field: label, the policy hint, the length bounds the server enforces, and its error. */
export function NewPasswordField({ label, name, error, autoFocus }: { label: string; name: string; error?: string; autoFocus?: boolean }) {
  return (
    <label>
      {label} <span className="hint">at least {MIN_PASSWORD_LENGTH} characters, not a common password</span>
      <input
        name={name}
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={MAX_PASSWORD_LENGTH}
        autoComplete="new-password"
        autoFocus={autoFocus}
      />
      <FieldError message={error} />
    </label>
  );
}
