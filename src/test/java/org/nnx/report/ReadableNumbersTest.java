package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.train.RunResult;

class ReadableNumbersTest {
    @Test
    void formatsNumbersForPeople() {
        assertEquals("92.35 %", ReadableNumbers.percent(0.9235));
        assertEquals("—", ReadableNumbers.percent(Double.NaN));
        assertEquals("8.4 s", ReadableNumbers.duration(8.4));
        assertEquals("2 min 05 s", ReadableNumbers.duration(125));
        assertEquals("1 h 02 min", ReadableNumbers.duration(3725));
        assertEquals("15,235", ReadableNumbers.rate(15234.56));
        assertEquals("—", ReadableNumbers.rate(0));
        assertEquals("12,000", ReadableNumbers.grouped(12000));
        List<RunResult> runs = SyntheticResults.handMade().runs();
        assertEquals("NaN", ReadableNumbers.loss(runs.get(0)));
        assertEquals("0.5", ReadableNumbers.loss(runs.get(1)));
        assertEquals("0.1", ReadableNumbers.loss(runs.get(2)));
    }

    @Test
    void significantKeepsFourDigitsAndSwitchesToScientificAtTheExtremes() {
        assertEquals("0.2731", ReadableNumbers.significant(0.27312));
        assertEquals("10.29", ReadableNumbers.significant(10.2912));
        assertEquals("1.235e-04", ReadableNumbers.significant(0.00012345));
        assertEquals("1.235e+05", ReadableNumbers.significant(123456));
        assertEquals("0.000", ReadableNumbers.significant(0));
        assertEquals("NaN", ReadableNumbers.significant(Double.NaN));
    }
}
