package org.nnx.model;

import java.util.List;

/**
 * A function of x0, x1, … to minimize: constants, variables, {@code + - * / ^}, negation and
 * {@code sin cos exp log sqrt abs tanh}. Evaluates itself and its exact gradient (reverse mode over the tree).
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

    /** The functions the language knows. */
    List<String> FUNCTIONS = List.of("sin", "cos", "exp", "log", "sqrt", "abs", "tanh");

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
