package org.nnx.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Under spark-submit, {@code run} trains on Spark unless told otherwise; other commands are nnx's as they are. */
class SparkMainTest {
    @Test
    void runGetsTheSparkEngine() {
        assertArrayEquals(
                new String[] {"run", "--engine", "spark", "sweep.nnx", "--out", "reports"},
                SparkMain.withSparkEngine(new String[] {"run", "sweep.nnx", "--out", "reports"}));
    }

    @Test
    void anEngineGivenStands() {
        String[] local = {"run", "sweep.nnx", "--engine", "local"};
        assertArrayEquals(local, SparkMain.withSparkEngine(local));
        String[] joined = {"run", "sweep.nnx", "--engine=local"};
        assertArrayEquals(joined, SparkMain.withSparkEngine(joined));
    }

    @Test
    void otherCommandsAreNnxsOwn() {
        String[] check = {"check", "sweep.nnx"};
        assertArrayEquals(check, SparkMain.withSparkEngine(check));
        assertArrayEquals(new String[0], SparkMain.withSparkEngine(new String[0]));
    }
}
