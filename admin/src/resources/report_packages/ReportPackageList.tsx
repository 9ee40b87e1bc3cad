import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Chip, Tooltip } from '@mui/material';
import { useState } from 'react';
import {
    Button,
    DataTable,
    DateInput,
    List,
    TopToolbar,
    useCanAccess,
    useLocale,
    useNotify,
    useRecordContext,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { downloadFile } from '../../auto/download';
import { LocalDateField } from '../../components/LocalDateField';
import { API_URL } from '../../providers/httpClient';
import { GeneratePackageButton } from './GeneratePackageButton';
import { VerifyChainButton } from './VerifyChainButton';

export interface PackageRow extends RaRecord {
    business_date: string;
    branch_name: string;
    version: number;
    bytes: number;
    sha256: string;
    source: 'day_end' | 'manual';
    created_by_name: string | null;
    created_at: string;
    reports: { zh: string; en: string }[];
    files: { name: string; format: string; rows: number }[];
}

const filters = [<DateInput key="business_date" source="business_date" alwaysOn />];

const DownloadPackageButton = () => {
    const record = useRecordContext<PackageRow>();
    const { canAccess } = useCanAccess({ resource: 'report_packages', action: 'export' });
    const notify = useNotify();
    const [busy, setBusy] = useState(false);
    if (!record || !canAccess) return null;
    const go = async () => {
        setBusy(true);
        try {
            const file = await downloadFile(
                `${API_URL}/report_packages/${record.id}/download`,
                `report-package-${record.id}.zip`,
            );
            notify('resources.report_packages.downloaded', { type: 'success', messageArgs: { file } });
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    return (
        <Button label="resources.report_packages.download" onClick={go} disabled={busy}>
            <DownloadIcon />
        </Button>
    );
};

/** 报表归档: every report package, newest first; download one, build one for a closed day, verify the chain. */
export const ReportPackageList = () => {
    const translate = useTranslate();
    const locale = useLocale();
    return (
        <List
            sort={{ field: 'id', order: 'DESC' }}
            perPage={25}
            exporter={false}
            empty={false}
            filters={filters}
            actions={
                <TopToolbar>
                    <VerifyChainButton />
                    <GeneratePackageButton />
                </TopToolbar>
            }
        >
            <Alert severity="info" sx={{ m: 1 }}>
                {translate('resources.report_packages.intro')}
            </Alert>
            <DataTable
                bulkActionButtons={false}
                rowClick={false}
                // short words and figures stay on one line; the list of reports and the times wrap
                sx={{
                    '& th, & td.column-version, & td.column-files, & td.column-bytes, & td.column-created_by': {
                        whiteSpace: 'nowrap',
                    },
                    '& td.column-reports': { minWidth: 180 },
                }}
            >
                <DataTable.Col source="business_date" />
                <DataTable.Col source="branch_id" render={(r: PackageRow) => r.branch_name} />
                <DataTable.Col
                    source="version"
                    render={(r: PackageRow) => translate('resources.report_packages.version_n', { version: r.version })}
                />
                <DataTable.Col
                    source="reports"
                    disableSort
                    render={(r: PackageRow) =>
                        r.reports.map((x) => (locale === 'en' ? x.en : x.zh)).join(locale === 'en' ? ', ' : '、')
                    }
                />
                <DataTable.Col
                    source="files"
                    disableSort
                    render={(r: PackageRow) => (
                        <Tooltip title={r.files.map((f) => f.name).join('\n')}>
                            <span>{translate('resources.report_packages.file_count', { count: r.files.length })}</span>
                        </Tooltip>
                    )}
                />
                <DataTable.Col
                    source="bytes"
                    align="right"
                    render={(r: PackageRow) =>
                        translate('resources.report_packages.size_kb', {
                            size: (r.bytes / 1024).toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', {
                                maximumFractionDigits: 1,
                            }),
                        })
                    }
                />
                <DataTable.Col
                    source="source"
                    disableSort
                    render={(r: PackageRow) => (
                        <Chip
                            size="small"
                            variant="outlined"
                            color={r.source === 'day_end' ? 'success' : 'default'}
                            label={translate(`resources.report_packages.sources.${r.source}`)}
                        />
                    )}
                />
                <DataTable.Col source="created_by" disableSort render={(r: PackageRow) => r.created_by_name ?? ''} />
                <DataTable.Col source="created_at">
                    <LocalDateField source="created_at" />
                </DataTable.Col>
                <DataTable.Col
                    source="sha256"
                    disableSort
                    render={(r: PackageRow) => (
                        <Tooltip title={r.sha256}>
                            <code>{r.sha256.slice(0, 12)}</code>
                        </Tooltip>
                    )}
                />
                <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <DownloadPackageButton />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};
