/**
 * What {@code nnx run} leaves behind: per-run {@code metrics.csv}, the experiment's {@code summary.csv},
 * the loss and accuracy charts, and the self-contained {@code index.html}. {@link org.nnx.report.ReportWriter}
 * is the entry point; the other classes turn an {@link org.nnx.train.ExperimentResult} into text or PNG
 * bytes without touching the file system, so each can be tested on its own. Readers parse the CSV files
 * back for {@code nnx compare}: {@link org.nnx.report.ExperimentFiles} reads an experiment folder, with the
 * {@code experiment.nnx}, {@code experiment.csv} and {@code runs/<run>/run.csv} written beside the contract's
 * files, into a {@link org.nnx.report.ReportedExperiment}, and {@link org.nnx.report.HtmlReport} renders one
 * or several of them. {@code ReportModel} works out once what every section shows (ranks, colours, repeats,
 * findings); the charts take {@link org.nnx.report.ChartLine}s and stay free of I/O. The page is made of one
 * {@code ReportSection} per section (summary, findings, charts, runs, repeats, differences, configuration,
 * gradient check, data, provenance), each rendering from the model with the shared {@code Html} helpers;
 * they live here, beside the model and the charts whose package-private API they use, and leave the
 * statistics of repeats to {@code RepeatStatistics}.
 *
 * <p>Everything here renders off screen: {@code java.awt.headless} is set to {@code true} (unless the
 * caller chose otherwise) before any chart class touches AWT.
 */
package org.nnx.report;
