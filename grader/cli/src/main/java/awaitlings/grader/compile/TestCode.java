package awaitlings.grader.compile;

import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The source of a check's test method, as a platform shows it beside the verdict (Exercism's {@code test_code}):
 * from the line of its declaration to the brace that closes its body, indented as in the file less the method's
 * own indent. Braces inside string and character literals, text blocks and comments do not count.
 */
public final class TestCode {

    private TestCode() {
    }

    /** The method's source; empty when the check's place is unknown or the file cannot be read. */
    public static String of(Course course, Check check) {
        if (check.file().isEmpty() || check.line() < 1) {
            return "";
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(course.root().resolve(check.file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        if (check.line() > lines.size()) {
            return "";
        }
        String first = lines.get(check.line() - 1);
        int indent = first.length() - first.stripLeading().length();
        StringBuilder code = new StringBuilder();
        Scanner scanner = new Scanner();
        for (int i = check.line() - 1; i < lines.size(); i++) {
            String line = lines.get(i);
            code.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip()).append('\n');
            if (scanner.closesBody(line)) {
                return code.toString().stripTrailing();
            }
        }
        return "";
    }

    /** Counts braces line by line, outside literals and comments; a text block or a block comment may span lines. */
    private static final class Scanner {
        private int depth;
        private boolean opened;
        private boolean inTextBlock;
        private boolean inComment;

        boolean closesBody(String line) {
            int i = 0;
            while (i < line.length()) {
                if (inTextBlock) {
                    int end = line.indexOf("\"\"\"", i);
                    if (end < 0) {
                        return false;
                    }
                    inTextBlock = false;
                    i = end + 3;
                } else if (inComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        return false;
                    }
                    inComment = false;
                    i = end + 2;
                } else if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    i += 3;
                } else if (line.startsWith("/*", i)) {
                    inComment = true;
                    i += 2;
                } else if (line.startsWith("//", i)) {
                    return false;
                } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                    i = endOfLiteral(line, i);
                } else {
                    char c = line.charAt(i++);
                    if (c == '{') {
                        depth++;
                        opened = true;
                    } else if (c == '}' && --depth == 0 && opened) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The index just past the string or character literal that starts at {@code start}. */
        private static int endOfLiteral(String line, int start) {
            char quote = line.charAt(start);
            int i = start + 1;
            while (i < line.length() && line.charAt(i) != quote) {
                i += line.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }
    }
}
