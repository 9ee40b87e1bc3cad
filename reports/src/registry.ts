import bankTransferSummary from './bank-transfer-summary.report.js';
import businessStatistics from './business-statistics.report.js';
import cashVoucher from './cash-voucher.report.js';
import clearingFirst from './clearing-first.report.js';
import clearingSecond from './clearing-second.report.js';
import clientDelivery from './client-delivery.report.js';
import clientSegments from './client-segments.report.js';
import clientStatement from './client-statement.report.js';
import clientTrades from './client-trades.report.js';
import dailyFundStatement from './daily-fund-statement.report.js';
import type { ReportDef } from './define-report.js';
import fundBalances from './fund-balances.report.js';
import fundBusinessSummary from './fund-business-summary.report.js';
import fundChanges from './fund-changes.report.js';
import fundLedger from './fund-ledger.report.js';
import holdings from './holdings.report.js';
import orderDetails from './order-details.report.js';
import overdrafts from './overdrafts.report.js';
import securitySummary from './security-summary.report.js';
import tradeDetails from './trade-details.report.js';
import tradeRanking from './trade-ranking.report.js';

/**
 * Every report there is, in the order of the Reports menu. Adding a report is its declaration
 * (`<id>.report.ts`) plus its test, and one line here: the catalogue, the screen, the rights in
 * the role matrix and the four formats follow from the declaration.
 */
export const REPORTS: readonly ReportDef[] = [
  dailyFundStatement,
  fundBusinessSummary,
  businessStatistics,
  fundBalances,
  overdrafts,
  fundChanges,
  fundLedger,
  bankTransferSummary,
  clearingFirst,
  clearingSecond,
  tradeDetails,
  securitySummary,
  clientTrades,
  orderDetails,
  tradeRanking,
  clientSegments,
  holdings,
  clientDelivery,
  clientStatement,
  cashVoucher,
];

const byId = new Map(REPORTS.map((r) => [r.id, r]));
export const reportById = (id: string) => byId.get(id);
