package awaitlings.harness;

import java.util.List;

/** The messages of {@link AsyncRules}: each broken rule as its sentence, then the lines that break it. */
final class RuleMessages {

    private static final int MAX_LINES = 8;

    private RuleMessages() {
    }

    static String brokenRule(String rule, List<String> violations) {
        StringBuilder text = new StringBuilder(rule);
        violations.stream().limit(MAX_LINES).forEach(line -> text.append(System.lineSeparator()).append("    ").append(line));
        if (violations.size() > MAX_LINES) {
            text.append(System.lineSeparator()).append("    (and ").append(violations.size() - MAX_LINES).append(" more)");
        }
        return text.toString();
    }

    static String shouldFollowRules(List<String> broken) {
        return String.format("Expecting your compiled code to follow the exercise's rules,%nbut it breaks %s:%n%s",
                broken.size() == 1 ? "this one" : "these " + broken.size(),
                String.join(System.lineSeparator(), broken));
    }
}
