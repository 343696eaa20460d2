import { createRoot, createSignal } from 'solid-js';
import type { Navigator } from '../../../shared/access/navigation.ts';
import { api, setUnauthorizedHandler } from '../common/api.ts';

/** The signed-in account: what it is decides the screens it is offered (shared/access/navigation.ts). */
export interface CurrentUser extends Navigator {
  login: string;
  fullName: string;
  /** Sign-in asks this account for a TOTP code. */
  secondFactor: boolean;
}

/** undefined: not known yet; null: signed out. */
const [user, setUser] = createRoot(() => createSignal<CurrentUser | null | undefined>(undefined));
export { user, setUser };

setUnauthorizedHandler(() => setUser(null));

export async function loadUser(): Promise<void> {
  try {
    setUser((await api<{ user: CurrentUser }>('GET', '/auth/me')).user);
  } catch {
    setUser(null);
  }
}

export async function signOut(): Promise<void> {
  await api('POST', '/auth/logout').catch(() => undefined);
  setUser(null);
}
