package org.nnx.plugin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnx.spi.NnxPlugin;

/**
 * A range of plugin SPI versions, {@code 1..2}, or open above, {@code 2..}: the versions a jar states it works
 * with (its manifest's {@value NnxPlugin#SPI_VERSIONS_ATTRIBUTE}), or the versions this nnx provides
 * ({@link #PROVIDED}). The SPI only grows compatibly within the versions nnx provides, so a plugin loads when
 * the two ranges meet.
 *
 * @param oldest the oldest version
 * @param newest the newest version; {@link Integer#MAX_VALUE} when open above
 */
public record SpiVersions(int oldest, int newest) {
    /** What this nnx provides: plugins compiled against any of these versions load. */
    public static final SpiVersions PROVIDED = new SpiVersions(NnxPlugin.OLDEST_SPI_VERSION, NnxPlugin.SPI_VERSION);

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,9})\\s*(?:(\\.\\.)\\s*(\\d{1,9})?)?\\s*");

    public SpiVersions {
        if (oldest < 0 || newest < oldest) {
            throw new IllegalArgumentException("no SPI version lies in " + oldest + ".." + newest);
        }
    }

    /** Every version from {@code oldest} on: what a plugin compiled against {@code oldest} needs, unless it says. */
    public static SpiVersions from(int oldest) {
        return new SpiVersions(oldest, Integer.MAX_VALUE);
    }

    /**
     * {@code 2}, {@code 1..3} or {@code 2..}.
     *
     * @throws IllegalArgumentException naming what a range looks like
     */
    public static SpiVersions parse(String text) {
        Matcher matcher = RANGE.matcher(text);
        if (matcher.matches()) {
            int oldest = Integer.parseInt(matcher.group(1));
            int newest = matcher.group(2) == null
                    ? oldest
                    : matcher.group(3) == null ? Integer.MAX_VALUE : Integer.parseInt(matcher.group(3));
            if (newest >= oldest) {
                return new SpiVersions(oldest, newest);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a range of SPI versions such as 2, 1..3 or 2..");
    }

    public boolean contains(int version) {
        return oldest <= version && version <= newest;
    }

    public boolean meets(SpiVersions other) {
        return oldest <= other.newest && other.oldest <= newest;
    }

    /** {@code 1..2}, {@code 2..} or {@code 2}. */
    @Override
    public String toString() {
        if (newest == Integer.MAX_VALUE) {
            return oldest + "..";
        }
        return oldest == newest ? String.valueOf(oldest) : oldest + ".." + newest;
    }
}
