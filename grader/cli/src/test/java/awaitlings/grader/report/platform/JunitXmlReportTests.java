package awaitlings.grader.report.platform;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("JunitXmlReport")
class JunitXmlReportTests {

    private static final Instant WRITTEN_AT = Instant.parse("2026-09-01T08:30:05.250Z");
    private static final String HOST = "grading-box";

    @Test
    @DisplayName("JunitXmlReport · writes a testsuite with counts and one testcase per check, failures with their messages")
    void writesFailures() throws Exception {
        Element suite = parse(render(bob(), 0)).getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        List<Element> testcases = children(suite, "testcase");
        assertThat(testcases).extracting(testcase -> testcase.getAttribute("name")).containsExactly(
                "three orders brew at the same time", "orders come back in the order they were placed",
                "[hidden] ten orders brew at the same time");
        assertThat(testcases).extracting(testcase -> testcase.getAttribute("classname"))
                .containsExactly("awaitlings.coffee.CoffeeShopTest", "awaitlings.coffee.CoffeeShopTest",
                        "awaitlings.coffee.CoffeeShopHiddenTest");
        Element failure = children(testcases.get(0), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo(SampleResults.TOO_FEW);
        assertThat(failure.getAttribute("type")).isEqualTo("check failed");
        assertThat(failure.getTextContent()).isEqualTo(SampleResults.TOO_FEW
                + "\n\nHint: Start all three orders before you wait for any of them.");
        assertThat(children(testcases.get(1), "failure")).isEmpty();
        assertThat(property(suite, "awaitlings.timedOut")).isEqualTo("true");
        assertThat(property(suite, "awaitlings.submission")).isEqualTo("bob");
        assertThat(property(suite, "awaitlings.score")).isEqualTo("1/4");
    }

    @Test
    @DisplayName("JunitXmlReport · reports every check of an exercise that did not compile as an error")
    void writesCompileErrorsAsErrors() throws Exception {
        Element suite = parse(render(bob(), 1)).getDocumentElement();

        assertThat(suite.getAttribute("errors")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        for (Element testcase : children(suite, "testcase")) {
            Element error = children(testcase, "error").get(0);
            assertThat(error.getAttribute("type")).isEqualTo("compile error");
            assertThat(error.getAttribute("message")).isEqualTo(SampleResults.NOT_COMPILED);
        }
    }

    @Test
    @DisplayName("JunitXmlReport · keeps markup characters as text and lists tampered files")
    void keepsMarkupAsText() throws Exception {
        Element suite = parse(render(alice(), 0)).getDocumentElement();

        Element failure = children(children(suite, "testcase").get(2), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo(SampleResults.TRICKY);
        assertThat(failure.getTextContent()).isEqualTo(SampleResults.TRICKY);
        assertThat(property(suite, "awaitlings.tampered")).isEqualTo(SampleResults.TAMPERED);
    }

    @Test
    @DisplayName("JunitXmlReport · stays parseable when a message holds characters XML forbids, written as Java escapes")
    void escapesCharactersXmlForbids() throws Exception {
        Check check = SampleResults.IN_ORDER;
        ExerciseResult colored = new ExerciseResult(check.exercise(),
                List.of(new Verdict(check, false, "\u001B[31mred\u001B[0m and a NUL \u0000")), "", false, false);
        SubmissionResult result = new SubmissionResult("eve", List.of(colored), List.of(), List.of(), "", Duration.ZERO);

        Element suite = parse(JunitXmlReport.render(result, colored, WRITTEN_AT, HOST)).getDocumentElement();

        Element failure = children(children(suite, "testcase").get(0), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("\\u001B[31mred\\u001B[0m and a NUL \\u0000");
    }

    @Test
    @DisplayName("JunitXmlReport · names suites for submission and exercise, and gives full class names, times, timestamp and host")
    void namesAndTimes() throws Exception {
        Element suite = parse(render(bob(), 0)).getDocumentElement();

        assertThat(suite.getAttribute("name")).isEqualTo("bob › 01-coffee-shop");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-09-01T08:30:05");
        assertThat(suite.getAttribute("hostname")).isEqualTo(HOST);
        assertThat(suite.getAttribute("time")).isEqualTo("1.375");
        List<Element> testcases = children(suite, "testcase");
        assertThat(testcases).extracting(testcase -> testcase.getAttribute("classname")).containsExactly(
                "awaitlings.coffee.CoffeeShopTest", "awaitlings.coffee.CoffeeShopTest", "awaitlings.coffee.CoffeeShopHiddenTest");
        assertThat(testcases).extracting(testcase -> testcase.getAttribute("time")).containsExactly("1.250", "0.125", "0.000");
        assertThat(children(suite, "system-out")).hasSize(1);
        assertThat(children(suite, "system-err")).hasSize(1);
    }

    @Test
    @DisplayName("JunitXmlReport · every file it writes is valid against the Apache Ant JUnit schema")
    void validAgainstTheAntSchema() throws Exception {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitXmlReportTests.class.getResource("/junit-xml/JUnit.xsd")).newValidator();
        List<SubmissionResult> all = List.of(alice(), bob(), SampleResults.carol(), SampleResults.dave(), NewerJdk.result());
        for (SubmissionResult result : all) {
            for (ExerciseResult exercise : result.exercises()) {
                String xml = JunitXmlReport.render(result, exercise, WRITTEN_AT, HOST);
                assertThatCode(() -> validator.validate(new StreamSource(new StringReader(xml))))
                        .as("%s's %s against JUnit.xsd", result.id(), exercise.exercise()).doesNotThrowAnyException();
            }
        }
    }

    /** A submission whose second exercise the grader's JDK was too old for. */
    private static final class NewerJdk {
        static SubmissionResult result() {
            return new SubmissionResult("frank", List.of(SampleResults.dave().exercises().get(0),
                    ExerciseResult.needingJdk("15-virtual-threads", 21)), List.of(), List.of(), "", Duration.ofSeconds(1));
        }
    }

    private static String render(SubmissionResult result, int exercise) {
        return JunitXmlReport.render(result, result.exercises().get(exercise), WRITTEN_AT, HOST);
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String property(Element suite, String name) {
        return children(children(suite, "properties").get(0), "property").stream()
                .filter(property -> property.getAttribute("name").equals(name))
                .map(property -> property.getAttribute("value"))
                .findFirst().orElseThrow(() -> new AssertionError("no property " + name));
    }
}
