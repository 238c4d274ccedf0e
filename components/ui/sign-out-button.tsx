'use client';

import { signOut } from 'next-auth/react';

/** Ends the session (revoked server-side) and returns to the login page. */
export function SignOutButton() {
  return (
    <button type="button" className="link-button" onClick={() => void signOut({ callbackUrl: '/login' })}>
      Sign out
    </button>
  );
}
