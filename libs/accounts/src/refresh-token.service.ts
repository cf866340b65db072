import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, UnauthenticatedError } from '@daogang/platform';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const INVALID = '登录已失效，请重新登录';

/** Issues, rotates and revokes refresh tokens (`<id>.<secret>`; only the secret's hash is stored). */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async issue(userId: string, familyId: string = randomUUID(), manager?: EntityManager): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const repo = (manager ?? this.dataSource.manager).getRepository(RefreshToken);
    const row = await repo.save(
      repo.create({
        userId,
        familyId,
        secretHash: sha256(secret),
        expiresAt: new Date(Date.now() + this.config.JWT_REFRESH_TTL_SECONDS * 1000),
        revokedAt: null,
      }),
    );
    return `${row.id}.${secret}`;
  }

  /** Uses a token once: returns its user and a new token of the same family. Reuse revokes the family. */
  async rotate(presented: string): Promise<{ userId: string; refreshToken: string }> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw new UnauthenticatedError(INVALID);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RefreshToken);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !safeEqual(row.secretHash, sha256(secret))) return { reusedFamily: null, rotated: null };
      // A used token presented again: someone holds a copy. The family is revoked after this transaction.
      if (row.revokedAt) return { reusedFamily: row.familyId, rotated: null };
      if (row.expiresAt.getTime() <= Date.now()) return { reusedFamily: null, rotated: null };
      await repo.update({ id: row.id }, { revokedAt: new Date() });
      const refreshToken = await this.issue(row.userId, row.familyId, manager);
      return { reusedFamily: null, rotated: { userId: row.userId, refreshToken } };
    });
    if (outcome.reusedFamily) await this.revokeFamily(outcome.reusedFamily);
    if (!outcome.rotated) throw new UnauthenticatedError(INVALID);
    return outcome.rotated;
  }

  async revoke(presented: string): Promise<void> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return;
    const repo = this.dataSource.getRepository(RefreshToken);
    const row = await repo.findOneBy({ id });
    if (row && safeEqual(row.secretHash, sha256(secret))) await this.revokeFamily(row.familyId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Removes tokens that expired or were revoked before `before`; safe to run twice. */
  async purge(before: Date): Promise<number> {
    const repo = this.dataSource.getRepository(RefreshToken);
    const expired = await repo.delete({ expiresAt: LessThan(before) });
    const revoked = await repo.delete({ revokedAt: LessThan(before) });
    return (expired.affected ?? 0) + (revoked.affected ?? 0);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
