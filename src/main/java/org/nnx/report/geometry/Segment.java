package org.nnx.report.geometry;

/** A straight piece of a line, from one point to another. */
public record Segment(Point from, Point to) {}
