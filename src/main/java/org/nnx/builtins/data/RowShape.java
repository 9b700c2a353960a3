package org.nnx.builtins.data;

import java.util.List;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Shape;

/** {@code csv}'s {@code shape = [1, 28, 28]} (or {@code "1×28×28"}): the image each row's features make. */
final class RowShape {
    private RowShape() {}

    /**
     * The shape {@code value} gives: {@code [channels, height, width]} as numbers (the language makes
     * {@code [height, width]} three with one channel), or the text {@link #parse} reads.
     */
    static Shape of(Object value, int features) throws DatasetException {
        if (value instanceof String text) {
            return parse(text, features);
        }
        if (!(value instanceof List<?> sizes)
                || sizes.size() != 3
                || !sizes.stream().allMatch(size -> size instanceof Number n && n.longValue() >= 1)) {
            throw new DatasetException(
                    "csv: shape " + value + " is not [channels, height, width] in whole numbers ≥ 1");
        }
        return fitting(
                Shape.image(
                        ((Number) sizes.get(0)).intValue(),
                        ((Number) sizes.get(1)).intValue(),
                        ((Number) sizes.get(2)).intValue()),
                features);
    }

    /**
     * {@code channels×height×width} or {@code height×width} ({@code x} or {@code ×} between the sizes), which
     * must hold exactly {@code features} values.
     */
    static Shape parse(String text, int features) throws DatasetException {
        String[] parts = text.trim().split("\\s*[x×]\\s*");
        int[] sizes = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = Integer.parseInt(parts[i]);
                if (sizes[i] < 1) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            sizes = new int[0];
        }
        if (sizes.length != 2 && sizes.length != 3) {
            throw new DatasetException(
                    "csv: shape \"" + text + "\" is not channels×height×width or height×width in whole numbers ≥ 1");
        }
        return fitting(
                sizes.length == 2 ? Shape.image(1, sizes[0], sizes[1]) : Shape.image(sizes[0], sizes[1], sizes[2]),
                features);
    }

    private static Shape fitting(Shape shape, int features) throws DatasetException {
        if ((long) shape.channels() * shape.height() * shape.width() != features) {
            throw new DatasetException("csv: shape " + shape + " holds " + shape.size() + " values, but each row has "
                    + features + " features");
        }
        return shape;
    }
}
