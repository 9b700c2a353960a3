package org.nnx.model;

import java.util.List;

/**
 * A function of x0, x1, … to minimize: constants, variables, {@code + - * / ^}, negation, the functions of
 * one argument ({@code sin cos exp log sqrt abs tanh sigmoid step}), {@code sum max min} of several terms, and
 * the losses {@code mse} and {@code cross_entropy} of an output list against a target list. Evaluates itself
 * and its exact gradient (reverse mode over the tree).
 */
public sealed interface Formula {

    double evaluate(double[] x);

    /**
     * Adds {@code adjoint · ∂this/∂x} into {@code gradient}; reverse-mode differentiation over the tree.
     * Call with adjoint 1 on a zeroed array to get ∇f.
     */
    void backward(double[] x, double adjoint, double[] gradient);

    /** One more than the largest variable index used; 0 for a constant. */
    int variables();

    /** The functions of one argument. */
    List<String> FUNCTIONS = List.of("sin", "cos", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "step");

    /** The functions of several terms, or of every coordinate ({@code sum(x^2)}). */
    List<String> REDUCTIONS = List.of("sum", "max", "min");

    /** The losses of an output list against a target list, as the book defines them. */
    List<String> LOSSES = List.of("mse", "cross_entropy");

    /** Every function a formula may call, for messages. */
    static List<String> allFunctions() {
        List<String> all = new java.util.ArrayList<>(FUNCTIONS);
        all.addAll(REDUCTIONS);
        all.addAll(LOSSES);
        return List.copyOf(all);
    }

    record Constant(double value) implements Formula {
        public double evaluate(double[] x) {
            return value;
        }

        public void backward(double[] x, double adjoint, double[] gradient) {}

        public int variables() {
            return 0;
        }

