package org.nnx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnx.analysis.Suggestions;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.ObjectivePlan;

/**
 * What the checked files ask for: experiments to train and objectives to minimize.
 *
 * @param order their names in the order the files write them, the order they run in
 */
record Plans(List<ExperimentPlan> experiments, List<ObjectivePlan> objectives, List<String> order) {
    Plans {
        experiments = List.copyOf(experiments);
        objectives = List.copyOf(objectives);
        order = List.copyOf(order);
    }

    /** Each experiment and objective, in the order the files write them. */
    void forEachInOrder(Consumer<ExperimentPlan> experiment, Consumer<ObjectivePlan> objective) {
        for (String name : order) {
            experiments.stream().filter(p -> p.name().equals(name)).forEach(experiment);
            objectives.stream().filter(p -> p.name().equals(name)).forEach(objective);
        }
    }

    /**
     * The experiment or objective named {@code name} alone ({@code --only}); all of them when it is null.
     *
     * @throws CommandFailure (status 2) when nothing has that name, suggesting the nearest one
     */
    Plans only(String name) {
        if (name == null) {
            return this;
        }
        Plans chosen = new Plans(
                experiments.stream().filter(p -> p.name().equals(name)).toList(),
                objectives.stream().filter(p -> p.name().equals(name)).toList(),
                order.stream().filter(name::equals).toList());
        if (chosen.experiments.isEmpty() && chosen.objectives.isEmpty()) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, Suggestions.unknown("experiment", name, names()));
        }
        return chosen;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        experiments.forEach(p -> names.add(p.name()));
        objectives.forEach(p -> names.add(p.name()));
        return names;
    }
}
