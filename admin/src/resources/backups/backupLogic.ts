/** One row of GET /api/backups. */
export interface BackupRow {
    id: number;
    kind: 'before_clearing' | 'after_clearing' | 'manual';
    business_date: string;
    run_id: number | null;
    engine: 'pglite' | 'postgres';
    file: string;
    bytes: number;
    sha256: string;
    created_by: number | null;
    created_by_name: string | null;
    created_at: string;
    note: string;
    file_present: boolean;
    pending_approval_id: number | null;
}

export const BACKUP_KINDS = ['before_clearing', 'after_clearing', 'manual'] as const;

/** Size in MB with two decimals (1 MB = 1,048,576 bytes); never "0.00" for a file that has bytes. */
export const megabytes = (bytes: number): string => {
    const mb = bytes / 1_048_576;
    return bytes > 0 && mb < 0.01 ? '0.01' : mb.toFixed(2);
};

/** The first 12 hex digits: enough to tell snapshots apart on screen; the full digest is the tooltip. */
export const shortSha = (sha256: string): string => sha256.slice(0, 12);

/** What the row's restore button may do: nothing while a restore of it waits for approval, or when its file is gone. */
export const restoreState = (
    row: Pick<BackupRow, 'file_present' | 'pending_approval_id'>,
): 'ready' | 'missing' | 'pending' => (!row.file_present ? 'missing' : row.pending_approval_id ? 'pending' : 'ready');
