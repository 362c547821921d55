package awaitlings.grader;

import java.time.Duration;
import java.util.List;

/**
 * Two graded submissions of a two-exercise course, built by hand, that between them hold every case the output
 * formats must get right: a hidden check (passed and failed), a compile error, a time-out, a tampered file, a
 * grader's note, and a message full of characters that mean something in HTML, XML and JSON.
 */
final class SampleResults {

    static final String COFFEE = "01-coffee-shop";
    static final String FUTURE = "02-future-not-value";
    static final List<String> EXERCISES = List.of(COFFEE, FUTURE);

    static final Check THREE_AT_ONCE = new Check(COFFEE, "CoffeeShopTest.threeOrdersBrewAtOnce()",
            "three orders brew at the same time", 2, false, "Start all three orders before you wait for any of them.");
    static final Check IN_ORDER = new Check(COFFEE, "CoffeeShopTest.ordersComeBackInOrder()",
            "orders come back in the order they were placed", 1, false, "");
    static final Check TEN_AT_ONCE = new Check(COFFEE, "CoffeeShopHiddenTest.tenOrdersBrewAtOnce()",
            "ten orders brew at the same time", 1, true, "");
    static final Check RETURNS_AT_ONCE = new Check(FUTURE, "FutureNotValueTest.returnsAtOnce()",
            "fetch returns before the reply exists", 2, false, "Return the future; do not join it.");
    static final Check FAILURE_REACHES_CALLER = new Check(FUTURE, "FutureNotValueHiddenTest.failureReachesCaller()",
            "a failed fetch completes the future exceptionally", 1, true, "");

    static final String TRICKY = "Expecting <html> & \"quotes\" to stay text,\nbut they were markup.";
    static final String TAMPERED = "exercises/01-coffee-shop/src/test/java/CoffeeShopTest.java";
    static final String NOTE = "the network could not be cut off: unshare -n is not permitted here";
    static final String DIAGNOSTICS = "FutureNotValue.java:12: error: ';' expected\n        return future\n                     ^\n1 error\n";
    static final String NOT_COMPILED = "Your code for 02-future-not-value did not compile, so no check of it could run:\n" + DIAGNOSTICS;
    static final String TOO_FEW = "Expecting 3 orders in flight at once,\nbut measured 1.";
    static final String TIMED_OUT = "ten orders brew at the same time timed out after 10 seconds";

    private SampleResults() {
    }

    /** 6/7: only the hidden coffee check fails, with {@link #TRICKY}; a test file was changed. */
    static SubmissionResult alice() {
        return new SubmissionResult("alice", List.of(
                new ExerciseResult(COFFEE, List.of(
                        passed(THREE_AT_ONCE), passed(IN_ORDER), new Verdict(TEN_AT_ONCE, false, TRICKY)), "", false, false),
                new ExerciseResult(FUTURE, List.of(passed(RETURNS_AT_ONCE), passed(FAILURE_REACHES_CALLER)), "", false, false)),
                List.of(TAMPERED), List.of(NOTE), "brewing latte\n", Duration.ofMillis(12_400));
    }

    /** 1/7: two coffee checks fail (one by time-out), and the future exercise does not compile. */
    static SubmissionResult bob() {
        return new SubmissionResult("bob", List.of(
                new ExerciseResult(COFFEE, List.of(
                        new Verdict(THREE_AT_ONCE, false, TOO_FEW), passed(IN_ORDER), new Verdict(TEN_AT_ONCE, false, TIMED_OUT)),
                        "", false, true),
                notCompiled()),
                List.of(), List.of(), "", Duration.ofMillis(3_600));
    }

    /** 0/3: one exercise, which does not compile: nothing ran at all. */
    static SubmissionResult carol() {
        return new SubmissionResult("carol", List.of(notCompiled()), List.of(), List.of(), "", Duration.ofSeconds(2));
    }

    /** 3/3: everything passes. */
    static SubmissionResult dave() {
        return new SubmissionResult("dave", List.of(
                new ExerciseResult(FUTURE, List.of(passed(RETURNS_AT_ONCE), passed(FAILURE_REACHES_CALLER)), "", false, false)),
                List.of(), List.of(), "", Duration.ofSeconds(1));
    }

    private static ExerciseResult notCompiled() {
        return new ExerciseResult(FUTURE, List.of(
                new Verdict(RETURNS_AT_ONCE, false, NOT_COMPILED), new Verdict(FAILURE_REACHES_CALLER, false, NOT_COMPILED)),
                DIAGNOSTICS, false, false);
    }

    static Verdict passed(Check check) {
        return new Verdict(check, true, "");
    }
}
