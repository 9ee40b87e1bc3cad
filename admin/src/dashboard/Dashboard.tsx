import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { AppIdentity } from '../providers/authProvider';

/** A welcome card for now; the branch manager's KPIs come later. */
export const Dashboard = () => {
    const translate = useTranslate();
    const { data, isPending } = useGetIdentity();
    const me = data as AppIdentity | undefined;
    if (isPending || !me) return null;
    return (
        <Card sx={{ mt: 2, maxWidth: 720 }}>
            <Title title={translate('app.menu.dashboard')} />
            <CardHeader title={translate('dashboard.welcome', { name: me.name })} />
            <CardContent>
                <Stack spacing={2}>
                    <Row label={translate('dashboard.username')}>{me.username}</Row>
                    <Row label={translate('dashboard.branch')}>
                        {me.branch.name}
                        {me.branch.is_head_office && (
                            <Chip size="small" sx={{ ml: 1 }} label={translate('app.common.head_office')} />
                        )}
                    </Row>
                    <Row label={translate('dashboard.roles')}>
                        {me.roles.length === 0
                            ? translate('dashboard.no_roles')
                            : me.roles.map((role) => (
                                  <Chip key={role.id} size="small" sx={{ mr: 1 }} label={role.name} />
                              ))}
                    </Row>
                    <Row label={translate('dashboard.scope')}>
                        {translate(me.all_branches ? 'dashboard.scope_all' : 'dashboard.scope_own')}
                    </Row>
                </Stack>
            </CardContent>
        </Card>
    );
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ minWidth: 96 }}>
            {label}
        </Typography>
        <Typography variant="body1" component="div">
            {children}
        </Typography>
    </Stack>
);
