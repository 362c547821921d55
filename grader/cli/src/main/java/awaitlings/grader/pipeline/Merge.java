package awaitlings.grader.pipeline;

import awaitlings.grader.model.Format;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.Outputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Puts the results of a batch graded in slices ({@code grade --shard K/N}, one results folder each) together into the
 * folder one run over the whole batch would have written: each submission's files copied as its slice wrote them,
 * then the batch's summaries over all of them. Every folder is read before anything is written, so a mistake in
 * what was named leaves the merged folder as it was.
 */
public final class Merge {

    /** A finished submission and the results folder it came from. */
    private record Found(Path folder, SubmissionResult result) {
    }

    private Merge() {
    }

    /**
     * Merges the results folders {@code folders} into {@code out}.
     *
     * @param exercises the course's exercises, in course order: the summaries' columns
     * @param notes     receives what was left out and why, e.g. a submission folder with no finished result in it
     * @return every submission merged, graded or not
     * @throws IllegalArgumentException when a folder is not a results folder, when {@code out} is one of them, or when
     *                                  two folders hold different results for one submission
     */
    public static List<SubmissionResult> merge(List<Path> folders, Path out, List<String> exercises, Set<Format> formats,
                                               Consumer<String> notes) throws IOException {
        for (Path folder : folders) {
            if (Files.exists(out) && Files.exists(folder) && Files.isSameFile(out, folder)) {
                throw new IllegalArgumentException("the merged results cannot go into " + folder + ", one of the folders merged");
            }
        }
        Map<String, Found> byId = collect(folders, notes);
        Files.createDirectories(out);
        for (Found found : byId.values()) {
            Outputs.copySubmission(found.folder(), out, found.result().id());
        }
        List<SubmissionResult> all = byId.values().stream().map(Found::result).toList();
        // The summaries order their rows themselves, so slices merged in any order write the same files.
        Outputs.writeSummary(out, all, exercises, formats);
        return all;
    }

    private static Map<String, Found> collect(List<Path> folders, Consumer<String> notes) {
        // Ids that differ only in case would share a folder where case is ignored, so a batch never holds both.
        Map<String, Found> byId = new LinkedHashMap<>();
        for (Path folder : folders) {
            for (String id : Outputs.submissionsIn(folder)) {
                Optional<SubmissionResult> result = Outputs.readFinished(folder, id);
                if (result.isEmpty()) {
                    notes.accept("skipped " + folder.resolve(id) + ": it holds no finished result");
                    continue;
                }
                Found earlier = byId.putIfAbsent(id.toLowerCase(Locale.ROOT), new Found(folder, result.get()));
                if (earlier != null && !earlier.result().equals(result.get())) {
                    throw new IllegalArgumentException("submission " + id + " has different results in " + earlier.folder()
                            + " and " + folder + ": each submission must come from one shard only");
                }
            }
        }
        return byId;
    }
}
