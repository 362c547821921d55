package awaitlings.grader.submission;

import java.nio.file.Path;
import java.util.List;

/**
 * One submission found on the command line, ready to be laid over the course.
 *
 * @param id     the folder or zip name (with a suffix such as {@code -2} when two submissions share a name)
 * @param root   the folder that holds its {@code exercises/}: the folder itself, or where its zip was extracted
 * @param notes  what an instructor should know about how it was read, e.g. a zip entry that was refused
 */
public record Submission(String id, Path root, List<String> notes) {

    public Submission {
        notes = List.copyOf(notes);
    }

    public Submission(String id, Path root) {
        this(id, root, List.of());
    }
}
