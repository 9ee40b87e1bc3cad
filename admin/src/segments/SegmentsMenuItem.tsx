import BubbleChartIcon from '@mui/icons-material/BubbleChart';
import { Button } from '@mui/material';
import { Menu, useCanAccess, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

/** The 客户分群 page's route; the page itself (and echarts) loads lazily from App.tsx. */
export const SEGMENTS_PATH = '/segments';

/** 客户分群 in the menu, only for operators with kpis.list (manager, head office). */
export const SegmentsMenuItem = () => {
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'kpis', action: 'list' });
    if (!canAccess) return null;
    return <Menu.Item to={SEGMENTS_PATH} primaryText={translate('segments.menu')} leftIcon={<BubbleChartIcon />} />;
};

/** The way from 经营指标 to 客户分群 (a link in the KPI page's header). */
export const SegmentsLink = () => {
    const translate = useTranslate();
    return (
        <Button
            component={RouterLink}
            to={SEGMENTS_PATH}
            size="small"
            startIcon={<BubbleChartIcon />}
            data-testid="kpi-segments-link"
        >
            {translate('segments.kpi_link')}
        </Button>
    );
};
