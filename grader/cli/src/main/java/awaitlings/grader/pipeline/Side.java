package awaitlings.grader.pipeline;

/** One side of the course graded as a submission, and the verdict each check must get on it. */
enum Side {
    /** The reference solutions: every check must pass on them. */
    SOLUTION("solution", true),
    /** The pristine stubs: every check must fail on them, or it proves nothing about a learner's work. */
    STUB("stub", false);

    private final String label;
    private final boolean mustPass;

    Side(String label, boolean mustPass) {
        this.label = label;
        this.mustPass = mustPass;
    }

    /** {@code solution} or {@code stub}, as findings name it. */
    String label() {
        return label;
    }

    /** Whether a check must pass on this side, or fail. */
    boolean mustPass() {
        return mustPass;
    }
}
