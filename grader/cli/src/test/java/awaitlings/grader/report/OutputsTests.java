package awaitlings.grader.report;

import static awaitlings.grader.fixture.SampleResults.alice;
import static awaitlings.grader.fixture.SampleResults.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import awaitlings.grader.fixture.SampleResults;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.platform.ClassroomReport;
import awaitlings.grader.report.platform.ExercismReport;
import awaitlings.grader.report.platform.GradescopeReport;
import awaitlings.grader.report.platform.JunitXmlReport;
import awaitlings.grader.report.platform.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Outputs")
class OutputsTests {

    @TempDir
    Path out;

    @Test
    @DisplayName("Outputs · writes every format of a submission into its folder, and the finished marker")
    void writesEveryFormat() throws Exception {
        Outputs.writeSubmission(out, alice(), Format.all());

        assertThat(filesUnder(out.resolve("alice"))).containsExactlyInAnyOrder(
                "results.json", "exercism.json", "classroom.json", "junit/01-coffee-shop.xml", "junit/02-future-not-value.xml",
                "awaitlings.json");
        assertThat(read("alice/results.json")).isEqualTo(GradescopeReport.render(alice()));
        assertThat(read("alice/exercism.json")).isEqualTo(ExercismReport.render(alice()));
        assertThat(read("alice/classroom.json")).isEqualTo(ClassroomReport.render(alice()));
        // The suite's timestamp and host are the moment and machine of writing: everything else is the render.
        String junit = read("alice/junit/02-future-not-value.xml");
        Matcher suite = Pattern.compile("timestamp=\"([^\"]+)\"").matcher(junit);
        assertThat(suite.find()).as("a timestamp in %s", junit).isTrue();
        Instant writtenAt = LocalDateTime.parse(suite.group(1)).toInstant(ZoneOffset.UTC);
        String host = junit.replaceFirst("(?s).*hostname=\"([^\"]+)\".*", "$1");
        assertThat(junit).isEqualTo(JunitXmlReport.render(alice(), alice().exercises().get(1), writtenAt, host));
        assertThat(ResultJson.readTree(read("alice/results.json")).get("score").asInt()).isEqualTo(6);
    }

    @Test
    @DisplayName("Outputs · reads back exactly the result it wrote to awaitlings.json")
    void roundTripsTheResult() throws Exception {
        Outputs.writeSubmission(out, alice(), Format.all());
        Outputs.writeSubmission(out, bob(), Format.all());

        assertThat(Outputs.readFinished(out, "alice")).contains(alice());
        assertThat(Outputs.readFinished(out, "bob")).contains(bob());
        assertThat(ResultJson.readTree(read("alice/awaitlings.json")).get("time").asText()).isEqualTo("PT12.4S");
    }

    @Test
    @DisplayName("Outputs · writes only the selected formats, and awaitlings.json always")
    void writesOnlySelectedFormats() throws Exception {
        Outputs.writeSubmission(out, alice(), EnumSet.of(Format.EXERCISM, Format.CSV));

        assertThat(filesUnder(out.resolve("alice"))).containsExactlyInAnyOrder("exercism.json", "awaitlings.json");
    }

    @Test
    @DisplayName("Outputs · leaves no temporary file behind, also when replacing files of an earlier run")
    void leavesNoTemporaryFiles() throws Exception {
        Outputs.writeSubmission(out, alice(), Format.all());
        Outputs.writeSubmission(out, alice(), Format.all());
        Outputs.writeSummary(out, List.of(alice(), bob()), SampleResults.EXERCISES, Format.all());
        Outputs.writeSummary(out, List.of(alice(), bob()), SampleResults.EXERCISES, Format.all());

        assertThat(filesUnder(out)).allSatisfy(file -> assertThat(file).doesNotEndWith(".tmp"))
                .hasSize(6 + 2);
    }

    @Test
    @DisplayName("Outputs · does not mark a submission finished when one of its files could not be written")
    void marksFinishedOnlyWhenEverythingWasWritten() throws Exception {
        Outputs.writeSubmission(out, alice(), Format.all());
        // A file where the junit folder belongs makes the JUnit files unwritable on the regrade.
        deleteTree(out.resolve("alice/junit"));
        Files.writeString(out.resolve("alice/junit"), "in the way");

        assertThatThrownBy(() -> Outputs.writeSubmission(out, alice(), Format.all())).isInstanceOf(UncheckedIOException.class);

        assertThat(out.resolve("alice/awaitlings.json")).doesNotExist();
        assertThat(Outputs.readFinished(out, "alice")).isEmpty();
    }

