package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class ValueRangeTest {
    @Test
    void onlyFiniteValuesCount() {
        ValueRange range = ValueRange.ofFinite(
                DoubleStream.of(3, Double.NaN, -2, Double.POSITIVE_INFINITY, 7, Double.NEGATIVE_INFINITY));
        assertEquals(new ValueRange(-2, 7), range);
        assertFalse(range.isEmpty());
    }

    @Test
    void noValuesLeaveAnEmptyRange() {
        ValueRange none = ValueRange.ofFinite(DoubleStream.of(Double.NaN));
        assertTrue(none.isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, none.min());
        assertEquals(Double.NEGATIVE_INFINITY, none.max());
        assertFalse(ValueRange.ofFinite(DoubleStream.of(5)).isEmpty(), "one value");
    }
}
