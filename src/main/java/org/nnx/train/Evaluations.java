package org.nnx.train;

/**
 * One evaluation of a run's network on its training, test and validation sets; every loss includes the
 * {@code weight_decay} penalty, as the batch loss does (and as Keras reports them).
 *
 * @param validation {@link Evaluator.Evaluation#NONE} for a run without a validation set
 */
record Evaluations(Evaluator.Evaluation train, Evaluator.Evaluation test, Evaluator.Evaluation validation) {

    /** Evaluates the set-up's network as it stands, with {@code evaluator}'s buffers. */
    static Evaluations of(Evaluator evaluator, TrainingSetup setup) {
        Network network = setup.network();
        double penalty = setup.weightDecay().penalty();
        int features = setup.features();
        int classes = setup.classes();
        Evaluator.Evaluation onTrain = evaluator
                .evaluate(network, setup.loss(), setup.training(), features, classes)
                .plusLoss(penalty);
        Evaluator.Evaluation onTest = evaluator
                .evaluate(network, setup.loss(), setup.dataset().test(), features, classes)
                .plusLoss(penalty);
        HoldOut parts = setup.parts();
        Evaluator.Evaluation onValidation = parts.hasValidation()
                ? evaluator
                        .evaluate(network, setup.loss(), parts.validation(), features, classes)
                        .plusLoss(penalty)
                : Evaluator.Evaluation.NONE;
        return new Evaluations(onTrain, onTest, onValidation);
    }

    /** The metrics row of an iteration that evaluated, {@code seconds} into the run. */
    MetricsRow row(long iteration, double epoch, double batchLoss, double seconds) {
        return new MetricsRow(
                iteration,
                epoch,
                batchLoss,
                train.accuracy(),
                test.accuracy(),
                validation.accuracy(),
                validation.loss(),
                test.loss(),
                seconds);
    }

    /** The value of the metric {@code early_stop} watches. */
    double watched(EarlyStopping earlyStopping) {
        return earlyStopping.pick(train, test, validation);
    }
}
