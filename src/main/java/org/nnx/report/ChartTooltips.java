package org.nnx.report;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Tooltips for the report's image maps: {@code run · iteration 1200 · loss 0.2731}. Only some points of
 * a long curve get one, so that an 80-run chart does not carry hundreds of thousands of map areas.
 */
final class ChartTooltips {
    /** At most about this many map areas per chart; every point of a short curve still gets one. */
    static final int AREAS_PER_CHART = 1600;
    /** But at least this many per curve, so each curve can be identified somewhere along its length. */
    static final int MIN_AREAS_PER_SERIES = 12;

    private ChartTooltips() {}

    /** The stride for each series of {@code dataset}: every n-th item gets a map area. */
    static int[] strides(XYDataset dataset, int seriesInChart) {
        int perSeries = Math.max(MIN_AREAS_PER_SERIES, AREAS_PER_CHART / Math.max(1, seriesInChart));
        int[] strides = new int[dataset.getSeriesCount()];
        for (int s = 0; s < strides.length; s++) {
            strides[s] = Math.max(1, (dataset.getItemCount(s) + perSeries - 1) / perSeries);
        }
        return strides;
    }

    /** {@code label · iteration 1200 · what 0.2731}, or the percentage for accuracies. */
    static XYToolTipGenerator generator(List<String> labels, XAxisKind axis, String what, boolean percent) {
        return (dataset, series, item) -> {
            double x = dataset.getXValue(series, item);
            double y = dataset.getYValue(series, item);
            String xText = axis == XAxisKind.ITERATION
                    ? ReadableNumbers.grouped((long) x)
                    : String.format(Locale.ROOT, "%.2f", x);
            String yText = percent ? String.format(Locale.ROOT, "%.2f %%", 100 * y) : ReadableNumbers.significant(y);
            return labels.get(series) + " · " + axis.label() + " " + xText + " · " + what + " " + yText;
        };
    }

    /**
     * Which items of each series get a map area: every n-th, n being the series' stride. The two renderers
     * below extend different JFreeChart classes, so each holds one of these and asks it.
     */
    static final class EntityStrides implements Serializable {
        private static final long serialVersionUID = 1L;
        private int[] strides = new int[0];

        void set(int[] strides) {
            this.strides = strides.clone();
        }

        boolean createsEntity(int series, int item) {
            return series < strides.length && strides[series] > 0 && item % strides[series] == 0;
        }
    }

    /** A line renderer that creates entities (map areas) only at every n-th item of each series. */
    static final class SparseLineRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        final EntityStrides strides = new EntityStrides();

        SparseLineRenderer() {
            super(true, false);
        }

        @Override
        public boolean getItemVisible(int series, int item) {
            ChartSvg.drawingSeries(getPlot(), this, series);
            return super.getItemVisible(series, item);
        }

        @Override
        public boolean getItemCreateEntity(int series, int item) {
            return strides.createsEntity(series, item) && super.getItemCreateEntity(series, item);
        }
    }

    /** A band renderer (mean line with a ± sd band) with the same sparse entities. */
    static final class SparseDeviationRenderer extends DeviationRenderer {
        private static final long serialVersionUID = 1L;
        final EntityStrides strides = new EntityStrides();

        SparseDeviationRenderer() {
            super(true, false);
        }

        @Override
        public boolean getItemVisible(int series, int item) {
            ChartSvg.drawingSeries(getPlot(), this, series);
            return super.getItemVisible(series, item);
        }

        @Override
        public boolean getItemCreateEntity(int series, int item) {
            return strides.createsEntity(series, item) && super.getItemCreateEntity(series, item);
        }
    }
}
