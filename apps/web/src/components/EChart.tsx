import { type CSSProperties, useEffect, useRef } from 'react';
import { type EChartsOption, echarts } from './echarts';

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
    chartRef.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={elRef} className={className} style={style} role="img" aria-label={label} />;
}
