package org.nnx.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;

/**
 * A listener Spark makes as its context starts ({@code spark.extraListeners}): it deletes the file {@code
 * spark.nnx.test.delete} names, after nnx checked the sweep and before any executor reads it, as an executor
 * that cannot see a dataset's path would find it.
 */
public final class DeletesFileAtStart extends SparkListener {
    public DeletesFileAtStart(SparkConf conf) {
        try {
            Files.delete(Path.of(conf.get("spark.nnx.test.delete")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
