import { Box, Stack, Typography } from '@mui/material';
import { Labeled, TextField, useRecordContext } from 'react-admin';
import { ClientClassField } from './ClientClassField';
import { ClientManagerField } from './ClientManagerField';
import { ClientStatusField } from './ClientStatusField';

/** 客户全景视图 header: who the client is at a glance, above the tabs. */
export const ClientHeader = () => {
    const record = useRecordContext();
    if (!record) return null;
    return (
        <Box sx={{ px: 2, pt: 2, pb: 1 }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h5" component="h2">
                    {record.name}
                </Typography>
                <Typography
                    variant="h6"
                    component="span"
                    color="text.secondary"
                    sx={{ fontVariantNumeric: 'tabular-nums' }}
                >
                    {record.client_no}
                </Typography>
                <ClientStatusField size="medium" />
            </Stack>
            <Stack direction="row" spacing={4} sx={{ mt: 1, flexWrap: 'wrap' }}>
                <Labeled source="client_class">
                    <ClientClassField />
                </Labeled>
                <Labeled source="client_manager_id">
                    <ClientManagerField />
                </Labeled>
                <Labeled source="opened_on">
                    <TextField source="opened_on" />
                </Labeled>
                <Labeled source="phone">
                    <TextField source="phone" emptyText="-" />
                </Labeled>
            </Stack>
        </Box>
    );
};
