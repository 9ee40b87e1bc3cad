/** The formats a report package may hold, as the report downloads offer them. */
export const PACKAGE_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type PackageFormat = (typeof PACKAGE_FORMATS)[number];

export interface SetEntry {
  report: string;
  formats: PackageFormat[];
}

/**
 * The system parameter report_package_set: "report:formats" separated by semicolons, formats
 * comma-separated, e.g. `daily_fund_statement:xlsx,pdf;fund_balances:xlsx`. Each report once, each
 * format once per report, at least one report; `known` are the reports a package can hold (those
 * run by date and branch alone). Null when the text is not such a set.
 */
export function parseReportSet(value: string, known: ReadonlySet<string>): SetEntry[] | null {
  const out: SetEntry[] = [];
  const seen = new Set<string>();
  for (const part of value.split(';').map((x) => x.trim())) {
    if (!part) continue;
    const m = /^([a-z_]+)\s*:\s*([a-z, ]+)$/.exec(part);
    if (!m || !known.has(m[1]!) || seen.has(m[1]!)) return null;
    const formats = m[2]!.split(',').map((f) => f.trim());
    if (!formats.length || new Set(formats).size !== formats.length) return null;
    if (!formats.every((f): f is PackageFormat => (PACKAGE_FORMATS as readonly string[]).includes(f))) return null;
    seen.add(m[1]!);
    out.push({ report: m[1]!, formats });
  }
  return out.length ? out : null;
}

/** JSON with keys in order: jsonb does not keep the order a manifest was written in. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
