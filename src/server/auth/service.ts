import type { Actor } from '../platform/audit.ts';
import { audit } from '../platform/audit.ts';
import { burnVerifyTime, verifyPassword } from '../platform/auth/passwords.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';

/** Failed attempts in a row before an account is locked, and for how long. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

interface LoginRow {
  id: number;
  username: string;
  password_hash: string;
  disabled: boolean;
  failed_attempts: number;
  locked_until: Date | string | null;
}

const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

/** Checks a password; counts failures, locks the account after too many, audits every outcome. */
export async function checkLogin(db: Db, username: string, password: string, ip: string): Promise<number> {
  const rows = await db.query<LoginRow>(
    'SELECT id, username, password_hash, disabled, failed_attempts, locked_until FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  const user = rows[0];
  const actor: Actor = { userId: user?.id ?? null, username, ip };
  if (!user) {
    await burnVerifyTime(password);
    await db.transaction((tx) =>
      audit(tx, actor, { action: 'login_failed', entity: 'user', entityId: null }),
    );
    throw invalidCredentials();
  }
  const lockedUntil = user.locked_until ? new Date(user.locked_until) : null;
  if (lockedUntil && lockedUntil > new Date()) throw lockedError(lockedUntil);
  if (user.disabled)
    throw new AppError(403, 'ACCOUNT_DISABLED', 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị hệ thống.');

  if (await verifyPassword(user.password_hash, password)) {
    await db.transaction(async (tx) => {
      await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
      await audit(tx, actor, { action: 'login', entity: 'user', entityId: user.id });
    });
    return user.id;
  }

  const locked = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ failed_attempts: number; locked_until: Date | string | null }>(
      `UPDATE users SET failed_attempts = failed_attempts + 1,
              locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) END
        WHERE id = $1 RETURNING failed_attempts, locked_until`,
      [user.id, MAX_FAILED_ATTEMPTS, LOCK_MINUTES],
    );
    await audit(tx, actor, { action: 'login_failed', entity: 'user', entityId: user.id });
    if (row?.locked_until) {
      await audit(tx, actor, { action: 'account_locked', entity: 'user', entityId: user.id });
      return new Date(row.locked_until);
    }
    return null;
  });
  if (locked) throw lockedError(locked);
  throw invalidCredentials();
}

function lockedError(until: Date): AppError {
  const time = until.toLocaleTimeString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  });
  return new AppError(
    423,
    'ACCOUNT_LOCKED',
    `Tài khoản tạm khóa do đăng nhập sai quá ${MAX_FAILED_ATTEMPTS} lần. Thử lại sau ${time} hoặc liên hệ quản trị hệ thống.`,
  );
}
