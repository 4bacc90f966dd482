import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How a browser page gets to use the HTTP host. The address `npm run serve` prints carries
 * a one-time launch code; the page trades it, once, for a session id that lives only in an
 * HttpOnly cookie (see sessionCookie). So the address a browser keeps in its history,
 * session-restore files or a shell's scrollback opens nothing once used, and no script in
 * the page ever holds a credential it could leak.
 *
 * Only the latest code is valid: issuing a new one (the terminal's "new address") retires
 * the previous one, used or not. Sessions last as long as the host runs.
 */
export class LaunchSessions {
  private code: Buffer | null = null;
  /** SHA-256 of each session id: a lookup's timing says nothing about the ids themselves. */
  private readonly sessions = new Set<string>();

  /** A fresh one-time code (retiring any earlier one). */
  issueCode(): string {
    const code = randomBytes(24).toString('base64url');
    this.code = Buffer.from(code);
    return code;
  }

  /**
   * Trades the current code for a new session id, once.
   * @returns the session id, or null for a wrong, retired or already used code.
   */
  exchange(candidate: string): string | null {
    const bytes = Buffer.from(candidate);
    if (!this.code || bytes.length !== this.code.length || !timingSafeEqual(bytes, this.code)) return null;
    this.code = null;
    const session = randomBytes(32).toString('base64url');
    this.sessions.add(digest(session));
    return session;
  }

  /** Whether any of `candidates` (the values of the session cookie) is a live session id. */
  isSession(candidates: readonly string[]): boolean {
    return candidates.some((candidate) => this.sessions.has(digest(candidate)));
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
