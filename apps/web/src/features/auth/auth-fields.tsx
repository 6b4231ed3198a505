import { PASSWORD_MIN_LENGTH } from '@concerto/domain';
import type { ReactNode } from 'react';
import { TextField } from '../../ui/field';

interface AuthFieldProps {
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** The address one signs in with (sign-in, sign-up, forgotten password): typed as an e-mail, filled by the browser. */
export function EmailField({ label, hint, value, onChange, error }: AuthFieldProps) {
  return (
    <TextField
      label={label}
      hint={hint}
      name="email"
      type="email"
      autoComplete="email"
      spellCheck={false}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/**
 * A password: the one one has (`current`, sign-in) or a new one (sign-up, after a reset) of at least
 * `PASSWORD_MIN_LENGTH` characters, which the browser may offer to generate and keep.
 */
export function PasswordField({ label, hint, value, onChange, error, current = false }: AuthFieldProps & { current?: boolean }) {
  return (
    <TextField
      label={label}
      hint={hint}
      name="password"
      type="password"
      autoComplete={current ? 'current-password' : 'new-password'}
      required
      minLength={current ? undefined : PASSWORD_MIN_LENGTH}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
