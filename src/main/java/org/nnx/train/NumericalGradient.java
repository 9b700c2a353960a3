package org.nnx.train;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.nnx.spi.Freezable;
import org.nnx.spi.Layer;
import org.nnx.spi.Loss;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * {@code gradient numerical(h)}: every parameter entry's derivative by central differences,
 * {@code (L(θ + h) − L(θ − h)) / 2h}, dividing by the step actually taken after rounding to the parameter's
 * precision. Slow by nature, two partial forwards per entry, so it saves what it can:
 *
 * <ul>
 *   <li>One ordinary forward of the trained network per step gives the batch loss and the input of every
 *       layer; a perturbed entry of layer {@code k} re-runs layers {@code k, k + 1, …} only, from that cached
 *       input.</li>
 *   <li>The entries are shared among threads (every parameter's entries interleaved, so early layers, which
 *       cost more, are spread evenly), each perturbing its own replica of the network: the layers' cached
 *       tensors cannot be shared. Before each step the replicas take the trained network's parameter values and
 *       the masks its dropout layers drew; they stay {@link Freezable frozen}, so every perturbed forward is the
 *       same function and no replica moves running statistics.</li>
 * </ul>
 *
 * <p>The trained network's own layers run the one unperturbed forward, so they draw dropout masks and move
 * batch-norm statistics exactly once per step, as in backprop training. A plugin layer with hidden randomness
 * that is not {@link Freezable} makes the differences noisy. Per step nothing is allocated once the batch size
 * is stable: the threads are started once and handed work by park and unpark.
 */
final class NumericalGradient implements BatchGradient {
    private final Network network;
    private final Loss loss;
    private final double h;
    private final Share[] shares;
    private final Thread[] workers;
    /** Per layer: its input in the last unperturbed forward, read by every thread during a step. */
    private final Tensor[] layerInputs;
    /** For each entry of {@code network.parameters()}: the index of its layer. */
    private final int[] layerOfParameter;

    private volatile Tensor targets;
    private volatile int requestedRound;
    private volatile boolean closed;
    private volatile Thread waiting;

