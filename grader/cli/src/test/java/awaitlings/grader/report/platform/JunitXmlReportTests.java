package awaitlings.grader.report.platform;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("JunitXmlReport")
class JunitXmlReportTests {

    @Test
    @DisplayName("JunitXmlReport · writes a testsuite with counts and one testcase per check, failures with their messages")
    void writesFailures() throws Exception {
        Element suite = parse(JunitXmlReport.render(bob(), bob().exercises().get(0))).getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("01-coffee-shop");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        List<Element> testcases = children(suite, "testcase");
        assertThat(testcases).extracting(testcase -> testcase.getAttribute("name")).containsExactly(
                "three orders brew at the same time", "orders come back in the order they were placed",
                "[hidden] ten orders brew at the same time");
        assertThat(testcases).extracting(testcase -> testcase.getAttribute("classname"))
                .containsExactly("CoffeeShopTest", "CoffeeShopTest", "CoffeeShopHiddenTest");
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
        Element suite = parse(JunitXmlReport.render(bob(), bob().exercises().get(1))).getDocumentElement();

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
        Element suite = parse(JunitXmlReport.render(alice(), alice().exercises().get(0))).getDocumentElement();

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

        Element suite = parse(JunitXmlReport.render(result, colored)).getDocumentElement();

        Element failure = children(children(suite, "testcase").get(0), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("\\u001B[31mred\\u001B[0m and a NUL \\u0000");
    }

    @Test
    @DisplayName("JunitXmlReport · names the test class from the check id, or the exercise when the id has none")
    void namesTheTestClass() {
        assertThat(JunitXmlReport.testClass(SampleResults.TEN_AT_ONCE)).isEqualTo("CoffeeShopHiddenTest");
        assertThat(JunitXmlReport.testClass(new Check("01-x", "orphan()", "n", 1, false, ""))).isEqualTo("01-x");
        assertThat(JunitXmlReport.testClass(new Check("01-x", "a.b.Test.m(java.lang.String)", "n", 1, false, "")))
                .isEqualTo("a.b.Test");
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