        @Override
        public String toString() {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    record Variable(int index) implements Formula {
        public double evaluate(double[] x) {
            return x[index];
        }

        public void backward(double[] x, double adjoint, double[] gradient) {
            gradient[index] += adjoint;
        }

        public int variables() {
            return index + 1;
        }

        @Override
        public String toString() {
            return "x" + index;
        }
    }

    record Negation(Formula operand) implements Formula {
        public double evaluate(double[] x) {
            return -operand.evaluate(x);
        }

        public void backward(double[] x, double adjoint, double[] gradient) {
            operand.backward(x, -adjoint, gradient);
        }

        public int variables() {
            return operand.variables();
        }

        @Override
        public String toString() {
            return "-(" + operand + ")";
        }
    }

    record Function(String name, Formula argument) implements Formula {
        public Function {
            if (!FUNCTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown function " + name);
            }
        }

        public double evaluate(double[] x) {
            double a = argument.evaluate(x);
            return switch (name) {
                case "sin" -> Math.sin(a);
                case "cos" -> Math.cos(a);
                case "exp" -> Math.exp(a);
                case "log" -> Math.log(a);
                case "sqrt" -> Math.sqrt(a);
                case "abs" -> Math.abs(a);
                case "sigmoid" -> 1 / (1 + Math.exp(-a));
                case "step" -> a > 0 ? 1 : 0;
                default -> Math.tanh(a);
            };
        }

        public void backward(double[] x, double adjoint, double[] gradient) {
            double a = argument.evaluate(x);
            double derivative = switch (name) {
                case "sin" -> Math.cos(a);
                case "cos" -> -Math.sin(a);
                case "exp" -> Math.exp(a);
                case "log" -> 1 / a;
                case "sqrt" -> 0.5 / Math.sqrt(a);
                case "abs" -> Math.signum(a);
                case "sigmoid" -> {
                    double y = 1 / (1 + Math.exp(-a));
                    yield y * (1 - y);
                }
                // Flat on both sides: the derivative that keeps a step network from learning.
                case "step" -> 0;
                default -> 1 - Math.tanh(a) * Math.tanh(a);
            };
            argument.backward(x, adjoint * derivative, gradient);
        }

        public int variables() {
            return argument.variables();
        }

        @Override
        public String toString() {
            return name + "(" + argument + ")";
        }
    }

    /** {@code sum(a, b, …)}, {@code max(…)}, {@code min(…)}; max and min pass the gradient to the term they chose. */
    record Reduction(String name, List<Formula> terms) implements Formula {
        public Reduction {
            if (!REDUCTIONS.contains(name) || terms.isEmpty()) {
                throw new IllegalArgumentException("not a reduction: " + name + " of " + terms.size() + " terms");
            }
            terms = List.copyOf(terms);
        }

        public double evaluate(double[] x) {
            return name.equals("sum")
                    ? terms.stream().mapToDouble(t -> t.evaluate(x)).sum()
                    : terms.get(chosen(x)).evaluate(x);
        }

        public void backward(double[] x, double adjoint, double[] gradient) {
            if (name.equals("sum")) {
                terms.forEach(t -> t.backward(x, adjoint, gradient));
            } else {
                terms.get(chosen(x)).backward(x, adjoint, gradient);
            }
        }

        /** The term max or min takes; the first of equal ones. */
        private int chosen(double[] x) {
            int chosen = 0;
            double best = terms.get(0).evaluate(x);
            for (int i = 1; i < terms.size(); i++) {
                double value = terms.get(i).evaluate(x);
                if (name.equals("max") ? value > best : value < best) {
                    best = value;
                    chosen = i;
                }
            }
            return chosen;
        }

        public int variables() {
            return terms.stream().mapToInt(Formula::variables).max().orElse(0);
        }

        @Override
        public String toString() {
            return name + "("
                    + String.join(", ", terms.stream().map(Object::toString).toList()) + ")";
        }
    }

    /**
     * The book's losses of outputs {@code y} against targets {@code t}: {@code mse} is ½·Σ(y − t)², and
     * {@code cross_entropy} is −Σ t·log(y + 1e-7), the small constant keeping log(0) finite.
     */
    record LossOf(String name, List<Formula> outputs, List<Formula> targets) implements Formula {
        /** The book's δ in cross_entropy_error. */
        public static final double DELTA = 1e-7;

        public LossOf {
            if (!LOSSES.contains(name) || outputs.size() != targets.size() || outputs.isEmpty()) {
                throw new IllegalArgumentException(
                        "not a loss: " + name + " of " + outputs.size() + " against " + targets.size());
            }
            outputs = List.copyOf(outputs);
            targets = List.copyOf(targets);
        }

        public double evaluate(double[] x) {
            double sum = 0;
            for (int i = 0; i < outputs.size(); i++) {
                double y = outputs.get(i).evaluate(x);
                double t = targets.get(i).evaluate(x);
                sum += name.equals("mse") ? 0.5 * (y - t) * (y - t) : -t * Math.log(y + DELTA);
            }
            return sum;
        }

        public void backward(double[] x, double adjoint, double[] gradient) {
            for (int i = 0; i < outputs.size(); i++) {
                double y = outputs.get(i).evaluate(x);
                double t = targets.get(i).evaluate(x);
                if (name.equals("mse")) {
                    outputs.get(i).backward(x, adjoint * (y - t), gradient);
                    targets.get(i).backward(x, -adjoint * (y - t), gradient);
                } else {
                    outputs.get(i).backward(x, -adjoint * t / (y + DELTA), gradient);
                    targets.get(i).backward(x, -adjoint * Math.log(y + DELTA), gradient);
                }
            }
        }

        public int variables() {
            return java.util.stream.Stream.concat(outputs.stream(), targets.stream())
                    .mapToInt(Formula::variables)
                    .max()
                    .orElse(0);
        }

        @Override
        public String toString() {
            return name + "(" + outputs + ", " + targets + ")";
        }
    }

    record Binary(char operator, Formula left, Formula right) implements Formula {
        public double evaluate(double[] x) {
            double a = left.evaluate(x);
            double b = right.evaluate(x);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                default -> Math.pow(a, b);
            };
        }

        public void backward(double[] x, double adjoint, double[] gradient) {
            double a = left.evaluate(x);
            double b = right.evaluate(x);
            switch (operator) {
                case '+' -> {
                    left.backward(x, adjoint, gradient);
                    right.backward(x, adjoint, gradient);
                }
                case '-' -> {
                    left.backward(x, adjoint, gradient);
                    right.backward(x, -adjoint, gradient);
                }
                case '*' -> {
                    left.backward(x, adjoint * b, gradient);
                    right.backward(x, adjoint * a, gradient);
                }
                case '/' -> {
                    left.backward(x, adjoint / b, gradient);
                    right.backward(x, -adjoint * a / (b * b), gradient);
                }
                default -> {
                    left.backward(x, adjoint * b * Math.pow(a, b - 1), gradient);
                    // d/db a^b = a^b·ln a; a constant exponent contributes nothing, even where ln a is undefined.
                    if (right.variables() > 0) {
                        right.backward(x, adjoint * Math.pow(a, b) * Math.log(a), gradient);
                    }
                }
            }
        }

        public int variables() {
            return Math.max(left.variables(), right.variables());
        }

        @Override
        public String toString() {
            return "(" + left + " " + operator + " " + right + ")";
        }
    }
}