    /**
     * @param network  the trained network, whose gradients are filled
     * @param loss     its loss
     * @param replicas one network per thread, built from the same model as {@code network} (any values)
     * @param losses   one loss per replica, of the same kind as {@code loss}
     * @param h        the difference step, &gt; 0
     */
    NumericalGradient(Network network, Loss loss, List<Network> replicas, List<Loss> losses, double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("numerical gradient step h must be finite and > 0: " + h);
        }
        if (replicas.isEmpty() || replicas.size() != losses.size()) {
            throw new IllegalArgumentException("one loss per replica, at least one replica");
        }
        this.network = network;
        this.loss = loss;
        this.h = h;
        List<Layer> layers = network.layers();
        this.layerInputs = new Tensor[layers.size()];
        this.layerOfParameter = new int[network.parameters().size()];
        int parameter = 0;
        for (int k = 0; k < layers.size(); k++) {
            for (int p = 0; p < layers.get(k).parameters().size(); p++) {
                layerOfParameter[parameter++] = k;
            }
        }
        this.shares = new Share[replicas.size()];
        for (int s = 0; s < shares.length; s++) {
            Network replica = replicas.get(s);
            if (replica.layers().size() != layers.size()
                    || replica.parameters().size() != network.parameters().size()) {
                throw new IllegalArgumentException("a replica must have the trained network's layers");
            }
            for (Layer layer : replica.layers()) {
                if (layer instanceof Freezable freezable) {
                    freezable.freeze(true);
                }
            }
            shares[s] = new Share(s, shares.length, replica, losses.get(s));
        }
        // Share 0 runs on the training thread; the others on threads of their own.
        this.workers = new Thread[shares.length - 1];
        for (int w = 0; w < workers.length; w++) {
            Share share = shares[w + 1];
            workers[w] = new Thread(share::workLoop, "nnx-numerical-gradient-" + (w + 1));
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    @Override
    public double compute(Tensor x, Tensor targets, StepTimes times) {
        if (closed) {
            throw new IllegalStateException("numerical gradient closed");
        }
        double value = unperturbedForward(x, targets);
        List<Layer> layers = network.layers();
        for (Share share : shares) {
            List<Parameter> replicaParameters = share.replica.parameters();
            for (int p = 0; p < replicaParameters.size(); p++) {
                replicaParameters
                        .get(p)
                        .value()
                        .copyFrom(network.parameters().get(p).value());
            }
            for (int k = 0; k < layers.size(); k++) {
                if (layers.get(k) instanceof Freezable trained) {
                    ((Freezable) share.replica.layers().get(k)).copyFrozenState(trained);
                }
            }
        }
        this.targets = targets;
        runRound();
        times.mark(StepTimes.Part.FORWARD);
        return value;
    }

    /** The trained network's forward, remembering each layer's input; returns the loss. */
    private double unperturbedForward(Tensor x, Tensor targets) {
        List<Layer> layers = network.layers();
        Tensor current = x;
        for (int k = 0; k < layers.size(); k++) {
            // A reference suffices: it is x or the trained network's own output of layer k − 1, which nothing
            // overwrites until the next step, since the perturbed forwards all run on replicas.
            layerInputs[k] = current;
            current = layers.get(k).forward(current, true);
        }
        return loss.forward(current, targets);
    }

    /** Hands every worker this step's share, does share 0 here, and waits for the rest. */
    private void runRound() {
        waiting = Thread.currentThread();
        int round = requestedRound + 1;
        requestedRound = round;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        RuntimeException own = null;
        try {
            shares[0].differentiate();
        } catch (RuntimeException e) {
            own = e;
        }
        for (int s = 1; s < shares.length; s++) {
            while (shares[s].finishedRound != round) {
                LockSupport.park(this);
            }
        }
        if (own != null) {
            throw own;
        }
        for (Share share : shares) {
            RuntimeException failure = share.failure;
            if (failure != null) {
                share.failure = null;
                throw new IllegalStateException("numerical gradient failed: " + failure.getMessage(), failure);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One thread's part: entries {@code index, index + count, index + 2·count, …} of every parameter. */
    private final class Share {
        private final int index;
        private final int count;
        private final Network replica;
        private final Loss replicaLoss;
        private volatile int finishedRound;
        private volatile RuntimeException failure;

        Share(int index, int count, Network replica, Loss replicaLoss) {
            this.index = index;
            this.count = count;
            this.replica = replica;
            this.replicaLoss = replicaLoss;
        }

        void workLoop() {
            int done = 0;
            while (true) {
                while (requestedRound == done && !closed) {
                    LockSupport.park(this);
                }
                if (closed) {
                    return;
                }
                int round = requestedRound;
                try {
                    differentiate();
                } catch (RuntimeException e) {
                    failure = e;
                }
                done = round;
                finishedRound = round;
                LockSupport.unpark(waiting);
            }
        }

        void differentiate() {
            List<Parameter> perturbed = replica.parameters();
            List<Parameter> trained = network.parameters();
            for (int p = 0; p < perturbed.size(); p++) {
                int layer = layerOfParameter[p];
                Tensor value = perturbed.get(p).value();
                Tensor gradient = trained.get(p).gradient();
                for (int i = index; i < value.size(); i += count) {
                    double original = value.get(i);
                    value.set(i, original + h);
                    double up = value.get(i);
                    double lossUp = lossFrom(layer);
                    value.set(i, original - h);
                    double down = value.get(i);
                    double lossDown = lossFrom(layer);
                    value.set(i, original);
                    if (up == down) {
                        throw new IllegalArgumentException("h = " + h + " is below the resolution of "
                                + value.precision() + " at a parameter of value " + original);
                    }
                    gradient.set(i, (lossUp - lossDown) / (up - down));
                }
            }
        }

        private double lossFrom(int layer) {
            return replicaLoss.forward(replica.forward(layer, layerInputs[layer], true), targets);
        }
    }
}
