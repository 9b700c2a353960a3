package org.nnx.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnx.train.MetricsRow;
import org.nnx.train.TensorDiagnostics;

/**
 * The per-parameter columns at the end of {@code metrics.csv}: {@code grad_norm:<tensor>} for every parameter
 * tensor, then {@code weight_change:<tensor>} for every one, the tensors named as the report names them
 * ({@code 1:dense.W}) in the network's order. Empty on rows that did not evaluate.
 */
final class ParameterColumns {
    static final String GRADIENT_NORM = "grad_norm:";
    static final String WEIGHT_CHANGE = "weight_change:";

    private final List<String> tensors;

    private ParameterColumns(List<String> tensors) {
        this.tensors = List.copyOf(tensors);
    }

    /** The columns of {@code rows}: every tensor any row has, in the order they first appear. */
    static ParameterColumns of(List<MetricsRow> rows) {
        Set<String> tensors = new LinkedHashSet<>();
        for (MetricsRow row : rows) {
            for (TensorDiagnostics diagnostics : row.parameters()) {
                tensors.add(diagnostics.tensor());
            }
        }
        return new ParameterColumns(new ArrayList<>(tensors));
    }

    List<String> header() {
        List<String> header = new ArrayList<>(2 * tensors.size());
        tensors.forEach(t -> header.add(GRADIENT_NORM + t));
        tensors.forEach(t -> header.add(WEIGHT_CHANGE + t));
        return header;
    }

    /** {@code row}'s cells under {@link #header()}. */
    List<String> fields(MetricsRow row) {
        Map<String, TensorDiagnostics> byTensor = new LinkedHashMap<>();
        row.parameters().forEach(d -> byTensor.put(d.tensor(), d));
        List<String> fields = new ArrayList<>(2 * tensors.size());
        for (String tensor : tensors) {
            TensorDiagnostics d = byTensor.get(tensor);
            fields.add(d == null ? "" : Numbers.compactOrEmpty(d.gradientNorm()));
        }
        for (String tensor : tensors) {
            TensorDiagnostics d = byTensor.get(tensor);
            fields.add(d == null ? "" : Numbers.compactOrEmpty(d.weightChange()));
        }
        return fields;
    }

    /**
     * Reads the per-parameter columns of one line back: a tensor for each {@code grad_norm:} column, with the
     * {@code weight_change:} of the same tensor (NaN without one); empty when every cell is.
     */
    static List<TensorDiagnostics> read(List<String> header, CsvText.Line line, String source)
            throws CsvFormatException {
        List<TensorDiagnostics> parameters = new ArrayList<>();
        boolean any = false;
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c).strip();
            if (!column.startsWith(GRADIENT_NORM)) {
                continue;
            }
            String tensor = column.substring(GRADIENT_NORM.length());
            double gradientNorm = CsvText.number(line.fields().get(c), column, source, line.number());
            int changeColumn = header.indexOf(WEIGHT_CHANGE + tensor);
            double weightChange = changeColumn < 0
                    ? Double.NaN
                    : CsvText.number(line.fields().get(changeColumn), WEIGHT_CHANGE + tensor, source, line.number());
            any |= !Double.isNaN(gradientNorm) || !Double.isNaN(weightChange);
            parameters.add(new TensorDiagnostics(tensor, gradientNorm, weightChange));
        }
        return any ? parameters : List.of();
    }
}
