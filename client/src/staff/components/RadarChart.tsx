import { Chart, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';
import { createEffect, onCleanup, onMount } from 'solid-js';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

export interface RadarSeries {
  label: string;
  values: Array<number | null>;
  dashed?: boolean;
}

/**
 * The «паутинка»: competencies round a fixed 0–5 scale, so that charts of different people compare.
 * `onRendered` is called each time the chart has drawn its data (the page tells the PDF renderer it is ready).
 */
export function RadarChart(props: { labels: string[]; series: RadarSeries[]; title: string; onRendered?: () => void }) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'radar'> | undefined;
  const colours = ['#0b4f8a', '#b35c00'];

  onMount(() => {
    chart = new Chart(canvas, {
      type: 'radar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        // Drawn at twice the screen's density so the chart stays sharp on paper.
        devicePixelRatio: Math.max(2, window.devicePixelRatio),
        scales: { r: { min: 0, max: 5, ticks: { stepSize: 1, backdropColor: 'transparent' }, pointLabels: { font: { size: 12 } } } },
        plugins: { legend: { position: 'bottom' } },
      },
      plugins: [
        {
          id: 'rendered',
          afterRender: (c) => {
            if (c.data.datasets.length > 0) props.onRendered?.();
          },
        },
      ],
    });
    const resize = () => chart?.resize();
    window.addEventListener('beforeprint', resize);
    onCleanup(() => {
      window.removeEventListener('beforeprint', resize);
      chart?.destroy();
    });
  });

  createEffect(() => {
    if (!chart) return;
    chart.data.labels = props.labels.map((l) => (l.length > 28 ? splitLabel(l) : l));
    chart.data.datasets = props.series.map((s, i) => ({
      label: s.label,
      data: s.values,
      borderColor: colours[i % colours.length],
      backgroundColor: i === 0 ? 'rgba(11, 79, 138, 0.15)' : 'transparent',
      borderDash: s.dashed ? [6, 4] : [],
      pointRadius: 3,
      fill: i === 0,
    }));
    chart.update();
    props.onRendered?.();
  });

  return (
    <figure class="radar">
      <canvas ref={canvas} role="img" aria-label={props.title} data-testid="radar-chart" />
    </figure>
  );
}

/** Long competency names wrap onto two lines round the chart. */
function splitLabel(label: string): string[] {
  const words = label.split(' ');
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}
