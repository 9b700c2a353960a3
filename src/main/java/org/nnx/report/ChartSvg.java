package org.nnx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.DOMGroupManager;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A chart as inline SVG, drawn by JFreeChart through Batik's {@link SVGGraphics2D}: vector lines and text
 * stay sharp at any width and in print, and the tooltips are SVG {@code <title>}s on small transparent
 * circles inside the same drawing, so they scale with it and point at the right run at any width. Every
 * shape a run's curve is made of carries {@code data-run="<line label>"}, so the page can hide a run.
 */
final class ChartSvg {
    static {
        Headless.ensure();
    }

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Radius of a tooltip's hover circle, in layout pixels: a finger's width on a narrow screen. */
    static final double HOVER_RADIUS = 4;
    /**
     * Decimals of the coordinates: a tenth of a layout pixel is under a quarter of a screen pixel with
     * the chart 2 000 px wide.
     */
    private static final int PRECISION = 1;

    /** The generator drawing a chart on this thread, for the renderers to tag their runs' shapes. */
    private static final ThreadLocal<RunTaggingGraphics> DRAWING = new ThreadLocal<>();

    private ChartSvg() {}

    /**
     * Called by a run's renderer before it draws an item of {@code series}: the shapes that follow are that
     * series' run, named by the series key. Does nothing outside {@link #render}.
     */
    static void drawingSeries(XYPlot plot, XYItemRenderer renderer, int series) {
        RunTaggingGraphics g2 = DRAWING.get();
        if (g2 == null || plot == null) {
            return;
        }
        XYDataset dataset = plot.getDataset(plot.getIndexOf(renderer));
        if (dataset != null && series < dataset.getSeriesCount()) {
            g2.drawingRun(String.valueOf(dataset.getSeriesKey(series)));
        }
    }

    /** Shapes drawn from now on belong to {@code label}'s curve (null: to no run); does nothing outside {@link #render}. */
    static void drawingRun(String label) {
        RunTaggingGraphics g2 = DRAWING.get();
        if (g2 != null) {
            g2.drawingRun(label);
        }
    }

    /**
     * Called by a {@link ViewPlot} around the axes and grid lines it draws, which the page's script draws
     * again when the reader zooms; does nothing outside {@link #render}.
     */
    static void drawingPart(String name) {
        RunTaggingGraphics g2 = DRAWING.get();
        if (g2 != null) {
            g2.drawingPart(name);
        }
    }

    /**
     * An SVG generator that marks what it draws while a renderer says which run it is drawing, so the
     * page can find a run's shapes; without such a renderer it is Batik's own.
     */
    static final class RunTaggingGraphics extends SVGGraphics2D {
        private String run;

        /** What part of the chart is being drawn (axes, grid lines), for the page's script; null: none. */
        private String part;

        RunTaggingGraphics(SVGGeneratorContext context) {
            super(context, false);
            DOMGroupManager tagging = new DOMGroupManager(gc, domTreeManager) {
                @Override
                public void addElement(Element element, short method) {
                    if (part != null) {
                        element.setAttribute("data-part", part);
                    }
                    super.addElement(element, method);
                }
            };
            domTreeManager.removeGroupManager(domGroupManager);
            domTreeManager.addGroupManager(tagging);
            setDOMGroupManager(tagging);
        }

        /** Shapes and text drawn from now on are {@code name}'s (the script redraws them); null: nobody's. */
        void drawingPart(String name) {
            this.part = name;
        }

        /** Shapes drawn from now on belong to {@code label}'s curve; null: to no run. */
        void drawingRun(String label) {
            this.run = label;
        }

        /** The plot restores its clip when it has drawn its datasets: what follows belongs to no run. */
        @Override
        public void setClip(Shape clip) {
            run = null;
            super.setClip(clip);
        }

        @Override
        public void draw(Shape shape) {
            if (run == null || !(getStroke() instanceof BasicStroke)) {
                super.draw(shape);
            } else {
                add(shape, DOMGroupManager.DRAW);
            }
        }

        @Override
        public void fill(Shape shape) {
            if (getPaint() instanceof Color colour && colour.getAlpha() == 0) {
                // Nothing to see (the ± sd band of a single run): not worth its markup.
                return;
            }
            if (run == null) {
                super.fill(shape);
            } else {
                add(shape, DOMGroupManager.FILL);
            }
        }

