package awaitlings.grader.command;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Progress")
class ProgressTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StringWriter text = new StringWriter();

    private Progress progress(boolean terminal, int total) {
        return new Progress(new PrintWriter(text), terminal, total, now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static SubmissionResult result(String id, int passed) {
        List<Verdict> verdicts = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> new Verdict(new Check("01-alpha", "T.c" + i + "()", "check " + i, 1, false, ""), i < passed, ""))
                .toList();
        return new SubmissionResult(id, List.of(new ExerciseResult("01-alpha", verdicts, "", false, false)),
                List.of(), List.of(), "", Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("in a log, one plain line per finished submission, with the time since the batch began")
    void plainLines() {
        Progress progress = progress(false, 40);
        progress.kept(result("student-01", 4));
        progress.started("student-07");
        advance(Duration.ofSeconds(42));
        progress.graded(result("student-07", 3));
        advance(Duration.ofMinutes(61));
        progress.failed("student-08", "IllegalStateException: the graded JVM did not start");
        progress.finish();

        assertThat(text.toString()).isEqualTo("""
                kept 1/40 student-01: 4/4 points (graded in an earlier run)
                graded 2/40 student-07: 3/4 points (0:42)
                failed 3/40 student-08: IllegalStateException: the graded JVM did not start
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    @DisplayName("on a terminal, one bar redrawn in place: done/total, the current submission, elapsed and ETA")
    void bar() {
        Progress progress = progress(true, 40);
        progress.started("student-01");
        assertThat(progress.bar()).isEqualTo("[--------------------] 0/40  student-01  0:00 elapsed  ETA -:--");

        for (int i = 1; i <= 12; i++) {
            advance(Duration.ofMillis(3500));
            progress.graded(result("student-" + i, 2));
        }
        progress.started("student-13");

        assertThat(progress.bar()).isEqualTo("[######--------------] 12/40  student-13  0:42 elapsed  ETA 1:38");
        assertThat(text.toString()).startsWith("\r[--------------------] 0/40  student-01  0:00 elapsed  ETA -:--\r")
                .endsWith("\r" + progress.bar()).doesNotContain("\n");
    }

    @Test
    @DisplayName("on a terminal, a shorter bar wipes the longer one before it, a failure gets a line of its own, and finish ends the line")
    void redraw() {
        Progress progress = progress(true, 2);
        progress.started("a-very-long-submission-name");
        String longBar = progress.bar();
        progress.started("short");
        progress.failed("short", "broken");
        progress.finish();

        String expectedShort = "[--------------------] 0/2  short  0:00 elapsed  ETA -:--";
        String afterFailure = "[##########----------] 1/2  short  0:00 elapsed  ETA -:--";
        assertThat(text.toString()).isEqualTo("\r" + longBar
                + "\r" + expectedShort + " ".repeat(longBar.length() - expectedShort.length())
                + "\r" + " ".repeat(expectedShort.length()) + "\r"
                + "failed 1/2 short: broken" + System.lineSeparator()
                + "\r" + afterFailure
                + System.lineSeparator());
    }

    @Test
    @DisplayName("durations read as m:ss, and h:mm:ss from an hour on")
    void clock() {
        assertThat(Progress.clock(Duration.ofSeconds(5))).isEqualTo("0:05");
        assertThat(Progress.clock(Duration.ofSeconds(110))).isEqualTo("1:50");
        assertThat(Progress.clock(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59:59");
        assertThat(Progress.clock(Duration.ofHours(1).plusSeconds(61))).isEqualTo("1:01:01");
    }
}
