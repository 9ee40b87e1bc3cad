import InsightsIcon from '@mui/icons-material/Insights';
import { Menu, useCanAccess, useTranslate } from 'react-admin';

/** The KPI page's route; the page itself (and echarts) loads lazily from App.tsx. */
export const KPIS_PATH = '/kpis';

/** 经营指标 in the menu, only for operators with kpis.list (manager, head office). */
export const KpiMenuItem = () => {
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'kpis', action: 'list' });
    if (!canAccess) return null;
    return <Menu.Item to={KPIS_PATH} primaryText={translate('kpis.menu')} leftIcon={<InsightsIcon />} />;
};
