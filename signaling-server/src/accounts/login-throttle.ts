/**
 * Sign-in throttling per account and per address, with the counters in the database (table
 * login_throttle) so that every node and a restarted server see the same ones. An attempt is
 * counted as a failure before the password is checked, in one transaction with the check of both
 * counters; a success clears the account's counter and takes its count back from the address's.
 * A lock is logged once, as a warning, with the account or address but never the password.
 */
import { AuthError, RequestError } from '@rvw/shared';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { withRetryAfter } from '../errors';
import {
  countAttempt,
  gate,
  uncount,
  type Gate,
  type ThrottlePolicy,
  type ThrottleState,
} from './login-throttle-rules';

/** The limits of both counters. */
export interface LoginThrottlePolicies {
  account: ThrottlePolicy;
  address: ThrottlePolicy;
}

/** Builds the policies from the configuration's login options. */
export function loginPolicies(c: {
  loginMaxFailures: number;
  loginAddressMaxFailures: number;
  loginLockMinutes: number;
  loginDelayMs: number;
}): LoginThrottlePolicies {
  const lockMs = c.loginLockMinutes * 60_000;
  return {
    // One slip is free; after that each failure doubles the wait.
    account: { maxFailures: c.loginMaxFailures, freeFailures: 1, lockMs, delayMs: c.loginDelayMs },
    // Agents of one centre may share an address: three slips among them are free.
    address: { maxFailures: c.loginAddressMaxFailures, freeFailures: 3, lockMs, delayMs: c.loginDelayMs },
  };
}

type Scope = 'account' | 'address';

interface Counted {
  scope: Scope;
  key: string;
  state: ThrottleState;
  locks: boolean;
}

const toState = (r: {
  failures: number;
  last_at: string;
  next_attempt_at: string | null;
  locked_until: string | null;
}): ThrottleState => ({
  failures: r.failures,
  lastAt: Date.parse(r.last_at),
  nextAttemptAt: r.next_attempt_at === null ? null : Date.parse(r.next_attempt_at),
  lockedUntil: r.locked_until === null ? null : Date.parse(r.locked_until),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The throttle in front of sign-in; one per server. */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly policies: LoginThrottlePolicies,
    private readonly log: Logger,
  ) {}

  /**
   * Runs `signIn` if neither the account nor the address is locked or inside its delay; otherwise
   * refuses with LOGIN_LOCKED or RATE_LIMITED (with Retry-After). AUTH_INVALID from `signIn` is a
   * failure; anything else (success or a server error) takes the attempt back.
   */
  async attempt<T>(
    who: { username: string; address: string },
    now: Date,
    signIn: () => Promise<T>,
  ): Promise<T> {
    const keys: Array<[Scope, string]> = [
      ['account', `account:${who.username.toLowerCase()}`],
      ['address', `address:${who.address}`],
    ];
    const counted = await this.enter(keys, now.getTime());
    let result: T;
    try {
      result = await signIn();
    } catch (err) {
      if (err instanceof AuthError && err.code === 'AUTH_INVALID') {
        for (const c of counted.filter((x) => x.locks)) this.logLock(c, who);
      } else {
        await this.takeBack(counted, now.getTime(), false);
      }
      throw err;
    }
    await this.takeBack(counted, now.getTime(), true);
    return result;
  }

  // Checks both counters and counts the attempt, in one transaction (so parallel tries queue up).
  private async enter(keys: Array<[Scope, string]>, now: number): Promise<Counted[]> {
    const outcome = await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('login_throttle')
        .selectAll()
        .where(
          'key',
          'in',
          keys.map(([, k]) => k),
        )
        .execute();
      const stateOf = (key: string) => {
        const row = rows.find((r) => r.key === key);
        return row ? toState(row) : null;
      };
      const gates: Gate[] = keys.map(([scope, key]) => gate(stateOf(key), now, this.policies[scope]));
      const locked = gates.filter((g) => g.kind === 'locked');
      if (locked.length)
        return {
          refused: 'locked' as const,
          retryAfterMs: Math.max(...locked.map((g) => (g.kind === 'open' ? 0 : g.retryAfterMs))),
        };
      const waits = gates.filter((g) => g.kind === 'wait');
      if (waits.length)
        return {
          refused: 'wait' as const,
          retryAfterMs: Math.max(...waits.map((g) => (g.kind === 'open' ? 0 : g.retryAfterMs))),
        };

      const counted: Counted[] = [];
      for (const [scope, key] of keys) {
        const next = countAttempt(stateOf(key), now, this.policies[scope]);
        const values = {
          failures: next.state.failures,
          last_at: new Date(next.state.lastAt).toISOString(),
          next_attempt_at: iso(next.state.nextAttemptAt),
          locked_until: iso(next.state.lockedUntil),
        };
        await trx
          .insertInto('login_throttle')
          .values({ key, ...values })
          .onConflict((oc) => oc.column('key').doUpdateSet(values))
          .execute();
        counted.push({ scope, key, state: next.state, locks: next.locks });
      }
      // Forget counters that went quiet (keeps the table small whatever names are tried).
      const quietBefore = new Date(
        now - Math.max(this.policies.account.lockMs, this.policies.address.lockMs),
      );
      await trx
        .deleteFrom('login_throttle')
        .where('last_at', '<', quietBefore.toISOString())
        .where((eb) =>
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date(now).toISOString())]),
        )
        .execute();
      return { refused: null, counted };
    });
    if (outcome.refused === 'locked') {
      throw withRetryAfter(AuthError.loginLocked(outcome.retryAfterMs / 1000), outcome.retryAfterMs / 1000);
    }
    if (outcome.refused === 'wait') {
      throw withRetryAfter(
        RequestError.loginTooSoon(outcome.retryAfterMs / 1000),
        outcome.retryAfterMs / 1000,
      );
    }
    return outcome.counted;
  }

  // The attempt did not fail: clear the account's counter on success, take the count back otherwise.
  private async takeBack(counted: Counted[], now: number, succeeded: boolean): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const c of counted) {
        if (succeeded && c.scope === 'account') {
          await trx.deleteFrom('login_throttle').where('key', '=', c.key).execute();
          continue;
        }
        const row = await trx
          .selectFrom('login_throttle')
          .selectAll()
          .where('key', '=', c.key)
          .executeTakeFirst();
        if (!row) continue;
        const back = uncount(toState(row), c.locks, now);
        await trx
          .updateTable('login_throttle')
          .set({
            failures: back.failures,
            next_attempt_at: iso(back.nextAttemptAt),
            locked_until: iso(back.lockedUntil),
          })
          .where('key', '=', c.key)
          .execute();
      }
    });
  }

  private logLock(c: Counted, who: { username: string; address: string }): void {
    const who_ = c.scope === 'account' ? { username: who.username } : { address: who.address };
    this.log.warn(
      { scope: c.scope, ...who_, failures: c.state.failures, lockedUntil: iso(c.state.lockedUntil) },
      'login locked',
    );
  }
}
