package awaitlings.grader.report.platform;

import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.model.Verdict;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One exercise of one submission as a JUnit XML file, valid against the Apache Ant JUnit schema that CI test
 * reporters read: a {@code testsuite} named for the submission and the exercise (so that the suites of different
 * submissions never merge) with its {@code tests}/{@code failures}/{@code errors}/{@code skipped} counts, its
 * {@code time}, a {@code timestamp} and the {@code hostname}, and {@code properties}; one {@code testcase} per check
 * ({@code classname} the test class's full name, {@code name} the check's sentence, hidden checks starting with
 * "[hidden] ", {@code time} as the check's JVM measured it), a {@code failure} for a failed check and an {@code error}
 * for every check of an exercise that did not compile; an exercise the grader's JDK was too old to grade is one
 * {@code skipped} test case that says which JDK it needs. {@code system-out} and {@code system-err} are there and
 * empty: what the code printed is for the instructor's report, not for a file the learner may see.
 */
public final class JunitXmlReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private JunitXmlReport() {
    }

    /**
     * @param writtenAt when the file is written, just after the submission was graded: the suite's timestamp, in
     *                  UTC (the schema takes no zone)
     * @param hostname  the machine that graded it
     */
    public static String render(SubmissionResult result, ExerciseResult exercise, Instant writtenAt, String hostname) {
        Document document = newDocument();
        Element suite = document.createElement("testsuite");
        document.appendChild(suite);
        boolean notCompiled = !exercise.compileError().isEmpty();
        long failed = exercise.verdicts().stream().filter(verdict -> !verdict.passed()).count();
        Duration total = exercise.verdicts().stream().map(Verdict::time).reduce(Duration.ZERO, Duration::plus);
        suite.setAttribute("name", XmlText.clean(result.id() + " › " + exercise.exercise()));
        suite.setAttribute("tests", String.valueOf(exercise.verdicts().size()));
        suite.setAttribute("errors", String.valueOf(notCompiled ? failed : 0));
        suite.setAttribute("skipped", "0");
        suite.setAttribute("failures", String.valueOf(notCompiled ? 0 : failed));
        suite.setAttribute("time", seconds(total));
        suite.setAttribute("timestamp", TIMESTAMP.format(writtenAt.atOffset(ZoneOffset.UTC)));
        suite.setAttribute("hostname", hostname.isBlank() ? "localhost" : XmlText.clean(hostname));
        Element properties = child(suite, "properties");
        property(properties, "awaitlings.submission", result.id());
        property(properties, "awaitlings.exercise", exercise.exercise());
        property(properties, "awaitlings.score", exercise.score() + "/" + exercise.maxScore());
        property(properties, "awaitlings.crashed", String.valueOf(exercise.crashed()));
        property(properties, "awaitlings.timedOut", String.valueOf(exercise.timedOut()));
        property(properties, "awaitlings.tampered", String.join(", ", result.tampered()));
        if (exercise.needsNewerJdk()) {
            // Its checks are unknown without a JDK that compiles them: one test case stands for the exercise.
            suite.setAttribute("tests", "1");
            suite.setAttribute("skipped", "1");
            Element testcase = child(suite, "testcase");
            testcase.setAttribute("name", exercise.needsJdkText());
            testcase.setAttribute("classname", exercise.exercise());
            testcase.setAttribute("time", seconds(Duration.ZERO));
            child(testcase, "skipped").setAttribute("message", "not graded: " + exercise.exercise() + " "
                    + exercise.needsJdkText() + ", and the grader ran on an older JDK");
        }
        for (Verdict verdict : exercise.verdicts()) {
            Element testcase = child(suite, "testcase");
            testcase.setAttribute("name", XmlText.clean(CheckLabels.markedName(verdict.check())));
            testcase.setAttribute("classname", XmlText.clean(verdict.check().testClass()));
            testcase.setAttribute("time", seconds(verdict.time()));
            if (!verdict.passed()) {
                Element problem = child(testcase, notCompiled ? "error" : "failure");
                problem.setAttribute("message", XmlText.clean(verdict.message()));
                problem.setAttribute("type", notCompiled ? "compile error" : "check failed");
                problem.setTextContent(XmlText.clean(LearnerText.of(verdict, exercise)));
            }
        }
        child(suite, "system-out");
        child(suite, "system-err");
        return serialize(document);
    }

    /** Seconds with three decimals, as Ant and Surefire write them: {@code 1.250}. */
    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0);
    }

    private static void property(Element properties, String name, String value) {
        Element property = child(properties, "property");
        property.setAttribute("name", name);
        property.setAttribute("value", XmlText.clean(value));
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML support is missing: " + e.getMessage(), e);
        }
    }

    private static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            // The JDK writes its own declaration on the root element's line: write it here, on a line of its own.
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter xml = new StringWriter().append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            transformer.transform(new DOMSource(document), new StreamResult(xml));
            return xml.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not write JUnit XML: " + e.getMessage(), e);
        }
    }
}
