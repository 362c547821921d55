package awaitlings.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import awaitlings.grader.fixture.Batch;
import awaitlings.grader.model.SubmissionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 1: only the course's checks decide. A submission that brings classes named like the checks, the
 * harness or JUnit, or files that configure JUnit or the ServiceLoader, is flagged tampered with each file named,
 * and graded as if those files were absent.
 */
@DisplayName("Only the course's checks decide")
@Timeout(300)
class OnlyTheChecksDecideTests {

    private static final String MAIN = "exercises/" + Batch.EXERCISE + "/src/main/";

    @TempDir
    Path work;

    @Test
    @DisplayName("look-alike checks, a look-alike @Test, harness class or JUnit configuration earn nothing and are named")
    void lookAlikesEarnNothing() throws IOException {
        Batch batch = Batch.of(work, Batch.EXERCISE);
        Path fakeChecks = batch.stub("fake-checks");
        Path java = fakeChecks.resolve(MAIN + "java");
        Batch.write(java.resolve("org/junit/jupiter/api/Test.java"), """
                package org.junit.jupiter.api;
                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Test { }
                """);
        Batch.write(java.resolve("awaitlings/coffee/CoffeeShopTest.java"), passingLookAlike("CoffeeShopTest",
                batch.course().exercise(Batch.EXERCISE).resolve("src/test/java/awaitlings/coffee/CoffeeShopTest.java")));
        Batch.write(java.resolve("awaitlings/coffee/CoffeeShopHiddenTest.java"), passingLookAlike("CoffeeShopHiddenTest",
                batch.course().solution(Batch.EXERCISE).resolve("src/test/java/awaitlings/coffee/CoffeeShopHiddenTest.java")));
        Batch.write(java.resolve("awaitlings/harness/FakeRemote.java"), "package awaitlings.harness;\npublic class FakeRemote { }\n");
        Path configures = batch.stub("configures-junit");
        Batch.write(configures.resolve(MAIN + "resources/junit-platform.properties"), "junit.jupiter.extensions.autodetection.enabled=false\n");
        Batch.write(configures.resolve(MAIN + "resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener"),
                "awaitlings.coffee.Listener\n");
        Batch.write(configures.resolve(MAIN + "java/META-INF/services/org.junit.jupiter.api.extension.Extension"), "awaitlings.coffee.Skip\n");
        Path solvedWithLookAlike = batch.solved("solved-with-look-alike");
        Batch.write(solvedWithLookAlike.resolve(MAIN + "java/awaitlings/coffee/CoffeeShopHiddenTest.java"),
                "package awaitlings.coffee;\nclass CoffeeShopHiddenTest { }\n");
        batch.solved("honest-solved");
        batch.stub("honest-stub");

        Batch.Graded graded = batch.grade();

        SubmissionResult stub = graded.result("honest-stub");
        SubmissionResult solved = graded.result("honest-solved");
        assertThat(stub.score()).isZero();
        assertThat(solved.score()).isEqualTo(solved.maxScore()).isPositive();
        assertThat(stub.tampered()).isEmpty();
        assertThat(solved.tampered()).isEmpty();

        assertThat(graded.result("fake-checks").tampered()).containsExactlyInAnyOrder(
                MAIN + "java/awaitlings/coffee/CoffeeShopHiddenTest.java (declares awaitlings.coffee.CoffeeShopHiddenTest,"
                        + " a class of the course's checks; that class was left out)",
                MAIN + "java/awaitlings/coffee/CoffeeShopTest.java (declares awaitlings.coffee.CoffeeShopTest,"
                        + " a class of the course's checks; that class was left out)",
                MAIN + "java/awaitlings/harness/FakeRemote.java (declares awaitlings.harness.FakeRemote,"
                        + " a class in awaitlings.harness, a package of the libraries the checks use; that class was left out)",
                MAIN + "java/org/junit/jupiter/api/Test.java (declares org.junit.jupiter.api.Test,"
                        + " a class in org.junit.jupiter.api, a package of the libraries the checks use; that class was left out)");
        assertThat(graded.result("configures-junit").tampered()).containsExactlyInAnyOrder(
                MAIN + "java/META-INF/services/org.junit.jupiter.api.extension.Extension (a JUnit or ServiceLoader configuration file; it was left out)",
                MAIN + "resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener (a JUnit or ServiceLoader configuration file; it was left out)",
                MAIN + "resources/junit-platform.properties (a JUnit or ServiceLoader configuration file; it was left out)");
        for (String attacker : List.of("fake-checks", "configures-junit")) {
            assertThat(verdicts(graded.result(attacker))).as("%s is graded as the stub it is", attacker).isEqualTo(verdicts(stub));
        }
        assertThat(graded.score("solved-with-look-alike")).as("a solution keeps its points; only its look-alike is dropped")
                .isEqualTo(solved.score());
        assertThat(graded.gradebook()).anySatisfy(row -> assertThat(row).startsWith("fake-checks,0,").endsWith(",tampered"))
                .anySatisfy(row -> assertThat(row).startsWith("configures-junit,0,").endsWith(",tampered"));
    }

    /** A class named like a test class of the course, with each of its test methods, each passing. */
    private static String passingLookAlike(String name, Path realTest) throws IOException {
        Matcher methods = Pattern.compile("void (\\w+)\\(\\)").matcher(Files.readString(realTest));
        StringBuilder source = new StringBuilder("package awaitlings.coffee;\nimport org.junit.jupiter.api.Test;\nclass " + name + " {\n");
        while (methods.find()) {
            source.append("    @Test void ").append(methods.group(1)).append("() { }\n");
        }
        return source.append("}\n").toString();
    }

    /** Each check with whether it passed and what it said, as text that two submissions can be compared by. */
    private static String verdicts(SubmissionResult result) {
        return result.verdicts().stream().map(v -> v.check().id() + " " + v.passed() + " " + v.message())
                .collect(Collectors.joining("\n"));
    }
}
