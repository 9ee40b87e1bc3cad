import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';

/** 持仓 / 委托 / 成交: place kept for the order module. */
export const ComingLaterTab = (_props: { label?: false }) => {
    const translate = useTranslate();
    return (
        <Alert severity="info" variant="outlined">
            {translate('resources.clients.messages.coming_later')}
        </Alert>
    );
};
