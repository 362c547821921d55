package awaitlings.grader.report;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.HeadlessChromium;
import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.SubmissionResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
                        + "<td class=\"cell partial\"><a href=\"#s1-e1\">3/4</a></td>"
                        + "<td class=\"cell full\"><a href=\"#s1-e2\">3/3</a></td>"
                        + "<td class=\"total\">6/7</td><td class=\"flags\">tampered</td></tr>")
                .contains("<tr><th scope=\"row\"><a href=\"#s2\">bob</a></th>"
                        + "<td class=\"cell partial\"><a href=\"#s2-e1\">1/4</a></td>"
                        + "<td class=\"cell error\"><a href=\"#s2-e2\">0/3</a></td>"
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
    @DisplayName("HtmlReport · links every cell to an anchor that exists, and lists failing checks with their messages")
    void linksResolve() {
        String html = HtmlReport.render(List.of(bob(), alice()), SampleResults.EXERCISES);

        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int count = 0;
        while (links.find()) {
            assertThat(html).as("target of link #%s", links.group(1)).contains("id=\"" + links.group(1) + "\"");
            count++;
        }
        assertThat(count).as("links to submissions and their exercises").isEqualTo(6);
        assertThat(html)
                .contains("<section class=\"exercise\" id=\"s1-e1\">\n<h3>01-coffee-shop · 3/4</h3>")
                .contains("<li><strong>ten orders brew at the same time</strong> <span class=\"hidden\">hidden</span> · 0/1\n"
                        + "<pre>Expecting &lt;html&gt; &amp; &quot;quotes&quot; to stay text,\nbut they were markup.</pre></li>")
                .contains("<li><strong>three orders brew at the same time</strong> · 0/2\n<pre>Expecting 3 orders in flight")
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
                java.time.Duration.ZERO);

        String html = HtmlReport.render(List.of(sneaky), List.of());

        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    private Path write(String html) throws Exception {
        Path file = folder.resolve("report.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }
}
