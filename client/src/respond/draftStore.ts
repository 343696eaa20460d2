/**
 * Unsent answers are kept in this device's localStorage so that a reload or a lost connection costs nothing.
 * The key is a hash of the token (not the token) and the draft is removed once the answers are recorded.
 */
function keyFor(token: string): string {
  // FNV-1a: a namespace, not a secret; crypto.subtle is unavailable on plain-HTTP intranet installs.
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193) >>> 0;
  return `b360.draft.${h.toString(36)}`;
}

export function loadDraft(token: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyFor(token)) ?? '{}');
    if (parsed && typeof parsed === 'object') {
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => Number.isInteger(v))) as Record<string, number>;
    }
  } catch {
    // A corrupt draft is dropped: the form starts empty.
  }
  return {};
}

export function saveDraft(token: string, answers: Record<string, number>): void {
  try {
    localStorage.setItem(keyFor(token), JSON.stringify(answers));
  } catch {
    // Storage full or disabled (private mode): the form still works, only without reload safety.
  }
}

export const clearDraft = (token: string): void => localStorage.removeItem(keyFor(token));
