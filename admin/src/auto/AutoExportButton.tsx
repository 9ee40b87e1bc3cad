import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { API_URL } from '../providers/httpClient';
import { cleanFilter, exportUrl } from './fieldLogic';
import { downloadFile } from './download';

/**
 * Excel export of the whole filtered list, made by the server (GET /api/<name>/export with the
 * list's sort and filter), not react-admin's page-by-page client exporter. Hidden without the
 * export right.
 */
export const AutoExportButton = ({ resource: resourceProp }: { resource?: string }) => {
    const resource = useResourceContext({ resource: resourceProp })!;
    const { sort, filterValues, total } = useListContext();
    const { canAccess } = useCanAccess({ resource, action: 'export' });
    const notify = useNotify();
    const translate = useTranslate();
    const [busy, setBusy] = useState(false);
    if (!canAccess) return null;
    const onClick = async () => {
        setBusy(true);
        try {
            await downloadFile(exportUrl(API_URL, resource, sort, cleanFilter(filterValues)), `${resource}.xlsx`);
        } catch (error) {
            notify('auto.export.failed', { type: 'error', messageArgs: { message: (error as Error).message } });
        } finally {
            setBusy(false);
        }
    };
    return (
        <Button label={translate('auto.export.button')} onClick={onClick} disabled={busy || total === 0}>
            {busy ? <CircularProgress size={16} /> : <DownloadIcon />}
        </Button>
    );
};
