package org.nnx.report.geometry;

/** An arrow from its tail ({@code x}, {@code y}) to ({@code x + dx}, {@code y + dy}). */
public record Arrow(double x, double y, double dx, double dy) {}
