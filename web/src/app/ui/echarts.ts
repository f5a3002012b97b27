import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the pages draw with (bar, line, pie and gauge series; grid, tooltip,
 * legend and mark lines), not the whole library: about a third of its size. A page whose chart
 * needs another series type or component registers it here. Loaded only when a chart mounts
 * (chart.tsx), so no page waits for it before showing its tables and figures.
 */
use([
  BarChart,
  LineChart,
  PieChart,
  GaugeChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  LabelLayout,
  CanvasRenderer,
]);

export { init };
