import type { DB } from '../../db/connect.ts';
import * as repo from '../../db/repositories/secondFactor.ts';
import type { UserRow } from '../../db/schema.ts';
import { ApiError } from '../http/apiError.ts';
import type { SessionUser } from '../http/session.ts';
import type { SecretBox } from '../security/secretBox.ts';
import { newTotpSecret, totpStep, totpUri } from '../security/totp.ts';
import { qrDataUrl } from './qrImage.ts';

/**
 * The optional second factor (TOTP, RFC 6238): set up by its owner, on only once a first code from it was
 * confirmed, asked for at every sign-in after the password, turned off only with a code. Each code is taken once:
 * the step of the last one accepted is stored and earlier steps are refused. Secrets are stored sealed.
 */
export class SecondFactors {
  constructor(
    private readonly db: DB,
    private readonly box: SecretBox,
    private readonly now: () => Date,
  ) {}

  /** A new pending secret, as the otpauth:// URI, its QR code and the key for typing it in by hand. */
  async beginSetup(user: Pick<SessionUser, 'id' | 'login'>) {
    const secret = newTotpSecret();
    if (!(await repo.setPendingSecret(this.db, user.id, this.box.seal(secret, user.id)))) throw new ApiError(409, 'secondFactor.alreadyOn');
    const uri = totpUri(secret, user.login);
    return { uri, qr: await qrDataUrl(uri), secret };
  }

  /**
   * Switches the pending secret on once `code` shows the owner's app produces its codes, and ends the account's
   * other sessions, as a password change does: this one (`currentSession`) stays.
   */
  async confirmSetup(user: Pick<SessionUser, 'id'>, code: string, currentSession: string | null): Promise<void> {
    const state = await this.state(user.id);
    if (state.secret) throw new ApiError(409, 'secondFactor.alreadyOn');
    if (!state.pending) throw new ApiError(409, 'secondFactor.notStarted');
    const step = this.stepOf(state.pending, user.id, code);
    if (step === null) throw new ApiError(403, 'auth.codeInvalid');
    if (!(await repo.activatePending(this.db, user.id, state.pending, step, currentSession))) throw new ApiError(409, 'secondFactor.notStarted');
  }

  async turnOff(user: Pick<SessionUser, 'id'>, code: string): Promise<void> {
    const state = await this.state(user.id);
    if (!state.secret) throw new ApiError(409, 'secondFactor.notOn');
    const step = this.stepOf(state.secret, user.id, code);
    if (step === null) throw new ApiError(403, 'auth.codeInvalid');
    if (!(await repo.turnOffAtStep(this.db, user.id, step))) throw new ApiError(403, 'auth.codeUsed');
  }

  /** At sign-in, after the right password: passes accounts without a second factor, else wants a fresh code. */
  async checkSignIn(account: UserRow, code: string | undefined): Promise<void> {
    if (!account.totp_secret) return;
    if (code === undefined) throw new ApiError(401, 'auth.codeRequired');
    const step = this.stepOf(account.totp_secret, account.id, code);
    if (step === null) throw new ApiError(401, 'auth.codeInvalid');
    if (!(await repo.useStep(this.db, account.id, step))) throw new ApiError(401, 'auth.codeUsed');
  }

  private async state(userId: string): Promise<repo.SecondFactorState> {
    const state = await repo.getSecondFactor(this.db, userId);
    if (!state) throw new ApiError(401, 'auth.required');
    return state;
  }

  private stepOf(sealed: string, userId: string, code: string): number | null {
    return totpStep(this.box.open(sealed, userId), code, this.now());
  }
}
