package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("ExerciseBanner")
class ExerciseBannerTests {

    @Test
    @DisplayName("a finished exercise says done, with checks and points")
    void done() {
        String banner = ExerciseBanner.render("01-coffee-shop", List.of(
                new CheckResult("ShopTest", "orders overlap", true, 2, "", "start all"),
                new CheckResult("ShopTest", "buzzer fires", true, 1, "", "")));
        assertThat(banner).contains("┌─ 01-coffee-shop ").contains("│ ✔ done: 2 of 2 checks pass · 3 of 3 points");
    }

    @Test
    @DisplayName("an unfinished exercise shows the first failing check, its message and its hint")
    void nextCheck() {
        String banner = ExerciseBanner.render("01-coffee-shop", List.of(
                new CheckResult("ShopTest", "orders overlap", true, 2, "", ""),
                new CheckResult("ShopTest", "buzzer fires", false, 1, "Expecting a buzz,\nbut none came", "Use thenAccept."),
                new CheckResult("ShopTest", "later check", false, 1, "other", "")));
        assertThat(banner).contains("""
                │ ✘ 1 of 3 checks pass · 2 of 4 points
                │
                │ Next check to fix: buzzer fires  (ShopTest)
                │   Expecting a buzz,
                │   but none came
                │ Hint: Use thenAccept.
                └""").doesNotContain("other");
    }

    @Test
    @DisplayName("a check that was skipped (its assumption did not hold) is neither passed nor failed, and says why")
    void skippedChecks() {
        String banner = ExerciseBanner.render("course check", List.of(new CheckResult("CourseTests", "has exercises", true, 1, "", "")),
                List.of("15-virtual-threads: needs JDK 21 or newer"));
        assertThat(banner).contains("""
                │ ✔ done: 1 of 1 checks pass · 1 of 1 points · 1 skipped
                │ Skipped: 15-virtual-threads: needs JDK 21 or newer
                └""");
    }

    @Test
    @DisplayName("as a listener it reads @Points and @Hint, shows a failure's own hint over the check's, and prints one banner")
    void listensToARun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExerciseBanner banner = new ExerciseBanner(new PrintStream(bytes, true, StandardCharsets.UTF_8), "99-sample");
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build(), banner);

        assertThat(banner.results()).extracting(CheckResult::name, CheckResult::passed, CheckResult::points, CheckResult::hint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("passes", true, 2, ""),
                        org.assertj.core.groups.Tuple.tuple("fails", false, 1, "try harder"),
                        org.assertj.core.groups.Tuple.tuple("leaks", false, 1, "close what you open"));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("┌─ 99-sample").contains("1 of 3 checks pass · 2 of 4 points · 1 skipped").contains("Hint: try harder")
                .contains("│ Skipped: not here: only on a newer JDK");
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Sample {
        @Test
        @Order(1)
        @DisplayName("passes")
        @Points(2)
        void passes() {
        }

        @Test
        @Order(2)
        @DisplayName("fails")
        @Hint("try harder")
        void fails() {
            throw new AssertionError("nope");
        }

        @Test
        @Order(3)
        @DisplayName("leaks")
        @Hint("the check's own hint, about its task")
        void leaks() {
            throw new HintedFailure("a thread was left running", "close what you open");
        }

        @Test
        @Order(4)
        @DisplayName("not here")
        void notHere() {
            org.junit.jupiter.api.Assumptions.abort("only on a newer JDK");
        }
    }
}
