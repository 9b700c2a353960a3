/**
 * The service-provider interface of nnx: what a layer, loss, optimizer, initializer and dataset are, and
 * how a plugin contributes them by name. It depends on nothing but the JDK and {@link org.nnx.tensor};
 * the built-ins are registered through it exactly as a plugin jar's contributions are.
 *
 * <p>A contribution is a small named factory ({@link org.nnx.spi.LayerFactory} and its siblings) with a
 * parameter schema ({@link org.nnx.spi.ParameterSpec}), so that {@code nnx check} validates a plugin's
 * arguments exactly like a built-in's. A plugin jar lists its {@link org.nnx.spi.NnxPlugin} in
 * {@code META-INF/services/org.nnx.spi.NnxPlugin}, and states the SPI version it was compiled against
 * ({@link org.nnx.spi.NnxPlugin#spiVersion()}).
 *
 * <p>Besides what every layer or optimizer does, one may say what more it can do by implementing a capability
 * interface; nnx asks for these, never for a built-in class: {@link org.nnx.spi.Freezable},
 * {@link org.nnx.spi.SkipsInputGradient} and {@link org.nnx.spi.DescendsInBackward} for layers,
 * {@link org.nnx.spi.PlainGradientDescent} for optimizers. Each states when nnx calls it and what must hold.
 *
 * <p>A plugin jar is loaded by a class loader of its own that sees the jar, this package,
 * {@link org.nnx.tensor} and the JDK, and nothing else: not the rest of nnx, not nnx's libraries, not other
 * plugins. A plugin author's build depends on the {@code org.nnx:nnx-spi} artifact, which holds these two
 * packages alone, with scope {@code provided}, and tests the plugin with {@code org.nnx:nnx-plugin-testkit}.
 * {@code docs/plugins.md} is the plugin author's guide.
 */
package org.nnx.spi;
