import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { HomeCard } from './HomeCard';
import { useKpiStatus } from './ManagerHome';

/** 营业部对比 (head office): the KPI page compares the branches; the link waits for the page to exist. */
export const BranchComparisonPanel = () => {
    const translate = useTranslate();
    const { data, isPending } = useKpiStatus();
    return (
        <HomeCard
            testId="branch-comparison"
            title={translate('home.branches.title')}
            loading={isPending}
            caption={translate('home.branches.caption')}
            links={
                data?.state === 'ready' ? [{ label: translate('home.branches.open'), to: '/kpis', primary: true }] : []
            }
        >
            {data?.state !== 'ready' && (
                <Typography variant="body2" color="text.secondary">
                    {translate(`home.kpis.${data?.state ?? 'not_yet'}`)}
                </Typography>
            )}
        </HomeCard>
    );
};

/** Head office's panel (the pending items are the shared ApprovalsPanel). */
export const HeadOfficeHome = { BranchComparisonPanel };
