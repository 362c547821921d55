package awaitlings.course;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One change PIT made to a solution, and whether a check noticed it, as its {@code mutations.xml} report says.
 *
 * @param className   the simple name of the mutated class, e.g. {@code EventLoop} (nested ones as {@code Outer$Inner})
 * @param method      the mutated method, e.g. {@code close} or {@code lambda$submit$0}
 * @param line        the source line of the change
 * @param description what PIT changed, e.g. {@code negated conditional}
 * @param status      PIT's verdict: {@code KILLED}, {@code TIMED_OUT}, {@code SURVIVED}, {@code NO_COVERAGE}, …
 */
record Mutant(String className, String method, int line, String description, String status) {

    /**
     * A mutant counts as caught when a check failed on it, it made a check run out of time, or it ran the checks' JVM
     * out of memory: what PIT itself counts as detected, bar a run error.
     */
    private static final Set<String> CAUGHT = Set.of("KILLED", "TIMED_OUT", "MEMORY_ERROR");

    /** Every mutant of one PIT report, in its order. */
    static List<Mutant> readAll(Path mutationsXml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder().parse(mutationsXml.toFile()).getElementsByTagName("mutation");
            List<Mutant> mutants = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element m = (Element) nodes.item(i);
                String mutatedClass = text(m, "mutatedClass");
                mutants.add(new Mutant(mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1), text(m, "mutatedMethod"),
                        Integer.parseInt(text(m, "lineNumber")), text(m, "description"), m.getAttribute("status")));
            }
            return mutants;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(mutationsXml + " is not a PIT report: " + e.getMessage(), e);
        }
    }

    boolean caught() {
        return CAUGHT.contains(status);
    }

    /** Where and what, as the equivalents file names a mutant: {@code EventLoop.close:64 negated conditional}. */
    String key() {
        return className + "." + method + ":" + line + " " + description;
    }

    private static String text(Element mutation, String tag) {
        return mutation.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
