package org.nnx.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on the loopback interface: a Master and one Worker of two cores, each a JVM of its
 * own started from the Spark jars on this test's class path, stopped by {@link #close}. Its executors get this
 * test's class path, as executors on shared storage would see nnx's jars.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Pattern ONE_WORKER = Pattern.compile("\"aliveworkers\"\\s*:\\s*1\\b");

    private final Process master;
    private final Process worker;
    private final int port;

    private StandaloneCluster(Process master, Process worker, int port) {
        this.master = master;
        this.worker = worker;
        this.port = port;
    }

    static StandaloneCluster start(Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        int port = freePort();
        int masterUi = freePort();
        Process master = start(
                home,
                dir.resolve("master.log"),
                "org.apache.spark.deploy.master.Master",
                List.of(
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--webui-port",
                        Integer.toString(masterUi)));
        Process worker = null;
        try {
            worker = start(
                    home,
                    dir.resolve("worker.log"),
                    "org.apache.spark.deploy.worker.Worker",
                    List.of(
                            "--host",
                            "127.0.0.1",
                            "--cores",
                            "2",
                            "--memory",
                            "1g",
                            "--work-dir",
                            Files.createDirectories(dir.resolve("work")).toString(),
                            "--webui-port",
                            Integer.toString(freePort()),
                            "spark://127.0.0.1:" + port));
            awaitWorker(masterUi, master, worker, dir);
            return new StandaloneCluster(master, worker, port);
        } catch (Exception | Error e) {
            new StandaloneCluster(master, worker, port).close();
            throw e;
        }
    }

    private static Process start(Path home, Path log, String mainClass, List<String> args) throws IOException {
        ProcessBuilder builder = Sweeps.java(mainClass, args)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // A Worker builds its executors' command line as Spark's launcher does: from a Spark distribution's jars/
        // folder, which a class path of Maven jars has none of (Spark's own tests run it the same way).
        builder.environment().put("SPARK_TESTING", "1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    /** Until the Master's status page counts one live Worker. */
    private static void awaitWorker(int masterUi, Process master, Process worker, Path dir) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!master.isAlive() || !worker.isAlive()) {
                throw new IllegalStateException("the cluster did not start: "
                        + Files.readString(dir.resolve("master.log")) + Files.readString(dir.resolve("worker.log")));
            }
            try {
                String body =
                        http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (ONE_WORKER.matcher(body).find()) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no worker registered with the master in 2 minutes");
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** The Worker's executor process, while it has one. */
    Optional<ProcessHandle> executor() {
        return worker.toHandle()
                .descendants()
                .filter(StandaloneCluster::isExecutor)
                .findFirst();
    }

    /** Read from /proc: the JVM's own view of a command line stops short of a class path this long. */
    private static boolean isExecutor(ProcessHandle process) {
        try {
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(commandLine, StandardCharsets.UTF_8).contains("CoarseGrainedExecutorBackend");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : new Process[] {worker, master}) {
            if (process == null) {
                continue;
            }
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
