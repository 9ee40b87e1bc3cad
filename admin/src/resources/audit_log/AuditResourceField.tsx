import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { pickLabel } from '../../auto/labels';
import { useResourceMeta } from '../../auto/meta';

/**
 * The audited resource by its name: the admin's own (resources.<resource>.name) or, for a
 * declared parameter table, the label the server declares (收盘价 for closing_prices).
 */
export const AuditResourceField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { data } = useResourceMeta();
    const [locale] = useLocaleState();
    const resource = record?.resource as string | undefined;
    const declared = resource ? data?.labels[resource] : undefined;
    const fallback = declared ? pickLabel(declared, locale, resource) : resource;
    return (
        <Typography variant="body2" component="span">
            {resource ? translate(`resources.${resource}.name`, { smart_count: 1, _: fallback }) : '-'}
        </Typography>
    );
};
