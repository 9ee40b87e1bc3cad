import { useRecordContext, useTranslate } from 'react-admin';

/** The client class (dictionary category client_class) in the UI language. */
// source/label are read by the show layout and DataTable to label the column.
export const ClientClassField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.client_class) return null;
    return <>{translate(`resources.clients.class.${record.client_class}`, { _: record.client_class })}</>;
};
