import CancelIcon from '@mui/icons-material/Cancel';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Chip } from '@mui/material';
import { useEffect, useState } from 'react';
import {
    Button,
    DataTable,
    List,
    SelectInput,
    useListContext,
    useLocale,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { JobProgress } from './JobProgress';
import { cancelJob, downloadJob } from './jobActions';
import { type ExportJob, isLive } from './jobEvents';

const STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'expired'] as const;
const COLORS: Record<ExportJob['status'], 'default' | 'primary' | 'success' | 'error' | 'warning'> = {
    queued: 'default',
    running: 'primary',
    completed: 'success',
    failed: 'error',
    cancelled: 'warning',
    expired: 'default',
};

const StatusFilter = () => {
    const translate = useTranslate();
    return (
        <SelectInput
            source="status"
            alwaysOn
            choices={STATUSES.map((id) => ({ id, name: translate(`resources.export_jobs.statuses.${id}`) }))}
        />
    );
};

const JobButtons = () => {
    const job = useRecordContext<ExportJob>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [busy, setBusy] = useState(false);
    if (!job) return null;
    const act = async (what: () => Promise<unknown>) => {
        setBusy(true);
        try {
            await what();
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        } finally {
            setBusy(false);
            refresh();
        }
    };
    if (job.status === 'completed')
        return (
            <Button
                label="resources.export_jobs.download"
                disabled={busy}
                onClick={() =>
                    act(async () => {
                        const name = await downloadJob(job);
                        notify('resources.export_jobs.downloaded', { type: 'success', messageArgs: { name } });
                    })
                }
            >
                <DownloadIcon />
            </Button>
        );
    if (isLive(job))
        return (
            <Button
                label="resources.export_jobs.cancel"
                color="error"
                disabled={busy}
                onClick={() => act(() => cancelJob(job.id))}
            >
                <CancelIcon />
            </Button>
        );
    return null;
};

/** Refreshes the list every two seconds while one of its jobs still waits or runs. */
const LiveRefresh = () => {
    const { data } = useListContext<ExportJob>();
    const refresh = useRefresh();
    const live = !!data?.some(isLive);
    useInterval(live ? refresh : null, 2000);
    return null;
};

function useInterval(fn: (() => void) | null, ms: number) {
    useEffect(() => {
        if (!fn) return;
        const t = setInterval(fn, ms);
        return () => clearInterval(t);
    }, [fn, ms]);
}

/** 我的导出: the operator's background exports, newest first, with progress, cancel and download. */
export const ExportJobList = () => {
    const translate = useTranslate();
    const locale = useLocale();
    return (
        <List
            sort={{ field: 'id', order: 'DESC' }}
            perPage={25}
            exporter={false}
            filters={[<StatusFilter key="status" />]}
            empty={false}
        >
            <LiveRefresh />
            <Alert severity="info" sx={{ m: 1 }}>
                {translate('resources.export_jobs.intro')}
            </Alert>
            <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <DataTable.Col source="name" />
                <DataTable.Col
                    source="status"
                    render={(r: ExportJob) => (
                        <Chip
                            size="small"
                            variant="outlined"
                            color={COLORS[r.status]}
                            label={translate(`resources.export_jobs.statuses.${r.status}`)}
                        />
                    )}
                />
                <DataTable.Col
                    source="rows_done"
                    disableSort
                    render={(r: ExportJob) => <JobProgress job={r} compact />}
                />
                <DataTable.Col
                    source="bytes"
                    disableSort
                    align="right"
                    render={(r: ExportJob) =>
                        r.bytes === null
                            ? ''
                            : translate('resources.export_jobs.size_kb', {
                                  size: (r.bytes / 1024).toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', {
                                      maximumFractionDigits: 1,
                                  }),
                              })
                    }
                />
                <DataTable.Col source="created_at">
                    <LocalDateField source="created_at" />
                </DataTable.Col>
                <DataTable.Col source="finished_at" disableSort>
                    <LocalDateField source="finished_at" />
                </DataTable.Col>
                <DataTable.Col source="expires_at" disableSort>
                    <LocalDateField source="expires_at" />
                </DataTable.Col>
                <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <JobButtons />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};
