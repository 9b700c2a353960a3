package org.nnx.report;

/** One section of the report page, rendered from the {@link ReportModel} it was made with. */
interface ReportSection {
    /** Appends this section's HTML to {@code page}; a section with nothing to show appends nothing. */
    void appendTo(StringBuilder page);
}
