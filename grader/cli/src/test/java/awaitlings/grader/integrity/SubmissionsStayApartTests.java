package awaitlings.grader.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import awaitlings.grader.fixture.Batch;
import awaitlings.grader.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 2: no submission touches another's grade. Nothing a graded JVM starts outlives it — a child, or a
 * grandchild its parent left behind — so nothing of one submission is still there when the next is graded, in the
 * same run or a later one.
 */
@DisplayName("No submission touches another's grade")
@Timeout(300)
class SubmissionsStayApartTests {

    @TempDir
    Path work;

    @Test
    @DisplayName("processes a submission starts, children and orphaned grandchildren, end with its JVM, also across runs")
    void nothingOutlivesItsJvm() throws IOException {
        assumeTrue(Sandbox.detected().isolated(), "only the sandbox's process namespace ends every descendant (root on Linux)");
        String marker = "lingerer-" + UUID.randomUUID();
        Batch batch = Batch.of(work, Batch.EXERCISE);
        Path attacker = batch.attacker("attacker", "import java.nio.file.*;", """
                Path classes = Path.of(Attack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                // A child that starts a grandchild and exits at once: the grandchild is left without a parent.
                new ProcessBuilder(java, "-cp", classes.toString(), "awaitlings.coffee.Lingerer", "%1$s", "spawn").start();
                new ProcessBuilder(java, "-cp", classes.toString(), "awaitlings.coffee.Lingerer", "%1$s", "stay").start();
                Thread.sleep(1000);
                return "started the lingerers";
                """.formatted(marker));
        Batch.write(attacker.resolve("exercises/" + Batch.EXERCISE + "/src/main/java/awaitlings/coffee/Lingerer.java"), """
                package awaitlings.coffee;
                class Lingerer {
                    public static void main(String[] args) throws Exception {
                        if (args[1].equals("spawn")) {
                            String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
                            new ProcessBuilder(launcher, "-cp", System.getProperty("java.class.path"), "awaitlings.coffee.Lingerer",
                                    args[0], "stay").start();
                            Thread.sleep(2000);
                            return;
                        }
                        Thread.sleep(600_000);
                    }
                }
                """);

        Batch.Graded first = batch.grade();

        assertThat(first.messages("attacker")).contains("attack ran: started the lingerers");
        assertThat(processesWith(marker)).as("processes the attacker started, after its grading").isEmpty();

        Files.walk(batch.course().root().getParent().resolve("batch").resolve("attacker")).sorted(java.util.Comparator.reverseOrder())
                .forEach(path -> path.toFile().delete());
        batch.solved("honest-solved");
        batch.stub("honest-stub");
        Batch.Graded second = batch.grade();

        assertThat(second.score("honest-solved")).isEqualTo(second.result("honest-solved").maxScore());
        assertThat(second.score("honest-stub")).isZero();
        assertThat(processesWith(marker)).isEmpty();
    }

    /** The command lines of running processes that mention {@code marker}. */
    private static List<String> processesWith(String marker) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                        } catch (IOException gone) {
                            return "";
                        }
                    })
                    .filter(command -> command.contains(marker))
                    .toList();
        }
    }
}