        private void add(Shape shape, short method) {
            Element element = shapeConverter.toSVG(shape);
            if (element != null) {
                element.setAttribute("data-run", run);
                domGroupManager.addElement(element, method);
            }
        }
    }

    /**
     * {@code chart} laid out at {@code width}×{@code height} as an {@code <svg>} element that fills its
     * container's width; ids inside it (clip paths) start with {@code id} so several charts share a page.
     */
    static String render(JFreeChart chart, int width, int height, String id, String label) {
        Document document = newDocument();
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setPrecision(PRECISION);
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        context.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
                return super.generateID(id + "-" + prefix);
            }
        });
        RunTaggingGraphics g2 = new RunTaggingGraphics(context);
        ChartRenderingInfo info = new ChartRenderingInfo();
        DRAWING.set(g2);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            DRAWING.remove();
        }
        Element root = g2.getRoot();
        unclipChartArea(root);
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.setAttribute("width", Integer.toString(width));
        root.setAttribute("height", Integer.toString(height));
        root.setAttribute("id", id);
        root.setAttribute("class", "chart");
        root.setAttribute("role", "img");
        root.setAttribute("aria-label", label);
        root.removeAttribute("style");
        if (info.getPlotInfo() != null && info.getPlotInfo().getDataArea() != null) {
            Rectangle2D area = info.getPlotInfo().getDataArea();
            root.setAttribute(
                    "data-area",
                    String.join(
                            " ",
                            coordinate(area.getX()),
                            coordinate(area.getY()),
                            coordinate(area.getWidth()),
                            coordinate(area.getHeight())));
        }
        root.appendChild(hoverAreas(document, info));
        return serialize(root);
    }

    /**
     * {@code root} as compact markup for an HTML page, where the parser puts {@code <svg>} in its namespace:
     * no XML prologue, no namespace declarations (they would only add bytes, and addresses the page never
     * fetches).
     */
    private static String serialize(Element root) {
        StringWriter svg = new StringWriter(64 * 1024);
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(root), new StreamResult(svg));
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK could not write an SVG it built", e);
        }
        return svg.toString().replaceFirst(" xmlns=\"[^\"]*\"", "").replaceFirst(" xmlns:xlink=\"[^\"]*\"", "");
    }

    /**
     * JFreeChart first clips to the whole chart, which the {@code <svg>} viewport does anyway: dropping that
     * clip from every shape saves about a tenth of the markup.
     */
    private static void unclipChartArea(Element root) {
        NodeList clips = root.getElementsByTagName("clipPath");
        if (clips.getLength() == 0) {
            return;
        }
        String reference = "url(#" + ((Element) clips.item(0)).getAttribute("id") + ")";
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (reference.equals(element.getAttribute("clip-path"))) {
                element.removeAttribute("clip-path");
            }
        }
    }

    /** A transparent circle with the tooltip as its {@code <title>} at every point that has a tooltip. */
    private static Element hoverAreas(Document document, ChartRenderingInfo info) {
        Element group = document.createElementNS(SVG_NS, "g");
        group.setAttribute("class", "hover");
        // Invisible until hovered (the page's style marks the point then); the chart's black defaults would
        // otherwise ring every point.
        group.setAttribute("fill", "transparent");
        group.setAttribute("stroke", "none");
        if (info.getEntityCollection() == null) {
            return group;
        }
        for (Object each : info.getEntityCollection().getEntities()) {
            ChartEntity entity = (ChartEntity) each;
            String tip = entity.getToolTipText();
            if (tip == null || tip.isEmpty()) {
                continue;
            }
            Rectangle2D bounds = entity.getArea().getBounds2D();
            Element circle = document.createElementNS(SVG_NS, "circle");
            circle.setAttribute("cx", coordinate(bounds.getCenterX()));
            circle.setAttribute("cy", coordinate(bounds.getCenterY()));
            circle.setAttribute("r", coordinate(HOVER_RADIUS));
            if (entity instanceof XYItemEntity item) {
                circle.setAttribute("data-run", String.valueOf(item.getDataset().getSeriesKey(item.getSeriesIndex())));
            }
            Element title = document.createElementNS(SVG_NS, "title");
            title.setTextContent(tip);
            circle.appendChild(title);
            group.appendChild(circle);
        }
        return group;
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            document.appendChild(document.createElementNS(SVG_NS, "svg"));
            return document;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder in this JDK", e);
        }
    }
}
