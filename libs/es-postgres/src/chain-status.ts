import type { Pool } from 'pg';
import { chainKeyId, checkpointSignature, sameMac } from './hash-chain';

/** The last signed checkpoint of the hash chain and how far history has grown since. */
export interface ChainStatus {
  /** The newest checkpoint a verification signed; `null` when the chain was never verified intact. */
  checkpoint: {
    position: number;
    hash: string;
    verifiedAt: string;
    /** Signed with this store's chain key and the signature matches; otherwise it proves nothing. */
    trusted: boolean;
  } | null;
  /** The global position of the newest event. */
  head: number;
}

/**
 * What the last verification found, read in one query instead of walking the whole chain again
 * (verifyChain is linear in history: seconds at 100,000 events). Only the checkpoint's own
 * signature is checked here, so a forged row is not passed off as a verification; whether the
 * events still match it takes a full verifyChain.
 */
export async function chainStatus(pool: Pool, { key, schema = 'es' }: { key: Buffer; schema?: string }): Promise<ChainStatus> {
  const s = `"${schema}"`;
  const { rows } = await pool.query(
    `SELECT h.position AS head, c.position, c.hash, c.verified_at, c.signature, c.key_id
       FROM ${s}.head h
       LEFT JOIN LATERAL (
         SELECT * FROM ${s}.chain_checkpoints WHERE signature IS NOT NULL ORDER BY position DESC LIMIT 1
       ) c ON true`,
  );
  const row = rows[0];
  const head = Number(row.head);
  if (row.position === null) return { checkpoint: null, head };
  const position = Number(row.position);
  const trusted = row.key_id === chainKeyId(key) && sameMac(row.signature, checkpointSignature(key, position, row.hash));
  return { checkpoint: { position, hash: row.hash, verifiedAt: new Date(row.verified_at).toISOString(), trusted }, head };
}
