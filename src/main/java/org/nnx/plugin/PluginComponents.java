package org.nnx.plugin;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.Initializer;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.Loss;
import org.nnx.spi.LossFactory;
import org.nnx.spi.Optimizer;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.Parameter;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * A plugin jar's losses, optimizers, initializers and datasets as nnx registers them (layers are
 * {@link PluginLayerFactory}): each answers name, description and parameters from what the plugin said at
 * start-up, and everything the plugin's code throws while nnx uses it becomes a {@link PluginException}
 * naming the component and its jar. A run that hits one fails with that message; its sibling runs go on.
 */
final class PluginComponents {
    private PluginComponents() {
    }

    /** What every guarded factory shares: the snapshot of the plugin's answers and the jar. */
    private abstract static class Guarded {
        final PluginOrigin origin;
        final ComponentKind kind;
        final String name;
        final String description;
        final List<ParameterSpec> parameters;

        Guarded(ComponentKind kind, PluginOrigin origin, String name, String description, List<ParameterSpec> parameters) {
            this.kind = kind;
            this.origin = origin;
            this.name = name;
            this.description = description;
            this.parameters = List.copyOf(parameters);
        }

        RuntimeException failure(Throwable thrown) {
            return PluginException.wrap(kind, name, origin, thrown);
        }

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        public List<ParameterSpec> parameters() {
            return parameters;
        }
    }

    static final class PluginLossFactory extends Guarded implements LossFactory {
        private final LossFactory delegate;
        private final boolean appliesSoftmax;

        PluginLossFactory(LossFactory delegate, PluginOrigin origin, String name, String description,
                          List<ParameterSpec> parameters, boolean appliesSoftmax) {
            super(ComponentKind.LOSS, origin, name, description, parameters);
            this.delegate = delegate;
            this.appliesSoftmax = appliesSoftmax;
        }

        @Override
        public boolean appliesSoftmax() {
            return appliesSoftmax;
        }

        @Override
        public Loss create(Arguments arguments) {
            Loss loss;
            try {
                loss = delegate.create(arguments);
            } catch (RuntimeException | LinkageError e) {
                throw failure(e);
            }
            return new Loss() {
                @Override
                public double forward(Tensor output, Tensor targets) {
                    try {
                        return loss.forward(output, targets);
                    } catch (RuntimeException | LinkageError e) {
                        throw failure(e);
                    }
                }

                @Override
                public Tensor backward() {
                    try {
                        return loss.backward();
                    } catch (RuntimeException | LinkageError e) {
                        throw failure(e);
                    }
                }
            };
        }
    }

    static final class PluginOptimizerFactory extends Guarded implements OptimizerFactory {
        private final OptimizerFactory delegate;

        PluginOptimizerFactory(OptimizerFactory delegate, PluginOrigin origin, String name, String description,
                               List<ParameterSpec> parameters) {
            super(ComponentKind.OPTIMIZER, origin, name, description, parameters);
            this.delegate = delegate;
        }

        @Override
        public Optimizer create(Arguments arguments) {
            Optimizer optimizer;
            try {
                optimizer = delegate.create(arguments);
            } catch (RuntimeException | LinkageError e) {
                throw failure(e);
            }
            return new Optimizer() {
                @Override
                public void initialize(List<Parameter> parameters) {
                    try {
                        optimizer.initialize(parameters);
                    } catch (RuntimeException | LinkageError e) {
                        throw failure(e);
                    }
                }

                @Override
                public void step(double learningRate) {
                    try {
                        optimizer.step(learningRate);
                    } catch (RuntimeException | LinkageError e) {
                        throw failure(e);
                    }
                }
            };
        }
    }

    static final class PluginInitializerFactory extends Guarded implements InitializerFactory {
        private final InitializerFactory delegate;

        PluginInitializerFactory(InitializerFactory delegate, PluginOrigin origin, String name, String description,
                                 List<ParameterSpec> parameters) {
            super(ComponentKind.INITIALIZER, origin, name, description, parameters);
            this.delegate = delegate;
        }

        @Override
        public Initializer create(Arguments arguments) {
            Initializer initializer;
            try {
                initializer = delegate.create(arguments);
            } catch (RuntimeException | LinkageError e) {
                throw failure(e);
            }
            return (Tensor weights, int fanIn, int fanOut, RandomGenerator random) -> {
                try {
                    initializer.initialize(weights, fanIn, fanOut, random);
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            };
        }
    }

    static final class PluginDatasetFactory extends Guarded implements DatasetFactory {
        private final DatasetFactory delegate;

        PluginDatasetFactory(DatasetFactory delegate, PluginOrigin origin, String name, String description,
                             List<ParameterSpec> parameters) {
            super(ComponentKind.DATASET, origin, name, description, parameters);
            this.delegate = delegate;
        }

        /** A {@link DatasetException} is the plugin reporting bad data, for the user: it passes unchanged. */
        @Override
        public Dataset load(Arguments arguments, DatasetContext context) throws DatasetException {
            try {
                return new GuardedDataset(delegate.load(arguments, context));
            } catch (RuntimeException | LinkageError e) {
                throw failure(e);
            }
        }

        private final class GuardedDataset implements Dataset {
            private final Dataset dataset;
            private final Split train;
            private final Split test;

            GuardedDataset(Dataset dataset) {
                this.dataset = dataset;
                this.train = new GuardedSplit(dataset.train());
                this.test = new GuardedSplit(dataset.test());
            }

            @Override
            public Split train() {
                return train;
            }

            @Override
            public Split test() {
                return test;
            }

            @Override
            public int features() {
                try {
                    return dataset.features();
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }

            @Override
            public int classes() {
                try {
                    return dataset.classes();
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }

            @Override
            public List<String> classNames() {
                try {
                    return dataset.classNames();
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }

            @Override
            public String description() {
                try {
                    return dataset.description();
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }
        }

        private final class GuardedSplit implements Split {
            private final Split split;

            GuardedSplit(Split split) {
                this.split = split;
            }

            @Override
            public int size() {
                try {
                    return split.size();
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }

            @Override
            public int label(int index) {
                try {
                    return split.label(index);
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }

            @Override
            public void features(int[] indices, int from, int count, Tensor into) {
                try {
                    split.features(indices, from, count, into);
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }

            @Override
            public void features(int[] indices, int from, int count, Tensor into, int firstRow) {
                try {
                    split.features(indices, from, count, into, firstRow);
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }

            @Override
            public boolean concurrentFeatures() {
                try {
                    return split.concurrentFeatures();
                } catch (RuntimeException | LinkageError e) {
                    throw failure(e);
                }
            }
        }
    }
}
