package awaitlings.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TestCode")
class TestCodeTests {

    private static final String FILE = "exercises/01-x/src/test/java/x/XTest.java";

    @TempDir
    Path root;

    @Test
    @DisplayName("TestCode · takes the method from its declaration to its closing brace, ignoring braces in literals and comments")
    void takesTheWholeMethod() throws IOException {
        write("""
                class XTest {
                    @Test
                    void braces() {
                        String open = "{ not a block";
                        char close = '}';
                        String block = \"""
                                } also not
                                \""";
                        /* } */ // }
                        if (open.isEmpty()) {
                            fail();
                        }
                    }

                    void next() {
                    }
                }
                """);

        assertThat(TestCode.of(course(), check(3))).isEqualTo("""
                void braces() {
                    String open = "{ not a block";
                    char close = '}';
                    String block = \"""
                            } also not
                            \""";
                    /* } */ // }
                    if (open.isEmpty()) {
                        fail();
                    }
                }""");
    }

    @Test
    @DisplayName("TestCode · is empty when the check's place is unknown or its file is gone")
    void emptyWhenUnknown() throws IOException {
        write("class XTest {\n}\n");

        assertThat(TestCode.of(course(), new Check("01-x", "XTest.a()", "a", 1, false, ""))).isEmpty();
        assertThat(TestCode.of(course(), new Check("01-x", "XTest.a()", "a", 1, false, "", "x.XTest", "gone.java", 1))).isEmpty();
        assertThat(TestCode.of(course(), check(40))).isEmpty();
    }

    private void write(String source) throws IOException {
        Files.createDirectories(root.resolve(FILE).getParent());
        Files.writeString(root.resolve(FILE), source);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("exercises/01-x"));
    }

    private Course course() {
        return Course.at(root);
    }

    private static Check check(int line) {
        return new Check("01-x", "XTest.braces()", "braces", 1, false, "", "x.XTest", FILE, line);
    }
}
