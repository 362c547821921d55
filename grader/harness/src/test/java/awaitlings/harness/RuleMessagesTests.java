package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the exact text of the rule messages. */
@DisplayName("RuleMessages")
class RuleMessagesTests {

    @Test
    @DisplayName("one broken rule: its sentence, then the lines that break it")
    void one() {
        assertThat(RuleMessages.shouldFollowRules(List.of(RuleMessages.brokenRule("no code of yours should wait",
                List.of("Method <A.b()> calls method <java.util.concurrent.CompletableFuture.join()> in (A.java:3)")))))
                .isEqualTo("""
                        Expecting your compiled code to follow the exercise's rules,
                        but it breaks this one:
                        no code of yours should wait
                            Method <A.b()> calls method <java.util.concurrent.CompletableFuture.join()> in (A.java:3)""");
    }

    @Test
    @DisplayName("many offending lines are cut after eight")
    void many() {
        assertThat(RuleMessages.brokenRule("rule", Collections.nCopies(10, "line")))
                .endsWith("    line" + System.lineSeparator() + "    (and 2 more)")
                .hasLineCount(10);
    }
}
