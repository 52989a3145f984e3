import { BaseError, CHAIN_HEAD_SQL, UserError } from '@ae/core';
import { flagMessage, flagPrimaryType, flagTypes } from '@ae/core/flag';
import { COLUMN, TABLE } from '@ae/core/tables';
import { type Hex, isAddress, recoverTypedDataAddress } from 'viem';
import type { Db } from '../db/db.js';
import type { ApiServices } from '../server/services.js';
import { assertCanonicalSignature } from './lowS.js';

export interface FlagArgs {
  attributionId: string;
  reason: string;
  auditor: string;
  deadline: string;
  nonce: string;
  signature: string;
}

const UINT256_MAX = 2n ** 256n - 1n;
const MAX_REASON = 1000;

function uint(name: string, v: string): bigint {
  if (!/^\d{1,78}$/.test(v) || BigInt(v) > UINT256_MAX)
    throw new UserError(`${name} must be a uint256 decimal string`);
  return BigInt(v);
}

/**
 * Records an auditor's signed flag. Checks, in order: inputs, deadline window, a low-s EIP-712 signature
 * against the deployment's domain, then, in ONE transaction, that the attribution exists and that
 * (signer, nonce) is unused (the nonce row and the flag row commit together, so a replay can never slip in
 * between). A signer has one flag per attribution: a second signed submission replaces its reason, nonce,
 * deadline and signature (updatedAt moves, createdAt stays), never adds a row.
 */
export async function flagAttribution(db: Db, services: ApiServices, maxDeadlineS: number, a: FlagArgs) {
  const domain = services.flagDomain();
  if (!domain)
    throw new BaseError('flagging is unavailable: no deployment configured', { code: 'UNAVAILABLE' });
  uint('attributionId', a.attributionId);
  if (!isAddress(a.auditor, { strict: false })) throw new UserError('auditor must be a 0x address');
  const auditor = a.auditor.toLowerCase() as Hex;
  if (typeof a.reason !== 'string' || a.reason.trim().length === 0 || a.reason.length > MAX_REASON) {
    throw new UserError(`reason must be 1..${MAX_REASON} characters`);
  }
  const deadline = uint('deadline', a.deadline);
  const nonce = uint('nonce', a.nonce);
  if (!/^0x[0-9a-fA-F]{130}$/.test(a.signature))
    throw new UserError('signature must be a 65-byte 0x hex string');
  assertCanonicalSignature(a.signature);
  const now = BigInt(services.now());
  if (deadline <= now) throw new UserError('flag signature expired (deadline passed)', { code: 'FORBIDDEN' });
  if (deadline > now + BigInt(maxDeadlineS)) {
    throw new UserError(`deadline too far in the future (at most ${maxDeadlineS} s ahead)`);
  }
  let signer: string;
  try {
    signer = await recoverTypedDataAddress({
      domain,
      types: flagTypes,
      primaryType: flagPrimaryType,
      message: flagMessage({ ...a, auditor }),
      signature: a.signature as Hex,
    });
  } catch (e) {
    throw new UserError('invalid signature', { cause: e, code: 'UNAUTHENTICATED' });
  }
  if (signer.toLowerCase() !== auditor) {
    throw new UserError('signature was not made by the auditor (wrong signer, domain or message)', {
      code: 'UNAUTHENTICATED',
    });
  }
  return db.transaction(async (c) => {
    const found = await c.query(`SELECT 1 FROM ${TABLE.attribution} WHERE ${COLUMN.attribution.id} = $1`, [
      a.attributionId,
    ]);
    if (found.rowCount === 0)
      throw new BaseError(`attribution ${a.attributionId} not found`, { code: 'NOT_FOUND' });
    const used = await c.query(
      `INSERT INTO ${TABLE.apiSignedNonce} (signer, nonce, action) VALUES ($1, $2::numeric, 'flagAttribution') ON CONFLICT DO NOTHING RETURNING 1`,
      [auditor, nonce.toString()],
    );
    if (used.rowCount === 0)
      throw new UserError('nonce already used by this auditor (replayed signature)', { code: 'FORBIDDEN' });
    const r = await c.query(
      `INSERT INTO ${TABLE.apiAttributionFlag} (attribution_id, auditor, reason, nonce, deadline, signature, chain_height, chain_time)
       SELECT $1, $2, $3, $4::numeric, $5::numeric, $6, h.height, h.time FROM (${CHAIN_HEAD_SQL}) h
       ON CONFLICT (auditor, attribution_id) DO UPDATE SET reason = EXCLUDED.reason, nonce = EXCLUDED.nonce,
         deadline = EXCLUDED.deadline, signature = EXCLUDED.signature, updated_at = now(),
         chain_height = EXCLUDED.chain_height, chain_time = EXCLUDED.chain_time
       RETURNING ${FLAG_COLUMNS}`,
      [a.attributionId, auditor, a.reason, nonce.toString(), deadline.toString(), a.signature.toLowerCase()],
    );
    return r.rows[0];
  });
}

export const FLAG_COLUMNS = `id::text AS id, attribution_id AS "attributionId", auditor, reason, nonce::text AS nonce,
  deadline::text AS deadline, signature, created_at AS "createdAt", updated_at AS "updatedAt",
  chain_height AS "chainHeight", chain_time AS "chainTime"`;
