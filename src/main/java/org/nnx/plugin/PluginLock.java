package org.nnx.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code plugins.lock}: the SHA-256 each plugin jar nnx may load must have, one line a jar,
 * {@code <sha256>  <jar as found>}. Written by {@code nnx plugins --lock}. While it exists, nnx refuses any jar
 * whose content differs from its pin, or that has none, before running any of its code.
 */
public final class PluginLock {
    /** The lock's file name, in the working folder beside {@code plugins/}. */
    public static final String FILE_NAME = "plugins.lock";

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})\\s+(\\S.*)");
    private static final String HEADER =
            "# The SHA-256 of each plugin jar nnx may load; written by nnx plugins --lock.\n"
                    + "# nnx refuses a jar whose content differs from its line here, or that has none.\n";

    private final Path file;
    private final Map<String, String> pins;

    private PluginLock(Path file, Map<String, String> pins) {
        this.file = file;
        this.pins = Map.copyOf(pins);
    }

    /**
     * The lock at {@code file}, or empty when there is none.
     *
     * @throws PluginStartupException when it cannot be read or a line is not {@code <sha256>  <path>}
     */
    public static Optional<PluginLock> read(Path file) throws PluginStartupException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PluginStartupException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        Map<String, String> pins = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new PluginStartupException(
                        List.of(
                                file + ":" + (i + 1) + ": not '<sha256>  <jar>'"
                                        + " (64 lower-case hex digits, spaces, the jar's path); run nnx plugins --lock to write it anew"));
            }
            pins.put(matcher.group(2), matcher.group(1));
        }
        return Optional.of(new PluginLock(file, pins));
    }

    /**
     * Why the jar found at {@code path} with content {@code sha256} must not load, or empty when it may.
     */
    Optional<String> refusal(String path, String sha256) {
        String pinned = pins.get(path);
        if (pinned == null) {
            return Optional.of("not pinned in " + file + "; if you trust it, run nnx plugins --lock");
        }
        if (!pinned.equals(sha256)) {
            return Optional.of("its SHA-256 differs from its pin in " + file + ": expected " + pinned + ", found "
                    + sha256 + "; if you trust the new jar, run nnx plugins --lock");
        }
        return Optional.empty();
    }

    /**
     * Pins every jar of {@code directories}, as {@link PluginLoader} finds them, without running any of them.
     *
     * @return one line per jar, {@code <sha256>  <path>}
     */
    public static List<String> pins(List<Path> directories) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path directory : directories) {
            for (Path jar : PluginLoader.jars(directory, warning -> {})) {
                lines.add(PluginLoader.sha256(jar) + "  " + jar);
            }
        }
        return lines;
    }

    /** The lock file's text for {@link #pins}. */
    public static String text(List<String> pins) {
        StringBuilder text = new StringBuilder(HEADER);
        pins.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
