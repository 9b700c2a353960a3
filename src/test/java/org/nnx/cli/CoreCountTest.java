package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CoreCountTest {

    @Test
    void unsetOrBlankMeansTheMachinesCores() {
        assertEquals(16, CoreCount.of(null, 16));
        assertEquals(2, CoreCount.of(" ", 2));
    }

    @Test
    void aWholeNumberFromOneTo1024IsTaken() {
        assertEquals(1, CoreCount.of("1", 2));
        assertEquals(4, CoreCount.of(" 4 ", 2));
        assertEquals(1024, CoreCount.of("1024", 2));
    }

    @Test
    void anythingElseIsABadInputWithTheRange() {
        for (String value : new String[] {"0", "-2", "1025", "two", "2.5"}) {
            CommandFailure failure = assertThrows(CommandFailure.class, () -> CoreCount.of(value, 2));
            assertEquals(ExitStatus.BAD_INPUT, failure.status());
            assertEquals(
                    "NNX_CORES=" + value + " is not a number of cores; use a whole number from 1 to 1024",
                    failure.getMessage());
        }
    }
}
