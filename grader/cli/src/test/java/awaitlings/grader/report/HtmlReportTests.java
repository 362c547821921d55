package awaitlings.grader.report;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.Batch;
import awaitlings.grader.fixture.HeadlessChromium;
import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("HtmlReport")
class HtmlReportTests {

    private static final String NO_CHROMIUM = "Debian's chromium is not installed at " + HeadlessChromium.BINARY
            + " (apt-get install -y chromium): the report cannot be checked in a real browser here";

    @TempDir
    Path folder;

    @Test
    @DisplayName("HtmlReport · loads in headless Chromium without a console error and shows each submission's total")
    void showsTheTotalsInChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        Path report = write(HtmlReport.render(List.of(bob(), alice()), SampleResults.EXERCISES));

        HeadlessChromium.Page page = HeadlessChromium.load(report, folder);

        assertThat(page.consoleLines()).as("console lines Chromium logged for the report").isEmpty();
        assertThat(page.dom())
                .contains("<tr><th scope=\"row\"><a href=\"#s1\">alice</a></th>"
                        + "<td class=\"cell partial\"><span class=\"mark\">◐</span> <a href=\"#s1-e1\">3/4</a></td>"
                        + "<td class=\"cell full\"><span class=\"mark\">✓</span> <a href=\"#s1-e2\">3/3</a></td>"
                        + "<td class=\"total\">6/7</td><td class=\"flags\">tampered</td></tr>")
                .contains("<tr><th scope=\"row\"><a href=\"#s2\">bob</a></th>"
                        + "<td class=\"cell partial\"><span class=\"mark\">◐</span> <a href=\"#s2-e1\">1/4</a></td>"
                        + "<td class=\"cell error\"><span class=\"mark\">⚠</span> <a href=\"#s2-e2\">0/3</a></td>"
                        + "<td class=\"total\">1/7</td>");
    }

    @Test
    @DisplayName("HtmlReport · shows a message quoting <html> & \"quotes\" as text in Chromium, not as markup")
    void keepsMessagesAsTextInChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        Path report = write(HtmlReport.render(List.of(alice()), SampleResults.EXERCISES));

        HeadlessChromium.Page page = HeadlessChromium.load(report, folder);

        // Chromium serializes a text node with < > & escaped and quotes as they are.
        assertThat(page.dom()).contains("<pre>Expecting &lt;html&gt; &amp; \"quotes\" to stay text,\nbut they were markup.</pre>");
        assertThat(page.consoleLines()).isEmpty();
    }

    @Test
    @DisplayName("HtmlReport · the console check is not blind: it catches an uncaught error on a broken page")
    void consoleCheckCatchesErrors() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        Path broken = write("<!DOCTYPE html><html><head><title>broken</title></head><body>"
                + "<script>notDefinedAnywhere();</script></body></html>");

        HeadlessChromium.Page page = HeadlessChromium.load(broken, folder);

        assertThat(page.consoleLines()).anySatisfy(line -> assertThat(line).contains("Uncaught ReferenceError"));
    }

    @Test
    @DisplayName("HtmlReport · links every cell to an anchor that exists, and lists failing checks with their messages and hints")
    void linksResolve() {
        String html = HtmlReport.render(List.of(bob(), alice()), SampleResults.EXERCISES);

        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int count = 0;
        while (links.find()) {
            assertThat(html).as("target of link #%s", links.group(1)).contains("id=\"" + links.group(1) + "\"");
            count++;
        }
        assertThat(count).as("links to submissions and their exercises").isEqualTo(8);
        assertThat(html)
                .contains("<section class=\"exercise\" id=\"s1-e1\">\n<h3>01-coffee-shop · 3/4</h3>")
                .contains("<li><strong><span class=\"mark\">✗</span> ten orders brew at the same time</strong>"
                        + " <span class=\"hidden\">hidden</span> · 0/1\n"
                        + "<pre>Expecting &lt;html&gt; &amp; &quot;quotes&quot; to stay text,\nbut they were markup.</pre></li>")
                .contains("<li><strong><span class=\"mark\">✗</span> three orders brew at the same time</strong> · 0/2\n"
                        + "<div class=\"failure\"><pre>Expecting 3 orders in flight at once,\nbut measured 1.</pre>"
                        + "<p class=\"hint\"><strong>Hint:</strong> Start all three orders before you wait for any of them.</p></div></li>")
                .contains("<p class=\"warning\">Did not compile: none of its 2 checks could run.</p>\n<pre>FutureNotValue.java:12: error: &#39;;&#39; expected")
                .contains("<li>" + SampleResults.TAMPERED + "</li>")
                .contains("<li>" + SampleResults.NOTE + "</li>")
                .doesNotContain("<html> &")
                .doesNotContain("<script");
    }

    @Test
    @DisplayName("HtmlReport · escapes a submission id that looks like markup")
    void escapesIds() {
        SubmissionResult sneaky = new SubmissionResult("<img src=x onerror=alert(1)>", List.of(), List.of(), List.of(), "",
                Duration.ZERO);

        String html = HtmlReport.render(List.of(sneaky), List.of());

        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    @DisplayName("HtmlReport · shows in Chromium, for a class of 20, how many passed each check, the most-failed first, and the flags counted")
    void classViewCountsInChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        List<SubmissionResult> batch = SampleResults.mixedClass(20);
        Path report = write(HtmlReport.render(batch, SampleResults.EXERCISES));

        HeadlessChromium.Page page = HeadlessChromium.load(report, folder);

        assertThat(page.consoleLines()).isEmpty();
        for (int e = 0; e < SampleResults.EXERCISES.size(); e++) {
            String exercise = SampleResults.EXERCISES.get(e);
            assertThat(tallyRows(page.dom(), "c" + (e + 1))).as("rows of %s's checks", exercise).containsExactlyElementsOf(tallies(batch, exercise));
        }
        assertThat(page.dom()).contains("<p class=\"flag-counts\">Flags: "
                + flagCount(batch, result -> !result.graded(), "not-graded") + " · "
                + flagCount(batch, result -> !result.tampered().isEmpty(), "tampered") + " · "
                + flagCount(batch, result -> result.exercises().stream().anyMatch(exercise -> !exercise.compileError().isEmpty()), "compile-errors") + " · "
                + flagCount(batch, result -> result.exercises().stream().anyMatch(ExerciseResult::crashed), "crashed") + " · "
                + flagCount(batch, result -> result.exercises().stream().anyMatch(ExerciseResult::timedOut), "timed-out") + "</p>");
    }

    @Test
    @DisplayName("HtmlReport · draws a failed check's timeline in Chromium: a bar per call, each with its label, thread, times and ending on hover")
    void drawsTimelinesInChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        Path report = write(HtmlReport.render(List.of(SampleResults.bobWithTimeline()), SampleResults.EXERCISES));

        HeadlessChromium.Page page = HeadlessChromium.load(report, folder);

        assertThat(page.consoleLines()).as("console lines Chromium logged for the report").isEmpty();
        java.util.regex.Matcher bars = java.util.regex.Pattern.compile("<rect class=\"call-bar ([a-z-]+)\"[^>]*><title>([^<]*)</title>")
                .matcher(page.dom());
        List<String> drawn = new ArrayList<>();
        while (bars.find()) {
            drawn.add(bars.group(1) + ": " + bars.group(2));
        }
        assertThat(drawn).containsExactly("returned: latte on counter-staff-1: 0–200 ms, returned",
                "failed: mocha &lt;b&gt; on counter-staff-2: 201–401 ms, failed",
                "in-flight: tea on counter-staff-3: 402–612 ms, in flight");
        assertThat(page.dom()).contains("3 calls; ✗ failed · ⊘ interrupted or cancelled · → still in flight at the end");
    }

    @Test
    @DisplayName("HtmlReport · lays out 400 px wide in Chromium without a page-wide horizontal scroll, however wide its tables and ids")
    void fitsAPhoneInChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        List<SubmissionResult> batch = new ArrayList<>(SampleResults.mixedClass(20));
        String unbroken = "x".repeat(300);
        batch.add(SampleResults.bobWithTimeline());
        batch.add(new SubmissionResult(unbroken, List.of(new ExerciseResult(SampleResults.COFFEE, List.of(
                new Verdict(SampleResults.THREE_AT_ONCE, false, unbroken), SampleResults.passed(SampleResults.IN_ORDER)), "", false, false)),
                List.of(unbroken), List.of(unbroken), unbroken, Duration.ZERO));
        List<String> thirteenExercises = IntStream.rangeClosed(1, 13).mapToObj(n -> String.format("%02d-exercise-with-a-long-name", n)).toList();
        List<String> exercises = new ArrayList<>(SampleResults.EXERCISES);
        exercises.addAll(thirteenExercises);
        Path report = write(HtmlReport.render(batch, exercises));

        HeadlessChromium.Widths widths = HeadlessChromium.widths(report, 400, folder);

        assertThat(widths.window()).as("the window's width in CSS pixels, scroll bar aside").isBetween(380, 400);
        assertThat(widths.document()).as("the document's width in a window %d px wide", widths.window()).isLessThanOrEqualTo(widths.window());
    }

    @Test
    @DisplayName("HtmlReport · the width check is not blind: it sees a page wider than its window")
    void widthCheckSeesOverflow() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        Path wide = write("<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width\"><title>wide</title></head>"
                + "<body><div style=\"width:1200px\">wide</div></body></html>");

        HeadlessChromium.Widths widths = HeadlessChromium.widths(wide, 400, folder);

        assertThat(widths.document()).isGreaterThan(widths.window());
    }

    @Test
    @DisplayName("HtmlReport · escapes a hint and a message that look like markup")
    void escapesHintsAndMessages() {
        Check sneaky = new Check(SampleResults.COFFEE, "SneakyTest.x()", "sneaky", 1, false, "<script>alert('hint')</script>");
        SubmissionResult result = new SubmissionResult("mallory", List.of(new ExerciseResult(SampleResults.COFFEE, List.of(
                new Verdict(sneaky, false, "</pre><script>alert(1)</script>")), "", false, false)), List.of(), List.of(), "", Duration.ZERO);

        String html = HtmlReport.render(List.of(result), List.of(SampleResults.COFFEE));

        assertThat(html).contains("<div class=\"failure\"><pre>&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</pre>"
                + "<p class=\"hint\"><strong>Hint:</strong> &lt;script&gt;alert(&#39;hint&#39;)&lt;/script&gt;</p></div>")
                .doesNotContain("<script");
    }

    @Test
    @Tag("slow")
    @Timeout(300)
    @DisplayName("(slow) HtmlReport · for a class of 20 real submissions of 01, shows in Chromium the class view, each failed check's timeline and its hint")
    void aRealClassInChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), NO_CHROMIUM);
        Batch batch = Batch.of(folder.resolve("class"), Batch.EXERCISE);
        List<String> oneAtATime = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            batch.solved("solved-" + i);
        }
        for (int i = 1; i <= 5; i++) {
            batch.stub("stub-" + i);
        }
        for (int i = 1; i <= 4; i++) {
            oneAtATime.add("one-at-a-time-" + i);
            Batch.edit(Batch.coffeeShop(batch.solved(oneAtATime.get(i - 1))), code -> code
                    .replace("List<CompletableFuture<Coffee>> buzzers = drinks.stream().map(this::orderWithBuzzer).toList();", "")
                    .replace("return buzzers.stream().map(CompletableFuture::join).toList();",
                            "return drinks.stream().map(this::orderWithBuzzer).map(CompletableFuture::join).toList();"));
        }
        for (int i = 1; i <= 3; i++) {
            batch.partlySolved("task-1-only-" + i);
        }
        for (int i = 1; i <= 2; i++) {
            Batch.edit(Batch.coffeeShop(batch.stub("not-compiling-" + i)), code -> code.replace("public Coffee orderAndWait(String drink) {",
                    "public Coffee orderAndWait(String drink) { int"));
        }

        Batch.Graded graded = batch.grade();
        List<SubmissionResult> results = new ArrayList<>();
        try (var folders = Files.list(graded.out())) {
            folders.filter(id -> Files.isRegularFile(id.resolve("awaitlings.json"))).map(id -> id.getFileName().toString()).sorted()
                    .forEach(id -> results.add(graded.result(id)));
        }
        assertThat(results).hasSize(20);
        HeadlessChromium.Page page = HeadlessChromium.load(graded.out().resolve("report.html"), folder);

        assertThat(page.consoleLines()).isEmpty();
        assertThat(tallyRows(page.dom(), "c1")).as("the class view's rows").containsExactlyElementsOf(tallies(results, Batch.EXERCISE));
        List<Verdict> failed = results.stream().flatMap(result -> result.exercises().stream()).flatMap(e -> e.verdicts().stream())
                .filter(verdict -> !verdict.passed()).toList();
        assertThat(oneAtATime).allSatisfy(id -> assertThat(graded.result(id).exercises().get(0).verdicts())
                .as("%s's failed checks", id).anyMatch(verdict -> !verdict.passed() && verdict.timeline().size() >= 3));
        assertThat(countOf(page.dom(), "<rect class=\"call-bar ")).as("bars drawn in the report")
                .isEqualTo(failed.stream().mapToInt(verdict -> verdict.timeline().size()).sum());
        List<Verdict> ranAndFailed = results.stream().flatMap(result -> result.exercises().stream()).filter(e -> e.compileError().isEmpty())
                .flatMap(e -> e.verdicts().stream()).filter(verdict -> !verdict.passed()).toList();
        String html = Files.readString(graded.out().resolve("report.html"));
        assertThat(ranAndFailed).as("checks that ran and failed").isNotEmpty().allSatisfy(verdict -> assertThat(html)
                .contains("<p class=\"hint\"><strong>Hint:</strong> " + Html.escape(verdict.hint())));
    }

    private static int countOf(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }

    /** "name: passed of N" for each row of the class view's table of checks in the section {@code anchor}, in page order. */
    private static List<String> tallyRows(String dom, String anchor) {
        int start = dom.indexOf("<section class=\"exercise-tally\" id=\"" + anchor + "\">");
        assertThat(start).as("the class view's section %s", anchor).isNotNegative();
        String section = dom.substring(start, dom.indexOf("</section>", start));
        Matcher rows = TALLY_ROW.matcher(section);
        List<String> found = new ArrayList<>();
        while (rows.find()) {
            found.add(rows.group(1) + ": " + rows.group(2) + " of " + rows.group(3));
        }
        return found;
    }

    private static final Pattern TALLY_ROW = Pattern.compile(
            "<tr class=\"tally\"><td>(.*?)(?: <span class=\"hidden\">hidden</span>)?</td><td class=\"count\">(\\d+) of (\\d+)</td>");

    /** The same rows counted straight from the results: graded submissions only, lowest share passed first. */
    private static List<String> tallies(List<SubmissionResult> batch, String exercise) {
        List<Verdict> verdicts = batch.stream().filter(SubmissionResult::graded).flatMap(result -> result.exercises().stream())
                .filter(result -> result.exercise().equals(exercise)).flatMap(result -> result.verdicts().stream()).toList();
        Map<Check, long[]> counts = new LinkedHashMap<>();
        verdicts.forEach(verdict -> {
            long[] passedOf = counts.computeIfAbsent(verdict.check(), check -> new long[2]);
            passedOf[0] += verdict.passed() ? 1 : 0;
            passedOf[1]++;
        });
        return counts.entrySet().stream()
                .sorted(Comparator.comparingDouble(entry -> (double) entry.getValue()[0] / entry.getValue()[1]))
                .map(entry -> entry.getKey().name() + ": " + entry.getValue()[0] + " of " + entry.getValue()[1]).toList();
    }

    private static String flagCount(List<SubmissionResult> batch, Predicate<SubmissionResult> flagged, String kind) {
        return "<span class=\"flag-count\"><strong>" + batch.stream().filter(flagged).count() + "</strong> " + kind + "</span>";
    }

    private Path write(String html) throws Exception {
        Path file = folder.resolve("report.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }
}
