import { Alert } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

/** On a restore's approval (复核): what approving it does, in words, above the request's details. */
export const RestoreApprovalNotice = ({ payload }: { payload: unknown }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const p = (payload && typeof payload === 'object' ? payload : {}) as {
        kind?: string;
        business_date?: string;
        created_at?: string;
    };
    return (
        <Alert severity="warning" sx={{ mb: 1, maxWidth: 960 }}>
            {translate('resources.backups.approval_notice', {
                kind: translate(`resources.backups.kinds.${p.kind}`, { _: p.kind ?? '' }),
                date: p.business_date ?? '—',
                time: p.created_at ? new Date(p.created_at).toLocaleString(locale) : '—',
            })}
        </Alert>
    );
};
