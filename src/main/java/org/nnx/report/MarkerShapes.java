package org.nnx.report;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** The marker shapes of the objective charts, centred on the point they mark. */
final class MarkerShapes {
    static {
        Headless.ensure();
    }

    private MarkerShapes() {}

    static Shape circle(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    /** An ×, {@code half} from the centre to each tip along both axes. */
    static Shape cross(double half) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(-half, -half);
        path.lineTo(half, half);
        path.moveTo(-half, half);
        path.lineTo(half, -half);
        return path;
    }
}
