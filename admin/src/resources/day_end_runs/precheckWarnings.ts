/** A warning of the day-end pre-check (GET /api/day_end_runs/precheck), to acknowledge before the run. */
export type PrecheckWarning =
    | { code: 'no_trade_report'; kind: 'no_trade_report'; params: { orders: number; branches: string } }
    | {
          code: string;
          kind: 'bank_unreconciled';
          params: {
              bank_code: string;
              bank_name_zh: string;
              bank_name_en: string;
              transfers: number;
              net: string;
              state: 'none' | 'differences' | 'changed';
          };
      };

/** The message key and its arguments for a warning, the bank named in the UI language. */
export const warningMessage = (
    w: PrecheckWarning,
    locale: string,
): { key: string; args: Record<string, string | number> } => {
    const prefix = 'resources.day_end_runs.precheck';
    if (w.kind === 'no_trade_report') return { key: `${prefix}.warning_no_trade_report`, args: w.params };
    const bank = locale.startsWith('en') ? w.params.bank_name_en : w.params.bank_name_zh;
    return {
        key: `${prefix}.warning_bank_${w.params.state}`,
        args: { bank, transfers: w.params.transfers, net: w.params.net },
    };
};

/**
 * The codes the run request carries: those of the day's warnings that are ticked (a tick for a
 * warning the day no longer has is dropped), and whether every warning is ticked.
 */
export const acknowledgement = (warnings: readonly PrecheckWarning[], ticked: ReadonlySet<string>) => {
    const codes = warnings.map((w) => w.code).filter((c) => ticked.has(c));
    return { codes, complete: codes.length === warnings.length };
};