    @Test
    @DisplayName("Outputs · finds no finished result when awaitlings.json is missing, unreadable as a result, or someone else's")
    void findsNoFinishedResultOtherwise() throws Exception {
        assertThat(Outputs.readFinished(out, "alice")).isEmpty();

        Files.createDirectories(out.resolve("alice"));
        Files.writeString(out.resolve("alice/awaitlings.json"), "{\"id\": \"alice\", \"exerc");
        assertThat(Outputs.readFinished(out, "alice")).isEmpty();

        Files.writeString(out.resolve("alice/awaitlings.json"), "{\"id\": \"alice\", \"time\": 12}");
        assertThat(Outputs.readFinished(out, "alice")).isEmpty();

        Files.writeString(out.resolve("alice/awaitlings.json"), ResultJson.write(bob()));
        assertThat(Outputs.readFinished(out, "alice")).isEmpty();
    }

    @Test
    @DisplayName("Outputs · writes gradebook.csv and report.html for all submissions, as selected")
    void writesTheSummary() throws Exception {
        Outputs.writeSummary(out, List.of(alice(), bob()), SampleResults.EXERCISES, EnumSet.of(Format.CSV));

        assertThat(read("gradebook.csv")).isEqualTo(Gradebook.render(List.of(alice(), bob()), SampleResults.EXERCISES));
        assertThat(out.resolve("report.html")).doesNotExist();

        Outputs.writeSummary(out, List.of(alice(), bob()), SampleResults.EXERCISES, EnumSet.of(Format.HTML));
        assertThat(read("report.html")).isEqualTo(HtmlReport.render(List.of(alice(), bob()), SampleResults.EXERCISES));
    }

    @Test
    @DisplayName("Outputs · refuses a submission id that would write outside the output folder")
    void refusesIdsThatLeaveTheFolder() {
        for (String id : List.of("..", "../elsewhere", "a/b", " ")) {
            SubmissionResult result = new SubmissionResult(id, List.of(), List.of(), List.of(), "", java.time.Duration.ZERO);
            assertThatThrownBy(() -> Outputs.writeSubmission(out, result, Format.all()))
                    .as("id %s", id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a submission id must be a plain file name, not \"" + id + "\"");
        }
    }

    @Test
    @DisplayName("Outputs · lists the submissions of a results folder by name, finished or not, and not its hidden folders")
    void listsTheSubmissionsOfAResultsFolder() throws Exception {
        Outputs.writeSubmission(out, bob(), Format.all());
        Outputs.writeSubmission(out, alice(), Format.all());
        Files.createDirectories(out.resolve("carol"));
        Files.createDirectories(out.resolve(".cache"));
        Outputs.writeSummary(out, List.of(alice(), bob()), SampleResults.EXERCISES, Format.all());

        assertThat(Outputs.submissionsIn(out)).containsExactly("alice", "bob", "carol");
    }

    @Test
    @DisplayName("Outputs · a results folder holds a summary or a finished submission; anything else is refused with one line")
    void refusesWhatIsNotAResultsFolder() throws Exception {
        Path empty = Files.createDirectories(out.resolve("empty"));
        Path clones = Files.createDirectories(out.resolve("clones"));
        Files.createDirectories(clones.resolve("alice/exercises"));
        Path file = Files.writeString(out.resolve("notes.txt"), "not a folder");

        assertThatThrownBy(() -> Outputs.submissionsIn(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a results folder: " + empty + " (it has no gradebook.csv, no report.html and no <id>/awaitlings.json)");
        assertThatThrownBy(() -> Outputs.submissionsIn(clones)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a results folder: " + clones + " ");
        assertThatThrownBy(() -> Outputs.submissionsIn(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a results folder, but a file: " + file);
        assertThatThrownBy(() -> Outputs.submissionsIn(out.resolve("nobody"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such folder: " + out.resolve("nobody"));

        Outputs.writeSummary(empty, List.of(), SampleResults.EXERCISES, EnumSet.of(Format.CSV));
        assertThat(Outputs.submissionsIn(empty)).as("an empty shard's folder").isEmpty();
    }

    @Test
    @DisplayName("Outputs · copies a submission's folder byte for byte, in place of what was there, without a killed run's temporary files")
    void copiesASubmission() throws Exception {
        Path shard = out.resolve("shard");
        Path merged = out.resolve("merged");
        Outputs.writeSubmission(shard, alice(), Format.all());
        Files.writeString(shard.resolve("alice/.results.json.123.tmp"), "half a file");
        Outputs.writeSubmission(merged, alice(), EnumSet.of(Format.EXERCISM));
        Files.writeString(merged.resolve("alice/stale.json"), "from an earlier merge");

        Outputs.copySubmission(shard, merged, "alice");

        assertThat(filesUnder(merged.resolve("alice"))).containsExactlyInAnyOrder(
                "results.json", "exercism.json", "classroom.json", "junit/01-coffee-shop.xml", "junit/02-future-not-value.xml",
                "awaitlings.json");
        for (String file : filesUnder(merged.resolve("alice"))) {
            assertThat(merged.resolve("alice").resolve(file)).as(file).hasSameBinaryContentAs(shard.resolve("alice").resolve(file));
        }
        assertThat(Outputs.readFinished(merged, "alice")).contains(alice());
    }

    private String read(String relative) throws IOException {
        return Files.readString(out.resolve(relative), StandardCharsets.UTF_8);
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/')).toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
