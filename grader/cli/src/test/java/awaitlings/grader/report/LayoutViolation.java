package awaitlings.grader.report;

import awaitlings.grader.sandbox.Sandbox;

/** A report that reaches into the run stage: what the layout rules must refuse. Used only by LayoutTests. */
public final class LayoutViolation {

    private LayoutViolation() {
    }

    static boolean sandboxed() {
        return Sandbox.detected().isolated();
    }
}
