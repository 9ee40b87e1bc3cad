import { Alert, Chip, Tooltip } from '@mui/material';
import { DataTable, List, SelectInput, TopToolbar, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { BACKUP_KINDS, megabytes, restoreState, shortSha, type BackupRow } from './backupLogic';
import { CreateBackupButton } from './CreateBackupButton';
import { RestoreBackupButton } from './RestoreBackupButton';

const backupFilters = [
    <SelectInput
        key="kind"
        source="kind"
        alwaysOn
        choices={BACKUP_KINDS.map((id) => ({ id, name: `resources.backups.kinds.${id}` }))}
    />,
];

const BackupStatus = () => {
    const record = useRecordContext<BackupRow>();
    const translate = useTranslate();
    if (!record) return null;
    const state = restoreState(record);
    return (
        <Chip
            size="small"
            variant="outlined"
            color={state === 'ready' ? 'success' : state === 'pending' ? 'warning' : 'error'}
            label={translate(`resources.backups.status.${state}`, { id: record.pending_approval_id ?? '' })}
        />
    );
};

/** 数据备份: every snapshot of the database, newest first; back up now, or ask for a restore. */
export const BackupList = () => {
    const translate = useTranslate();
    return (
        <List
            sort={{ field: 'created_at', order: 'DESC' }}
            perPage={25}
            exporter={false}
            empty={false}
            filters={backupFilters}
            actions={
                <TopToolbar>
                    <CreateBackupButton />
                </TopToolbar>
            }
        >
            <Alert severity="info" sx={{ m: 1 }}>
                {translate('resources.backups.intro')}
            </Alert>
            <DataTable bulkActionButtons={false} rowClick={false}>
                <DataTable.Col source="kind" render={(r: RaRecord) => translate(`resources.backups.kinds.${r.kind}`)} />
                <DataTable.Col source="business_date" />
                <DataTable.Col
                    source="bytes"
                    align="right"
                    render={(r: RaRecord) => translate('resources.backups.size_mb', { size: megabytes(r.bytes) })}
                />
                <DataTable.Col
                    source="created_by"
                    disableSort
                    render={(r: RaRecord) => r.created_by_name ?? translate('resources.backups.system')}
                />
                <DataTable.Col source="created_at">
                    <LocalDateField source="created_at" />
                </DataTable.Col>
                <DataTable.Col
                    source="sha256"
                    disableSort
                    render={(r: RaRecord) => (
                        <Tooltip title={r.sha256}>
                            <code>{shortSha(r.sha256)}</code>
                        </Tooltip>
                    )}
                />
                <DataTable.Col source="note" disableSort />
                <DataTable.Col source="status" disableSort>
                    <BackupStatus />
                </DataTable.Col>
                <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <RestoreBackupButton />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};
