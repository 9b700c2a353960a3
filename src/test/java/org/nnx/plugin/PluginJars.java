package org.nnx.plugin;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.nnx.spi.NnxPlugin;

/**
 * Plugin jars made at test time, as a plugin author would make them: Java sources compiled with javac
 * (javax.tools) against nnx's own classes, then packed with java.util.jar together with a
 * {@code META-INF/services/org.nnx.spi.NnxPlugin} file. Nothing is prebuilt, so the tests work from a
 * clean checkout.
 */
public final class PluginJars {
    /** The example plugin's sources in the repository, relative to the project folder tests run in. */
    public static final Path EXAMPLE = Path.of("plugins", "acme-example", "src", "main");

    public static final String SERVICE_FILE = "META-INF/services/" + NnxPlugin.class.getName();

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile(
            "^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)", Pattern.MULTILINE);

    private PluginJars() {}

    /**
     * The source of a plugin class {@code pkg.type} named {@code name}, for the current SPI version, with
     * {@code members} as the rest of its body. It imports what test plugins use: List, the SPI, Tensor and
     * Precision.
     */
    public static String pluginSource(String pkg, String type, String name, String members) {
        return """
                package %s;

                import java.util.List;
                import org.nnx.spi.*;
                import org.nnx.tensor.Precision;
                import org.nnx.tensor.Tensor;

                public final class %s implements NnxPlugin {
                    public int spiVersion() { return SPI_VERSION; }
                    public String name() { return "%s"; }
                %s
                }
                """.formatted(pkg, type, name, members);
    }

    /** As {@link #pluginSource}, for a plugin whose one contribution is a layer: {@code factory} is its body. */
    public static String layerPluginSource(String pkg, String type, String name, String factory) {
        return pluginSource(pkg, type, name, """
                public List<LayerFactory> layers() {
                    return List.of(new LayerFactory() {
                %s
                    });
                }
                """.formatted(factory));
    }

    /**
     * A plugins folder, {@code work/plugins}, holding one unversioned jar {@code jarName} of {@code sources}
     * (compiled under {@code work}) whose plugin is the class {@code provider}.
     */
    public static Path pluginFolder(Path work, String jarName, String provider, String... sources) throws IOException {
        Path classes = compile(writeSources(work.resolve("src"), sources), work.resolve("classes"));
        Path folder = Files.createDirectories(work.resolve("plugins"));
        String packagePath = provider.substring(0, provider.lastIndexOf('.')).replace('.', '/') + "/";
        jar(folder.resolve(jarName), classes, List.of(packagePath), provider + "\n", null);
        return folder;
    }

    /** Writes each source where javac expects it, by its package and public type, under {@code root}. */
    public static Path writeSources(Path root, String... sources) throws IOException {
        for (String source : sources) {
            Matcher packageName = PACKAGE.matcher(source);
            Matcher type = TYPE.matcher(source);
            if (!packageName.find() || !type.find()) {
                throw new IllegalArgumentException("a test source needs a package and a public type:\n" + source);
            }
            Path file = root.resolve(packageName.group(1).replace('.', '/')).resolve(type.group(1) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        }
        return root;
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} into {@code classes}, against nnx's classes only. */
    public static Path compile(Path sourceRoot, Path classes) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("tests need a JDK, not a JRE: no system Java compiler");
        }
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of(
                "--release",
                "17",
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-classpath",
                nnxClasses(),
                "-d",
                classes.toString()));
        arguments.addAll(files);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(
                    "javac failed on " + sourceRoot + ":\n" + messages.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /**
     * Packs the class files under {@code classes} whose path starts with one of {@code prefixes}
     * ({@code com/acme/}) into {@code jar}.
     *
     * @param services the content of {@code META-INF/services/org.nnx.spi.NnxPlugin}; null for none
     * @param version  the manifest's {@code Implementation-Version}; null for none
     */
    public static Path jar(Path jar, Path classes, List<String> prefixes, String services, String version)
            throws IOException {
        return jar(jar, classes, prefixes, services, version, Map.of());
    }

    /** As {@link #jar(Path, Path, List, String, String)}, with further manifest attributes. */
    public static Path jar(
            Path jar,
            Path classes,
            List<String> prefixes,
            String services,
            String version,
            Map<String, String> attributes)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        }
        attributes.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
        Files.createDirectories(jar.toAbsolutePath().getParent());
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(classes)) {
            entries = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path entry : entries) {
                String name = classes.relativize(entry).toString().replace('\\', '/');
                if (prefixes.stream().anyMatch(name::startsWith)) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(entry));
                    out.closeEntry();
                }
            }
            if (services != null) {
                out.putNextEntry(new JarEntry(SERVICE_FILE));
                out.write(services.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * The example plugin of {@code plugins/acme-example}, compiled from its sources and packed as its own pom
     * would pack it: {@code acme-example-1.0.jar}, Implementation-Version 1.0.
     *
     * @param work a scratch folder for the classes
     */
    public static Path exampleJar(Path folder, Path work) throws IOException {
        Path classes = compile(EXAMPLE.resolve("java"), work.resolve("acme-example-classes"));
        String services = Files.readString(EXAMPLE.resolve("resources").resolve(SERVICE_FILE));
        return jar(folder.resolve("acme-example-1.0.jar"), classes, List.of("com/acme/"), services, "1.0");
    }

    /**
     * Where the SPI's classes and nnx's main classes are ({@code spi/target/classes}, {@code target/classes}):
     * all a plugin is compiled against; nnx's own, so that a plugin that reaches into them can be built.
     */
    private static String nnxClasses() {
        return location(NnxPlugin.class) + File.pathSeparator + location(PluginLoader.class);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
