import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use, type ECharts } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
    DatasetComponentOption,
    GridComponentOption,
    LegendComponentOption,
    TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// only what the KPI page draws: this module (and echarts with it) lives in the kpis chunk
use([
    LineChart,
    BarChart,
    PieChart,
    GridComponent,
    TooltipComponent,
    LegendComponent,
    DatasetComponent,
    CanvasRenderer,
]);

export type ChartOption = ComposeOption<
    | LineSeriesOption
    | BarSeriesOption
    | PieSeriesOption
    | GridComponentOption
    | TooltipComponentOption
    | LegendComponentOption
    | DatasetComponentOption
>;

/**
 * An ECharts chart on a div: created with the console's language (ECharts' own ZH or EN words
 * for its tooltips), given each new option whole, resized with its box, disposed on unmount.
 */
export const EChart = ({
    option,
    locale,
    height = 280,
    testId,
}: {
    option: ChartOption;
    locale: string;
    height?: number;
    testId?: string;
}) => {
    const ref = useRef<HTMLDivElement>(null);
    const chart = useRef<ECharts | null>(null);
    /** the latest option, for a chart created again (a change of language) */
    const latest = useRef(option);
    latest.current = option;

    useEffect(() => {
        const el = ref.current;
        if (!el) return;
        const instance = init(el, undefined, { renderer: 'canvas', locale: locale.startsWith('zh') ? 'ZH' : 'EN' });
        instance.setOption(latest.current, true);
        chart.current = instance;
        const observer = new ResizeObserver(() => instance.resize());
        observer.observe(el);
        return () => {
            observer.disconnect();
            instance.dispose();
            chart.current = null;
        };
    }, [locale]);

    useEffect(() => {
        chart.current?.setOption(option, true);
    }, [option]);

    return <div ref={ref} data-testid={testId} style={{ width: '100%', height }} />;
};
