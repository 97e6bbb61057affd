import { type CSSProperties, useEffect, useRef } from 'react';
import { prefersReducedMotion } from '../lib/motion';
import { minFontSize, useChartSizes } from './chartSizes';
import { type EChartsOption, echarts } from './echarts';
import { withTextOnlyTooltips } from './echartsText';

type Props = {
  option: EChartsOption;
  className?: string;
  style?: CSSProperties;
  /** Accessible description of what the chart shows. */
  label: string;
};

/**
 * The only component that calls echarts init / setOption / resize / dispose. A panel computes its option
 * with a pure transform and hands it here; this component owns the chart instance's whole life.
 */
export function EChart({ option, className, style, label }: Props) {
  const elRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const sizes = useChartSizes();

  useEffect(() => {
    const el = elRef.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    // Size follows the element (the wall canvas scales with CSS, so the element size is canvas pixels).
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: the option is the whole truth each time; series that disappeared must go.
    const chart = chartRef.current;
    if (!chart) return;
    // Text a transform leaves unsized takes the profile's axis size, never ECharts' 12 px default.
    const textStyle = { fontSize: sizes.axis, ...(option.textStyle as object | undefined) };
    // Tooltips are canvas text: user-supplied names and titles never reach the DOM as markup.
    // Reduced motion: no transition on each update (every live tick would otherwise animate for a second).
    const still = prefersReducedMotion() ? { animation: false } : {};
    chart.setOption(withTextOnlyTooltips({ ...option, textStyle, ...still }), {
      notMerge: true,
      lazyUpdate: true,
    });
    // The smallest text this chart draws, for the wall's 24 px floor check (browser tests, on-site audits).
    const el = elRef.current;
    const min = minFontSize(chart.getOption());
    if (el) el.dataset.minFontPx = min === null ? '' : String(min);
  }, [option, sizes.axis]);

  return <div ref={elRef} className={className} style={style} role="img" aria-label={label} />;
}
