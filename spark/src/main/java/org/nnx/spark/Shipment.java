package org.nnx.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * What the driver ships with the job so that an executor which does not see the driver's files can still train:
 * each {@code .nnx} file with the {@code .nnx} files beside it (those it imports), {@code plugins.lock}, and each
 * plugin folder's jars as an archive. An executor uses the driver's path when it sees it (the same machine, or
 * shared storage), else the shipped copy; a dataset's file travels with {@code --conf spark.files=PATH}.
 */
final class Shipment {
    /** A file or folder as the driver names it, and the name its shipped copy has on executors (null: none). */
    record Shipped(String driverPath, String shippedName) implements Serializable {
        /** Where this executor finds it. */
        Path here() {
            Path path = Path.of(driverPath);
            if (shippedName == null || Files.exists(path)) {
                return path;
            }
            return Path.of(SparkFiles.get(shippedName));
        }
    }

    private final JavaSparkContext spark;
    private final Path scratch;
    private final Map<Path, Shipped> shipped = new HashMap<>();

    /** @param scratch a folder for the archives of plugin folders, which the caller deletes */
    Shipment(JavaSparkContext spark, Path scratch) {
        this.spark = spark;
        this.scratch = scratch;
    }

    /** A run's {@code .nnx} file, shipped with its neighbours the first time. */
    synchronized Shipped nnxFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!shipped.containsKey(absolute) && Files.isRegularFile(absolute)) {
            try (Stream<Path> siblings = Files.list(absolute.getParent())) {
                for (Path sibling :
                        siblings.filter(p -> p.toString().endsWith(".nnx")).toList()) {
                    ship(sibling);
                }
            }
        }
        return shipped.getOrDefault(absolute, new Shipped(absolute.toString(), null));
    }

    /** {@code plugins.lock}, shipped when it exists. */
    synchronized Shipped file(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!shipped.containsKey(absolute) && Files.isRegularFile(absolute)) {
            ship(absolute);
        }
        return shipped.getOrDefault(absolute, new Shipped(absolute.toString(), null));
    }

    /** A plugin folder, its jars shipped as one archive the first time. */
    synchronized Shipped pluginFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        Shipped known = shipped.get(absolute);
        if (known != null) {
            return known;
        }
        List<Path> jars = List.of();
        if (Files.isDirectory(absolute)) {
            try (Stream<Path> files = Files.list(absolute)) {
                jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
        }
        Shipped result = new Shipped(absolute.toString(), null);
        if (!jars.isEmpty()) {
            String name = "nnx-plugins-" + shipped.size() + ".zip";
            Path archive = scratch.resolve(name);
            try (OutputStream bytes = Files.newOutputStream(archive);
                    ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path jar : jars) {
                    zip.putNextEntry(new ZipEntry(jar.getFileName().toString()));
                    Files.copy(jar, zip);
                    zip.closeEntry();
                }
            }
            spark.sc().addArchive(archive.toString());
            result = new Shipped(absolute.toString(), name);
        }
        shipped.put(absolute, result);
        return result;
    }

    private void ship(Path file) {
        String name = file.getFileName().toString();
        boolean taken = shipped.values().stream().anyMatch(s -> name.equals(s.shippedName()));
        // Executors hold shipped files under their names: of two files of one name, the first travels.
        if (!taken) {
            spark.addFile(file.toString());
        }
        shipped.put(file, new Shipped(file.toString(), taken ? null : name));
    }
}
