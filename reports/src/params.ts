import { z } from 'zod';
import { businessDate } from '../../server/src/http/dates.js';
import type { Label } from './define-report.js';

const L = (zh: string, en: string): Label => ({ zh, en });

/**
 * A report parameter: how the form asks for it and how the server reads it. Parameters arrive as
 * query-string text, so each schema parses text (numbers coerced). The form is drawn from these
 * specs (the catalogue sends them); the zod object that validates a request is built from them too.
 */
export interface ParamSpec {
  name: string;
  kind:
    | 'date'
    | 'date_from'
    | 'date_to'
    | 'market'
    | 'currency'
    | 'client'
    | 'client_manager'
    | 'operator'
    | 'branch'
    | 'choice'
    | 'integer';
  label: Label;
  schema: z.ZodType;
  required: boolean;
  /** choice: the values and their words */
  choices?: { value: string; label: Label }[];
  /** integer: bounds */
  min?: number;
  max?: number;
  /** the value used when the request leaves it out (dates: the last closed business date) */
  default?: string | number;
}

/** Business dates: the API's own type (server/src/http/dates.ts), re-exported for the report forms. */
export { businessDate };

/** A positive id in a query string. */
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const P = {
  /** the business date (default: the last date whose day-end completed) */
  date: (): ParamSpec => ({
    name: 'date',
    kind: 'date',
    label: L('业务日期', 'Business date'),
    schema: businessDate,
    required: true,
  }),
  /** a period: both ends inclusive (default: the month of the last closed date, through it) */
  dateFrom: (): ParamSpec => ({
    name: 'date_from',
    kind: 'date_from',
    label: L('起始日期', 'From'),
    schema: businessDate,
    required: true,
  }),
  dateTo: (): ParamSpec => ({
    name: 'date_to',
    kind: 'date_to',
    label: L('截止日期', 'To'),
    schema: businessDate,
    required: true,
  }),
  market: (): ParamSpec => ({
    name: 'market',
    kind: 'market',
    label: L('市场', 'Market'),
    schema: z.string().regex(/^[A-Z]{2}-[A-Z]$/),
    required: false,
  }),
  currency: (required = false): ParamSpec => ({
    name: 'currency',
    kind: 'currency',
    label: L('币种', 'Currency'),
    schema: z.enum(['CNY', 'USD', 'HKD']),
    required,
    ...(required ? { default: 'CNY' } : {}),
  }),
  client: (required = false): ParamSpec => ({
    name: 'client_id',
    kind: 'client',
    label: L('客户', 'Client'),
    schema: id,
    required,
  }),
  clientManager: (): ParamSpec => ({
    name: 'client_manager_id',
    kind: 'client_manager',
    label: L('客户经理', 'Client manager'),
    schema: id,
    required: false,
  }),
  operator: (): ParamSpec => ({
    name: 'operator_id',
    kind: 'operator',
    label: L('柜员', 'Operator'),
    schema: id,
    required: false,
  }),
  /** head office only: one branch, or every branch when left out */
  branch: (): ParamSpec => ({
    name: 'branch_id',
    kind: 'branch',
    label: L('营业部', 'Branch'),
    schema: id,
    required: false,
  }),
  choice: (name: string, label: Label, choices: { value: string; label: Label }[], dflt?: string): ParamSpec => ({
    name,
    kind: 'choice',
    label,
    schema: z.enum(choices.map((c) => c.value) as [string, ...string[]]),
    required: dflt !== undefined,
    choices,
    ...(dflt !== undefined ? { default: dflt } : {}),
  }),
  integer: (name: string, label: Label, min: number, max: number, dflt: number): ParamSpec => ({
    name,
    kind: 'integer',
    label,
    schema: z.coerce.number().int().min(min).max(max),
    required: true,
    min,
    max,
    default: dflt,
  }),
};

/** The longest period a report reads (a year and a day: a year's statement across a leap day). */
export const MAX_SPAN_DAYS = 366;

/** `date_from ≤ date_to`, at most MAX_SPAN_DAYS apart: the check of every period report. */
export function periodProblem(p: { date_from?: unknown; date_to?: unknown }): Record<string, Label> | null {
  const from = String(p.date_from);
  const to = String(p.date_to);
  if (from > to) return { date_to: L('截止日期不能早于起始日期', 'The end date is before the start date') };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_SPAN_DAYS)
    return {
      date_to: L(
        `期间最长 ${MAX_SPAN_DAYS} 天，所选为 ${days} 天`,
        `A period spans at most ${MAX_SPAN_DAYS} days, not ${days}`,
      ),
    };
  return null;
}
