/**
 * What a change of a role's rights does (复核 shows it before the change takes effect): the
 * permissions it adds and removes, each sorted, and the all-branch reach when that changes.
 */
export interface RightsChange {
  added: string[];
  removed: string[];
  all_branches: { from: boolean; to: boolean } | null;
}

export function rightsChange(
  current: { permissions: readonly string[]; all_branches: boolean },
  next: { permissions: readonly string[]; all_branches: boolean },
): RightsChange {
  const now = new Set(current.permissions);
  const then = new Set(next.permissions);
  return {
    added: [...then].filter((p) => !now.has(p)).sort(),
    removed: [...now].filter((p) => !then.has(p)).sort(),
    all_branches:
      current.all_branches === next.all_branches ? null : { from: current.all_branches, to: next.all_branches },
  };
}
