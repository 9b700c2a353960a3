package org.nnx.report;

/** Makes chart rendering work without a display (servers, CI, SSH sessions). */
final class Headless {
    private Headless() {}

    /**
     * Turns on headless AWT unless the user set the property. Must run before the first AWT class that
     * asks the graphics environment, which is why the chart classes call it from static initializers.
     */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
