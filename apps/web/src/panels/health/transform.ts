import type { Health } from '@cockpit/contracts';
import type { ChartSizes } from '../../components/chartSizes';
import type { EChartsOption } from '../../components/echarts';

/** Pure transform: the share of healthy upstream systems as a gauge. */
export function healthGaugeOption(
  health: Health,
  labels: { title: string },
  sizes: ChartSizes,
): EChartsOption {
  const total = health.upstreams.length;
  const healthy = health.upstreams.filter((u) => u.breaker === 'closed').length;
  const share = total === 0 ? (health.status === 'ok' ? 1 : 0) : healthy / total;
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        radius: '95%',
        startAngle: 210,
        endAngle: -30,
        progress: { show: true, width: sizes.stroke },
        axisLine: { lineStyle: { width: sizes.stroke, color: [[1, 'rgba(120,160,210,0.25)']] } },
        itemStyle: { color: share >= 0.999 ? '#2ecc71' : share >= 0.5 ? '#f5a524' : '#ff4d4f' },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        title: { show: true, offsetCenter: [0, '42%'], color: '#b9c9e4', fontSize: sizes.label },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '-5%'],
          fontSize: sizes.figure,
          fontWeight: 700,
          color: '#eaf2ff',
          formatter: '{value}%',
        },
        data: [{ value: Math.round(share * 1000) / 10, name: labels.title }],
      },
    ],
  };
}
