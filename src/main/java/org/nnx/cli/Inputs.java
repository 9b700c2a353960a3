package org.nnx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a command reads: each {@code .nnx} file given, and the {@code .nnx} files directly in each folder
 * given, in name order (a tour numbers its files: {@code 01-loss-functions.nnx}, {@code 02-…}).
 *
 * @param folders the folders given, whose runs get a page linking their reports
 */
record Inputs(List<Path> files, List<Path> folders) {
    Inputs {
        files = List.copyOf(files);
        folders = List.copyOf(folders);
    }

    /** @throws CommandFailure (status 2) for a folder without {@code .nnx} files, or that cannot be read */
    static Inputs of(List<Path> given) {
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path path : given) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            folders.add(path);
            List<Path> inside = nnxFiles(path);
            if (inside.isEmpty()) {
                throw new CommandFailure(ExitStatus.BAD_INPUT, path + " is a folder with no .nnx file in it");
            }
            files.addAll(inside);
        }
        return new Inputs(files, folders);
    }

    /** The title of the page linking the folders' reports: their names; null when no folder was given. */
    String indexTitle() {
        return folders.isEmpty()
                ? null
                : String.join(
                        ", ",
                        folders.stream()
                                .map(folder -> String.valueOf(
                                        folder.toAbsolutePath().normalize().getFileName()))
                                .toList());
    }

    private static List<Path> nnxFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".nnx") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, folder + ": cannot read the folder: " + e.getMessage());
        }
    }
}
