package org.nnx.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Arguments;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.Initializer;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.Loss;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.Optimizer;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.Parameter;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * {@link PluginVerifier} on one plugin whose every contribution is wrong in the way its check exists to catch,
 * and on one whose contributions are right.
 */
class PluginVerifierTest {
    /** A one-vs-rest hinge loss, mean over the batch of Σ max(0, 1 − y·o) with y = ±1; its gradient times {@code scale}. */
    static LossFactory hinge(double scale) {
        return new LossFactory() {
            public String name() {
                return "hinge";
            }

            public String description() {
                return "one-vs-rest hinge";
            }

            public Loss create(Arguments arguments) {
                return new Loss() {
                    Tensor gradient;

                    public double forward(Tensor output, Tensor targets) {
                        gradient = Tensor.zeros(Precision.FLOAT64, output.rows(), output.cols());
                        double sum = 0;
                        for (int i = 0; i < output.size(); i++) {
                            double y = targets.get(i) > 0.5 ? 1 : -1;
                            double margin = 1 - y * output.get(i);
                            if (margin > 0) {
                                sum += margin;
                                gradient.set(i, scale * -y / output.rows());
                            }
                        }
                        return sum / output.rows();
                    }

                    public Tensor backward() {
                        return gradient;
                    }
                };
            }
        };
    }

    /** Plain gradient descent, or ascent with {@code sign} −1. */
    static OptimizerFactory descent(String name, double sign) {
        return new OptimizerFactory() {
            public String name() {
                return name;
            }

            public String description() {
                return "steps of ±η·g";
            }

            public Optimizer create(Arguments arguments) {
                return new Optimizer() {
                    List<Parameter> parameters;

                    public void initialize(List<Parameter> parameters) {
                        this.parameters = parameters;
                    }

                    public void step(double learningRate) {
                        for (Parameter p : parameters) {
                            for (int i = 0; i < p.value().size(); i++) {
                                p.value()
                                        .set(
                                                i,
                                                p.value().get(i)
                                                        - sign
                                                                * learningRate
                                                                * p.gradient().get(i));
                            }
                        }
                    }
                };
            }
        };
    }

    /** N(0, 1/fan_in), declaring {@code declared} as its variance; from a random seed when {@code seeded} is false. */
    static InitializerFactory gaussian(String name, double declaredTimesFanIn, boolean seeded) {
        return new InitializerFactory() {
            public String name() {
                return name;
            }

            public String description() {
                return "N(0, 1/fan_in)";
            }

            public Initializer create(Arguments arguments) {
                return (Tensor weights, int fanIn, int fanOut, RandomGenerator random) -> {
                    RandomGenerator source = seeded ? random : new java.util.SplittableRandom();
                    for (int i = 0; i < weights.size(); i++) {
                        weights.set(i, source.nextGaussian() / Math.sqrt(fanIn));
                    }
                };
            }

            public OptionalDouble variance(Arguments arguments, int fanIn, int fanOut) {
                return OptionalDouble.of(declaredTimesFanIn / fanIn);
            }
        };
    }

    /** Two points a class, the first's features drawn from the seed, or from the clock when {@code seeded} is false. */
    static DatasetFactory points(String name, boolean seeded) {
        return new DatasetFactory() {
            public String name() {
                return name;
            }

            public String description() {
                return "four points";
            }

            public Dataset load(Arguments arguments, DatasetContext context) {
                double first = seeded ? new java.util.SplittableRandom(context.seed()).nextDouble() : System.nanoTime();
                Split split = new Split() {
                    public int size() {
                        return 4;
                    }

                    public int label(int index) {
                        return index % 2;
                    }

                    public void features(int[] indices, int from, int count, Tensor into) {
                        for (int r = 0; r < count; r++) {
                            into.set(r, 0, indices[from + r] == 0 ? first : indices[from + r]);
                            into.set(r, 1, 1);
                        }
                    }
                };
                return new Dataset() {
                    public Split train() {
                        return split;
                    }

                    public Split test() {
                        return split;
                    }

                    public int features() {
                        return 2;
                    }

                    public List<String> classNames() {
                        return List.of("a", "b");
                    }

                    public String description() {
                        return "four points";
                    }
                };
            }
        };
    }

    private static NnxPlugin plugin(
            List<LossFactory> losses,
            List<OptimizerFactory> optimizers,
            List<InitializerFactory> initializers,
            List<DatasetFactory> datasets) {
        return new NnxPlugin() {
            public int spiVersion() {
                return SPI_VERSION;
            }

            public String name() {
                return "test";
            }

            public List<LossFactory> losses() {
                return losses;
            }

            public List<OptimizerFactory> optimizers() {
                return optimizers;
            }

            public List<InitializerFactory> initializers() {
                return initializers;
            }

            public List<DatasetFactory> datasets() {
                return datasets;
            }
        };
    }

    @Test
    void everyWrongContributionFailsWithWhatIsWrong() {
        List<String> findings = new PluginVerifier()
                        .verify(plugin(
                                List.of(hinge(2)),
                                List.of(descent("ascent", -1)),
                                List.of(gaussian("overstated", 2, true), gaussian("unseeded", 1, false)),
                                List.of(points("drifting", false))))
                        .stream()
                        .map(PluginVerifier.Finding::toString)
                        .toList();
        assertEquals(5, findings.size(), findings.toString());
        assertEquals(
                "FAILED  loss hinge: largest relative error 0.50 at output[0, 0]: backward() gives 0.667, central"
                        + " differences 0.333 (tolerance 1e-4)",
                findings.get(0));
        assertEquals(
                "FAILED  optimizer ascent: 100 steps of learning rate 0.01 on f(w) = ½·Σ c·w² took f from 7.13 to"
                        + " 2.05e+03 (it must decrease it)",
                findings.get(1));
        assertEquals(
                "FAILED  initializer overstated: finite and repeatable by seed; variance 0.0155 of 4096 weights"
                        + " (fan_in = fan_out = 64), declared 0.0313 (tolerance 10%)",
                findings.get(2));
        assertEquals(
                true,
                findings.get(3)
                        .startsWith("FAILED  initializer unseeded: two fills with seed 7 differ at" + " weight 0: "),
                findings.get(3));
        assertEquals(
                true,
                findings.get(4)
                        .startsWith("FAILED  dataset drifting: two loads with seed 7 differ:"
                                + " training sample 0 has feature 0 = "),
                findings.get(4));
    }

    @Test
    void rightContributionsPass() {
        List<PluginVerifier.Finding> findings = new PluginVerifier()
                .verify(plugin(
                        List.of(hinge(1)),
                        List.of(descent("descent", 1)),
                        List.of(gaussian("gaussian", 1, true)),
                        List.of(points("points", true))));
        assertEquals(
                List.of(
                        "ok      loss hinge: largest relative error ",
                        "ok      optimizer descent: 100 steps of learning rate 0.01 on f(w) = ½·Σ c·w² took f from"
                                + " 7.13 to 0.225",
                        "ok      initializer gaussian: finite and repeatable by seed; variance 0.0155 of 4096 weights"
                                + " (fan_in = fan_out = 64), declared 0.0156",
                        "ok      dataset points: 4 training and 4 test samples of 2 features in 2 classes, the same for"
                                + " the same seed"),
                findings.stream()
                        .map(f -> f.toString().startsWith("ok      loss hinge: largest relative error ")
                                ? "ok      loss hinge: largest relative error "
                                : f.toString())
                        .toList());
    }
}
