package org.nnx.spark;

import org.nnx.cli.RunEngine;

/**
 * {@code nnx run --engine spark}: each run of a plan is one Spark task, on an embedded Spark ({@code --master
 * local[*]}, the default) or a cluster. Found by {@link java.util.ServiceLoader} when this module is on nnx's
 * class path; it touches Spark's classes only once it starts, so that it can say what to do when Spark is not.
 */
public final class SparkEngine implements RunEngine {
    static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Runs start(Settings settings) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkEngine.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Unavailable("--engine spark: Spark is not on the class path; start nnx as ./nnx run ..."
                    + " --engine spark (it builds spark/ and puts Spark on the class path), or with spark-submit");
        }
        return new SparkRuns(settings);
    }
}
