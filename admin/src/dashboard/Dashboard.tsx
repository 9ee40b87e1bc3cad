import type { ReactNode } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { AppIdentity } from '../providers/authProvider';
import { AdminHome } from './AdminHome';
import { ApprovalsPanel } from './ApprovalsPanel';
import { ClerkHome } from './ClerkHome';
import { HeadOfficeHome } from './HeadOfficeHome';
import { panelsFor, type PanelId } from './homeLogic';
import { ManagerHome } from './ManagerHome';
import { TellerHome } from './TellerHome';

/**
 * The home page: the operator's day at a glance. The panels follow the operator's rights (never
 * the role's code), so a custom role gets what its rights cover and several roles add up.
 */
export const Dashboard = () => {
    const translate = useTranslate();
    const { data, isPending } = useGetIdentity();
    const { permissions, isPending: permissionsPending } = usePermissions<string[]>();
    const me = data as AppIdentity | undefined;
    if (isPending || permissionsPending || !me) return null;
    const rights: readonly string[] = Array.isArray(permissions) ? permissions : [];
    const date = (me.business_date as string | null | undefined) ?? null;
    const panels = panelsFor(rights, me.all_branches).filter(
        // the business-date panels need the open business date
        (p) => date !== null || !['openings', 'cash', 'orders'].includes(p),
    );
    const operator = { id: Number(me.id), permissions: rights };
    const render: Record<PanelId, () => ReactNode> = {
        approvals: () => <ApprovalsPanel me={operator} />,
        operators: () => <AdminHome.OperatorsPanel />,
        param_changes: () => <AdminHome.ParamChangesPanel />,
        openings: () => <TellerHome.OpeningsPanel date={date!} />,
        cash: () => <TellerHome.CashPanel date={date!} permissions={rights} />,
        orders: () => <TellerHome.OrdersPanel date={date!} />,
        client_search: () => <TellerHome.ClientSearchPanel />,
        day_end: () => (
            <ClerkHome.DayEndPanel
                mayRun={rights.includes('day_end_runs.run')}
                mayImport={rights.includes('trades.create')}
            />
        ),
        kpis: () => <ManagerHome.KpiPanel />,
        branch_comparison: () => <HeadOfficeHome.BranchComparisonPanel />,
    };
    return (
        <Box sx={{ mt: 2, mb: 3 }}>
            <Title title={translate('app.menu.dashboard')} />
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
                <Typography variant="h5" component="h1">
                    {translate('home.welcome', { name: me.name })}
                </Typography>
                <Typography color="text.secondary">{me.branch.name}</Typography>
                <Chip
                    size="small"
                    color="primary"
                    variant="outlined"
                    label={date ? translate('home.business_date', { date }) : translate('home.no_business_date')}
                />
                {me.roles.map((role) => (
                    <Chip key={role.id} size="small" label={role.name} />
                ))}
                {me.all_branches && <Chip size="small" label={translate('home.all_branches')} />}
            </Stack>
            {panels.length === 0 ? (
                <Typography color="text.secondary">{translate('home.no_panels')}</Typography>
            ) : (
                <Box
                    sx={{
                        display: 'grid',
                        gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
                        gap: 2,
                        alignItems: 'stretch',
                    }}
                >
                    {panels.map((p) => (
                        <Box key={p} sx={p === 'day_end' ? { gridRow: 'span 2' } : undefined}>
                            {render[p]()}
                        </Box>
                    ))}
                </Box>
            )}
        </Box>
    );
};
