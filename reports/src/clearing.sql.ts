import { type RawBuilder, sql } from 'kysely';

/**
 * What the client pays (+) or receives (−) for its trades: buys plus fees, less sells net of fees
 * — Σ of each trade's 清算金额 signed from the client's side (DOMAIN.md §3.1). The same figure
 * day-end's 交割 posts to the fund journal.
 */
export const clientNet = (t: string): RawBuilder<unknown> =>
  sql`sum(CASE WHEN ${sql.ref(`${t}.side`)} = 'buy' THEN ${sql.ref(`${t}.net_amount`)} ELSE -${sql.ref(`${t}.net_amount`)} END)`;

/**
 * What the branch pays the clearing house (+) or receives (−) for a seat's trades: buys less
 * sells plus the fees the exchange and the regulator collect (stamp duty, transfer, handling and
 * regulatory fees) — the formula day-end's 交割 writes into clearing_summaries. Commission stays
 * with the branch; handling and regulatory fees come out of it (净佣金), so
 * Σ clientNet = exchangeNet + Σ net commission.
 */
export const exchangeNet = (t: string): RawBuilder<unknown> => {
  const c = (col: string) => sql.ref(`${t}.${col}`);
  return sql`sum(CASE WHEN ${c('side')} = 'buy' THEN ${c('amount')} ELSE -${c('amount')} END)
    + sum(${c('stamp_duty')} + ${c('transfer_fee')} + ${c('handling_fee')} + ${c('regulatory_fee')})`;
};
