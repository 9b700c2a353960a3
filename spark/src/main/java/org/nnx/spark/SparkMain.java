package org.nnx.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnx.cli.Main;

/**
 * nnx under {@code spark-submit}: {@code spark-submit --class org.nnx.spark.SparkMain nnx-spark.jar run FILE...
 * --out DIR}. It is nnx's command line, with {@code --engine spark} for {@code run} unless another engine is
 * given; the master is spark-submit's.
 */
public final class SparkMain {
    private SparkMain() {}

    public static void main(String[] args) throws InterruptedException {
        Main.main(withSparkEngine(args));
    }

    static String[] withSparkEngine(String[] args) {
        List<String> given = Arrays.asList(args);
        if (given.isEmpty()
                || !given.get(0).equals("run")
                || given.stream().anyMatch(a -> a.equals("--engine") || a.startsWith("--engine="))) {
            return args;
        }
        List<String> result = new ArrayList<>(given);
        result.addAll(1, List.of("--engine", SparkEngine.NAME));
        return result.toArray(String[]::new);
    }
}
