package org.nnx.cli;

/** A command whose positional arguments are required, and that says in its own words when none is given. */
interface NeedsArguments {
    /** {@code no .nnx file given}. */
    String whenNoneGiven();
}
