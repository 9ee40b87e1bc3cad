import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { BooleanField, Labeled, ReferenceField, SelectField, TextField, useTranslate } from 'react-admin';
import { GENDER_CHOICES } from './clientChoices';
import { ClientClassField } from './ClientClassField';
import { ClientManagerField } from './ClientManagerField';
import { ClientStatusField } from './ClientStatusField';

const Grid = ({ children }: { children: ReactNode }) => (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2, mb: 2 }}>
        {children}
    </Box>
);

const Heading = ({ title }: { title: string }) => {
    const translate = useTranslate();
    return (
        <>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mt: 1 }}>
                {translate(title)}
            </Typography>
            <Divider sx={{ mb: 1.5 }} />
        </>
    );
};

/** 资料: the client's data, order channels and agent. */
export const ClientProfileTab = (_props: { label?: false }) => (
    <Box>
        <Heading title="resources.clients.sections.basic" />
        <Grid>
            <Labeled source="client_no">
                <TextField source="client_no" />
            </Labeled>
            <Labeled source="name">
                <TextField source="name" />
            </Labeled>
            <Labeled source="id_number">
                <TextField source="id_number" />
            </Labeled>
            <Labeled source="gender">
                <SelectField source="gender" choices={GENDER_CHOICES} />
            </Labeled>
            <Labeled source="birth_date">
                <TextField source="birth_date" />
            </Labeled>
            <Labeled source="phone">
                <TextField source="phone" emptyText="-" />
            </Labeled>
            <Labeled source="address">
                <TextField source="address" emptyText="-" />
            </Labeled>
            <Labeled source="client_class">
                <ClientClassField />
            </Labeled>
            <Labeled source="client_manager_id">
                <ClientManagerField />
            </Labeled>
            <Labeled source="status">
                <ClientStatusField />
            </Labeled>
            <Labeled source="branch_id">
                <ReferenceField source="branch_id" reference="branches" link={false} />
            </Labeled>
            <Labeled source="opened_on">
                <TextField source="opened_on" />
            </Labeled>
            <Labeled source="closed_on">
                <TextField source="closed_on" emptyText="-" />
            </Labeled>
        </Grid>
        <Heading title="resources.clients.sections.permissions" />
        <Grid>
            <Labeled source="allow_counter">
                <BooleanField source="allow_counter" />
            </Labeled>
            <Labeled source="allow_phone">
                <BooleanField source="allow_phone" />
            </Labeled>
            <Labeled source="allow_online">
                <BooleanField source="allow_online" />
            </Labeled>
        </Grid>
        <Heading title="resources.clients.sections.agent" />
        <Grid>
            <Labeled source="agent_name">
                <TextField source="agent_name" emptyText="-" />
            </Labeled>
            <Labeled source="agent_id_number">
                <TextField source="agent_id_number" emptyText="-" />
            </Labeled>
            <Labeled source="agent_phone">
                <TextField source="agent_phone" emptyText="-" />
            </Labeled>
        </Grid>
    </Box>
);
